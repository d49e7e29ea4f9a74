#!/usr/bin/env python3
"""Generates the SYNTHETIC sample corpora under workers/samples/ from espeak-ng speech.

Nothing here is real data: every voice is an espeak-ng variant, every label is a prosody
setting chosen by this script. The corpora copy the on-disk layouts of LibriSpeech, RECOLA
(AVEC 2016), DAIC-WOZ (AVEC 2017) and the platform's CSV manifest so that the readers, the
download code, the unit tests and `./emo demo` can run without the licensed corpora.

Labels are tied to audible prosody in the same direction for every speaker (see README.md),
so the small CNNs can learn them across speakers. Runs are deterministic: seeded random
choices, `sox -R -D` (fixed seeds, no dither), fixed archive timestamps.

Usage: python3 generate.py            (regenerate everything, then check)
       python3 generate.py recola     (regenerate one corpus: librispeech, recola, daic_woz,
                                       manifest; the archive comes with librispeech)
       python3 generate.py --check    (only check what is on disk)
Needs espeak-ng, sox (with FLAC support) on PATH; generate.sh installs them.
"""
import array
import csv
import gzip
import hashlib
import io
import math
import os
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile
import wave
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SR = 16000
FIXED_MTIME = 946684800  # 2000-01-01, so archives are byte-identical between runs
TMP = None

# English sentences spoken by every corpus (words only: no markup characters).
SENTENCES = [
    "The weather was lovely yesterday so we walked down to the river and watched the boats.",
    "Most people in the village still remember the winter when the lake froze solid.",
    "She opened the old wooden box and found a bundle of letters tied with string.",
    "Please remember to close the windows before you leave the house tonight.",
    "The train to the coast was late again, and nobody seemed to know why.",
    "He spent the whole afternoon fixing the bicycle in the garage.",
    "Our neighbours have planted tomatoes, beans and a row of bright sunflowers.",
    "I can't believe how quickly the children have grown this year.",
    "The museum will be closed on Monday for repairs to the roof.",
    "A small dog followed us all the way home from the market.",
    "They painted the kitchen yellow because it gets so little light.",
    "The captain told the passengers to stay calm and wait for instructions.",
    "We found a quiet table near the window and ordered two cups of tea.",
    "The report must be finished by Thursday morning at the latest.",
    "My grandfather used to tell stories about the mountains where he grew up.",
    "The library has a new collection of maps from the eighteenth century.",
    "It rained all night, and in the morning the garden was full of puddles.",
    "Could you pass me the salt and the pepper, please?",
    "The orchestra played for almost two hours without a single break.",
    "She learned to swim when she was already thirty years old.",
    "The farmer sold us a basket of apples and a jar of honey.",
    "Nobody expected the little team from the north to win the cup.",
    "The doctor said that I should rest for at least a week.",
    "We missed the last bus and had to walk back across the bridge.",
    "The baker starts work at four o'clock every morning.",
    "There is a strange light moving slowly above the hills.",
    "I have never seen so many stars as on that night in the desert.",
    "The meeting was moved to the large room on the second floor.",
    "He wrote the answer on a scrap of paper and handed it to me.",
    "Fresh snow had covered the road, and the car would not start.",
    "The students listened carefully while the teacher explained the experiment.",
    "Their house stands at the end of a long lane lined with oak trees.",
    "If you follow this path you will reach the lighthouse before sunset.",
    "The shop on the corner sells newspapers, sweets and cheap umbrellas.",
    "We talked for hours about music, books and the places we had visited.",
    "The old clock in the hall stopped at exactly midnight.",
    "Everyone cheered when the fireworks lit up the harbour.",
    "The package arrived three days late and the box was badly damaged.",
    "Let's meet at the station at half past six and take the early train.",
    "The wind blew the leaves across the empty playground.",
    "I think the soup needs a little more salt.",
    "After the storm the fishermen repaired their nets on the beach.",
    "Nobody came to the party.",
    "We waited a long time in the rain.",
    "The letter never arrived.",
    "I lost my keys again this morning.",
    "The phone rang twice and then stopped.",
    "It is getting late now.",
    "She closed the book and sighed.",
    "The lights went out at nine.",
]

FEMALE_VARIANTS = ["f1", "f2", "f3", "f4", "f5", "Alicia", "Andrea", "Annie", "anika",
                   "belinda", "linda", "steph", "aunty"]
MALE_VARIANTS = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "adam", "Andy", "benjamin",
                 "caleb", "david", "edward", "john", "max", "norbert", "Gene", "Lee",
                 "victor", "paul", "ed"]
ACCENTS = ["en-us", "en-gb", "en-gb-scotland", "en-029", "en-gb-x-rp", "en-us-nyc",
           "en-gb-x-gbclan", "en-gb-x-gbcwmd"]
RANGES = ["x-low", "low", "medium", "high", "x-high"]


# ---------------------------------------------------------------- audio helpers

def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, **kw)


def speak(text, voice, pitch, speed, prange="medium", wordgap=0, treble=0.0,
          overdrive=0.0, highpass=70, reverb=(15, 60), level_db=-26.0, lowpass=None):
    """espeak-ng -> sox chain -> 16 kHz mono int16 samples (array 'h') whose active speech
    level (RMS over the frames within 30 dB of the loudest) is level_db dBFS."""
    pitch = max(0, min(99, int(round(pitch))))
    speed = max(80, min(450, int(round(speed))))
    wav = os.path.join(TMP, "espeak.wav")
    ssml = '<speak><prosody range="%s">%s</prosody></speak>' % (prange, text)
    run(["espeak-ng", "-m", "-z", "-v", voice, "-p", str(pitch), "-s", str(speed),
         "-g", str(int(wordgap)), "-w", wav, ssml])
    effects = ["rate", "-h", str(SR), "highpass", str(highpass)]
    if abs(treble) > 0.05:
        effects += ["treble", "%.1f" % treble, "3000"]
    if lowpass:
        effects += ["lowpass", str(int(lowpass))]
    if overdrive > 0:
        effects += ["overdrive", "%.1f" % overdrive]
    effects += ["reverb", str(reverb[0]), "50", str(reverb[1]), "gain", "-n", "-3"]
    raw = run(["sox", "-R", "-D", wav, "-t", "raw", "-L", "-e", "signed", "-b", "16", "-c", "1", "-"]
              + effects).stdout
    return set_level(from_le_bytes(raw), level_db)


def set_level(x, level_db):
    """Scales to an active speech level (loudness without the pauses), peaks kept under
    -1 dBFS: levels, unlike peak normalisation, stay comparable across timbres."""
    n = 320
    energies = [sum(v * v for v in x[i:i + n]) / n for i in range(0, len(x) - n + 1, n)]
    top = max(energies)
    active = [e for e in energies if e > top * 1e-3]
    rms = math.sqrt(sum(active) / len(active)) / 32768
    gain = 10 ** (level_db / 20) / rms
    peak = max(abs(v) for v in x) / 32768
    gain = min(gain, 0.89 / peak)
    return array.array("h", (int(round(v * gain)) for v in x))


def from_le_bytes(raw):
    a = array.array("h")
    a.frombytes(raw)
    if sys.byteorder == "big":
        a.byteswap()
    return a


def to_le_bytes(a):
    if sys.byteorder == "big":
        a = array.array("h", a)
        a.byteswap()
    return a.tobytes()


def seconds(n_samples):
    return n_samples / SR


def silence(sec):
    return array.array("h", bytes(2 * int(round(sec * SR))))


class Timeline:
    """Places clips one after another with pauses and remembers where each one lies."""

    def __init__(self):
        self.buf = array.array("h")
        self.spans = []  # (start_s, stop_s, tag)

    def pause(self, sec):
        self.buf.extend(silence(sec))

    def put(self, clip, tag=None):
        start = len(self.buf)
        self.buf.extend(clip)
        self.spans.append((seconds(start), seconds(len(self.buf)), tag))

    def duration(self):
        return seconds(len(self.buf))


def add_noise(buf, rng, rms_db):
    """Mixes in low-level coloured noise (a cheap room/microphone floor), then quantises to
    11 significant bits (steps of 32: about -71 dBFS of quantisation noise, under the -62..-52
    dBFS noise floor): FLAC then stores the files in about half the space, which keeps the
    corpora inside their size budget. Files stay 16-bit."""
    sigma = 32768 * 10 ** (rms_db / 20) * math.sqrt(1 - 0.9 ** 2)
    gauss = rng.gauss
    y = 0.0
    out = array.array("h", bytes(2 * len(buf)))
    clipped = 0
    for i, s in enumerate(buf):
        y = 0.9 * y + gauss(0.0, sigma)
        v = int(round((s + y) / 32)) * 32
        if v > 32767:
            v, clipped = 32736, clipped + 1
        elif v < -32768:
            v, clipped = -32768, clipped + 1
        out[i] = v
    if clipped > len(buf) // 1000:
        raise RuntimeError("noise mix clipped %d samples" % clipped)
    return out


def write_audio(path, samples, rate=SR, channels=1):
    """16 kHz mono WAV directly; FLAC, other rates and stereo through sox."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if path.endswith(".wav") and rate == SR and channels == 1:
        with wave.open(path, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(SR)
            w.writeframes(to_le_bytes(samples))
        return
    out_opts = ["-C", "8"] if path.endswith(".flac") else ["-e", "signed"]
    effects = []
    if rate != SR:
        effects += ["rate", "-h", str(rate)]
    if channels == 2:
        effects += ["remix", "1v1.0", "1v0.85"]  # two slightly different channels
    run(["sox", "-R", "-D", "-t", "raw", "-L", "-r", str(SR), "-e", "signed", "-b", "16",
         "-c", "1", "-", "-b", "16"] + out_opts + [path] + effects, input=to_le_bytes(samples))


def fit(render, texts, lo, hi, rng):
    """Renders texts (tried in a seeded order) until one lasts lo..hi seconds; two short
    ones are joined when no single one is long enough. Returns (text, samples)."""
    order = list(texts)
    rng.shuffle(order)
    best = None
    for t in order[:12]:
        clip = render(t)
        d = seconds(len(clip))
        if lo <= d <= hi:
            return t, clip
        if d < lo:
            t2 = t + " " + order[-1] if order[-1] != t else t + " " + order[0]
            clip2 = render(t2)
            if lo <= seconds(len(clip2)) <= hi:
                return t2, clip2
        gap = min(abs(d - lo), abs(d - hi))
        if best is None or gap < best[0]:
            best = (gap, t, clip)
    return best[1], best[2]


def speaker_profile(rng, sex, variant, accent, pitch_lo, pitch_hi):
    """A synthetic speaker: voice, base pitch/speed, a room and a noise floor."""
    return {
        "voice": "%s+%s" % (accent, variant),
        "sex": sex,
        "p0": rng.uniform(pitch_lo, pitch_hi),
        "s0": rng.uniform(150, 180),
        "hp": rng.choice([60, 80, 100, 120]),
        "reverb": (rng.randint(5, 35), rng.randint(20, 80)),
        "noise_db": rng.uniform(-62, -52),
        "tilt": rng.uniform(-1.5, 1.5),
    }


def pick_voices(rng, n_f, n_m, exclude=()):
    fv = [v for v in FEMALE_VARIANTS if v not in exclude]
    mv = [v for v in MALE_VARIANTS if v not in exclude]
    rng.shuffle(fv)
    rng.shuffle(mv)
    acc = list(ACCENTS)
    rng.shuffle(acc)
    f = [(fv[i % len(fv)], acc[i % len(acc)]) for i in range(n_f)]
    m = [(mv[i % len(mv)], acc[(i + 3) % len(acc)]) for i in range(n_m)]
    return f, m


def caps_transcript(text):
    """LibriSpeech style: upper case, words and apostrophes only."""
    return " ".join("".join(c if c.isalpha() or c == "'" else " " for c in text.upper()).split())


# ---------------------------------------------------------------- LibriSpeech

def librispeech():
    rng = random.Random(1001)
    root = os.path.join(HERE, "librispeech", "LibriSpeech")
    shutil.rmtree(os.path.join(HERE, "librispeech"), ignore_errors=True)
    fvoices, mvoices = pick_voices(rng, 8, 8)
    ids = sorted(rng.sample(range(100, 9000), 16))
    speakers = []
    for i, spk in enumerate(ids):
        sex = "F" if i % 2 == 0 else "M"
        variant, accent = (fvoices if sex == "F" else mvoices)[i // 2]
        prof = speaker_profile(rng, sex, variant, accent, *((50, 80) if sex == "F" else (15, 45)))
        # female voices a little brighter, male darker: a spectral-envelope cue that a
        # low-resolution spectrogram keeps when it cannot resolve the pitch harmonics
        prof["tilt"] += rng.uniform(2, 5) if sex == "F" else -rng.uniform(2, 5)
        chapter = rng.randint(10000, 199999)
        cdir = os.path.join(root, "dev-clean", str(spk), str(chapter))
        lines, total = [], 0.0
        texts = rng.sample(SENTENCES, 14)
        for u in range(3):
            prange = rng.choice(["low", "medium", "high"])
            pitch = prof["p0"] + rng.uniform(-4, 4)
            speed = prof["s0"] + rng.uniform(-10, 10)
            level = rng.uniform(-30, -22)

            def render(t, pitch=pitch, speed=speed, prange=prange, level=level):
                return speak(t, prof["voice"], pitch, speed, prange, treble=prof["tilt"],
                             highpass=prof["hp"], reverb=prof["reverb"], level_db=level)
            text, clip = fit(render, texts[u * 4:u * 4 + 4], 4.0, 4.8, rng)
            tl = Timeline()
            tl.pause(rng.uniform(0.15, 0.35))
            tl.put(clip)
            tl.pause(rng.uniform(0.15, 0.35))
            audio = add_noise(tl.buf, rng, prof["noise_db"])
            utt = "%d-%d-%04d" % (spk, chapter, u)
            write_audio(os.path.join(cdir, utt + ".flac"), audio)
            lines.append("%s %s" % (utt, caps_transcript(text)))
            total += seconds(len(audio))
        with open(os.path.join(cdir, "%d-%d.trans.txt" % (spk, chapter)), "w") as f:
            f.write("\n".join(lines) + "\n")
        speakers.append((spk, sex, total / 60, "synthetic espeak-ng %s" % prof["voice"]))
    with open(os.path.join(root, "SPEAKERS.TXT"), "w") as f:
        f.write("; SYNTHETIC sample of the LibriSpeech layout: every speaker is an espeak-ng voice\n"
                "; generated by workers/samples/generate.py; not LibriSpeech data.\n"
                "; The following are the speaker IDs, gender, subset and minutes of speech.\n"
                ";ID  |SEX| SUBSET           |MINUTES| NAME\n")
        for spk, sex, minutes, name in speakers:
            f.write("%-5d| %s | %-17s| %5.2f | %s\n" % (spk, sex, "dev-clean", minutes, name))
    make_tarball(root)


def make_tarball(root):
    """LibriSpeech-style dev-clean-mini.tar.gz (top folder LibriSpeech/) and its MD5.

    Same speakers, chapters and SPEAKERS.TXT as librispeech/, but only each chapter's first
    utterance (utt 0000), to stay inside the size budget; each trans.txt lists only it."""
    adir = os.path.join(HERE, "archives")
    shutil.rmtree(adir, ignore_errors=True)
    os.makedirs(adir)
    path = os.path.join(adir, "dev-clean-mini.tar.gz")
    base = os.path.dirname(root)
    members = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        members.append(d)
        members += [os.path.join(d, f) for f in sorted(files)
                    if not f.endswith(".flac") or f.endswith("-0000.flac")]
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                  mtime=FIXED_MTIME) as gz:
        with tarfile.open(fileobj=gz, mode="w", format=tarfile.USTAR_FORMAT) as tar:
            for m in members:
                info = tar.gettarinfo(m, arcname=os.path.relpath(m, base))
                info.mtime, info.uid, info.gid, info.uname, info.gname = FIXED_MTIME, 0, 0, "", ""
                info.mode = 0o755 if info.isdir() else 0o644
                if info.isdir():
                    tar.addfile(info)
                elif m.endswith(".trans.txt"):
                    with open(m) as f:
                        data = "".join(l for l in f if l.split()[0].endswith("-0000")).encode()
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
                else:
                    with open(m, "rb") as f:
                        tar.addfile(info, f)
    with open(path, "rb") as f:
        md5 = hashlib.md5(f.read()).hexdigest()
    with open(os.path.join(adir, "MD5SUMS"), "w") as f:
        f.write("%s  dev-clean-mini.tar.gz\n" % md5)


# ---------------------------------------------------------------- RECOLA

def recola():
    """Arousal: speed, loudness and mean pitch. Valence: brightness (treble shelf, muffling
    low-pass when negative) and pitch range."""
    rng = random.Random(2002)
    root = os.path.join(HERE, "recola")
    shutil.rmtree(root, ignore_errors=True)
    names = ["train_%d" % i for i in range(1, 5)] + ["dev_%d" % i for i in range(1, 5)]
    sexes = ["F", "M", "F", "M", "M", "F", "M", "F"]
    fvoices, mvoices = pick_voices(rng, 4, 4)
    short = [s for s in SENTENCES if len(s.split()) <= 10]
    for k, name in enumerate(names):
        sex = sexes[k]
        variant, accent = (fvoices if sex == "F" else mvoices)[k // 2]
        prof = speaker_profile(rng, sex, variant, accent, *((42, 62) if sex == "F" else (28, 48)))
        # episodes of about 4 s (one or two sentences) hold one arousal and one valence level,
        # so that most 2.5 s segments fall inside one level
        n = 4
        arousal = spread(rng, n)
        valence = min((spread(rng, n) for _ in range(24)), key=lambda v: abs(corr(arousal, v)))
        tl = Timeline()
        tl.pause(rng.uniform(0.3, 0.5))
        texts = list(short)
        rng.shuffle(texts)
        for j in range(n):
            start = tl.duration()
            while tl.duration() - start < 3.2:
                a = arousal[j] + rng.uniform(-0.05, 0.05)
                v = valence[j] + rng.uniform(-0.05, 0.05)
                clip = speak(texts.pop(), prof["voice"],
                             pitch=prof["p0"] + 22 * a + rng.uniform(-2, 2),
                             speed=168 + 58 * a + rng.uniform(-5, 5),
                             prange=RANGES[min(4, int((v + 1) / 2 * 5))],
                             treble=prof["tilt"] + 10 * v,
                             lowpass=muffle(v),
                             highpass=prof["hp"], reverb=prof["reverb"],
                             level_db=-27 + 8 * a + rng.uniform(-1, 1))
                tl.put(clip, (a, v))
                tl.pause(rng.uniform(0.25, 0.4))
            tl.pause(rng.uniform(0.2, 0.4))
        # end on a whole number of 40 ms gold-standard frames
        frame = int(0.04 * SR)
        tl.pause(seconds(-len(tl.buf) % frame))
        duration = seconds(len(tl.buf))
        audio = add_noise(tl.buf, rng, prof["noise_db"])
        write_audio(os.path.join(root, "recordings_audio", name + ".wav"), audio)
        for dim, idx in (("arousal", 0), ("valence", 1)):
            rows = gold_standard(rng, tl.spans, idx, duration)
            write_arff(os.path.join(root, "ratings_gold_standard", dim, name + ".arff"), name, rows)


def muffle(v):
    """Low-pass cut-off for negative valence: about 2.2 kHz at -0.85, 4.5 kHz at -0.4, none
    from -0.05 up (the cut-off passes 7.5 kHz)."""
    cutoff = 1800 * 4.5 ** (v + 1)
    return cutoff if cutoff < 7500 else None


def corr(x, y):
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def spread(rng, n):
    """n sentence levels covering [-0.85, 0.85] in a shuffled order, jittered."""
    levels = [-0.85 + 1.7 * (i + rng.uniform(0.1, 0.9)) / n for i in range(n)]
    rng.shuffle(levels)
    return levels


def gold_standard(rng, spans, idx, duration):
    """Sentence level inside sentences, 0 in pauses, smoothed, plus slow small noise."""
    step = 0.04
    frames = int(round(duration / step)) + 1
    base = []
    for f in range(frames):
        t = f * step
        level = 0.0
        for start, stop, tag in spans:
            if start <= t < stop:
                level = tag[idx]
        base.append(level)
    half = 5
    smooth = [sum(base[max(0, f - half):f + half + 1]) / len(base[max(0, f - half):f + half + 1])
              for f in range(frames)]
    waves = [(rng.uniform(0.01, 0.025), rng.uniform(0.05, 0.4), rng.uniform(0, 2 * math.pi))
             for _ in range(3)]
    rows = []
    for f in range(frames):
        t = f * step
        g = smooth[f] + sum(a * math.sin(2 * math.pi * fr * t + ph) for a, fr, ph in waves)
        rows.append((t, max(-1.0, min(1.0, g))))
    return rows


def write_arff(path, name, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("@relation GoldStandard\n\n"
                "@attribute Instance_name string\n"
                "@attribute frameTime numeric\n"
                "@attribute GoldStandard numeric\n\n"
                "@data\n\n")
        for t, g in rows:
            f.write("'%s',%.6f,%.6f\n" % (name, t, g))


# ---------------------------------------------------------------- DAIC-WOZ

# Ellie's questions with a lively and a low answer each (index-paired).
ELLIE_QUESTIONS = [
    "how are you doing today",
    "where are you from originally",
    "what do you do to relax",
    "how have you been feeling lately",
    "how have you been sleeping",
    "when did you last feel really happy",
    "what are you most proud of",
    "how would your best friend describe you",
]
ANSWERS_WELL = [
    "pretty good thanks, it's been a great week",
    "i grew up by the sea, near a small harbour",
    "i go running and cook dinner with friends",
    "really good, lots of energy lately",
    "easy, i sleep about eight hours most nights",
    "last weekend at my sister's party, it was so much fun",
    "finishing my degree while working full time",
    "funny and loyal, and a bit too talkative",
]
ANSWERS_LOW = [
    "i guess i'm okay",
    "from here, i never left",
    "nothing really, i stay home",
    "tired, all the time",
    "hard, i wake up a lot",
    "i can't remember",
    "i'm not sure",
    "quiet, i keep to myself",
]
# id: (gender 0 female / 1 male, PHQ8 score, split); depressed iff score >= 10
DAIC_PARTICIPANTS = {
    300: (0, 2, "train"), 301: (1, 13, "train"), 302: (0, 5, "train"), 303: (1, 0, "train"),
    304: (0, 16, "train"), 305: (1, 7, "train"), 306: (0, 11, "train"), 307: (1, 3, "train"),
    308: (0, 14, "dev"), 309: (1, 4, "dev"), 310: (1, 18, "test"), 311: (0, 1, "test"),
}
DAIC_ZIPPED = (304, 311)
PHQ_ITEMS = ["PHQ8_NoInterest", "PHQ8_Depressed", "PHQ8_Sleep", "PHQ8_Tired", "PHQ8_Appetite",
             "PHQ8_Failure", "PHQ8_Concentrating", "PHQ8_Moving"]


def daic_woz():
    """Higher PHQ-8 score: slower, lower, quieter, flatter, darker, more word gaps."""
    rng = random.Random(3003)
    root = os.path.join(HERE, "daic-woz")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    ellie = speaker_profile(rng, "F", "f4", "en-us", 55, 55)
    ellie["s0"], ellie["noise_db"] = 200, -70
    ids = sorted(DAIC_PARTICIPANTS)
    fvoices, mvoices = pick_voices(rng, 6, 6, exclude=("f4",))
    fi = mi = 0
    for pid in ids:
        gender, score, _ = DAIC_PARTICIPANTS[pid]
        if gender == 0:
            (variant, accent), fi = fvoices[fi], fi + 1
        else:
            (variant, accent), mi = mvoices[mi], mi + 1
        prof = speaker_profile(rng, "F" if gender == 0 else "M", variant, accent,
                               *((48, 62) if gender == 0 else (32, 46)))
        sev = max(0.0, min(1.0, score / 24 + rng.uniform(-0.04, 0.04)))
        depressed = score >= 10
        asked = rng.sample(range(len(ELLIE_QUESTIONS)), 3)
        answers = ANSWERS_LOW if depressed else ANSWERS_WELL
        tl = Timeline()
        tl.pause(rng.uniform(0.3, 0.6))
        for qi in asked:
            q = ELLIE_QUESTIONS[qi]
            clip = speak(q, ellie["voice"], ellie["p0"], ellie["s0"], "medium",
                         highpass=ellie["hp"], reverb=(10, 40), level_db=-24)
            tl.put(clip, ("Ellie", q))
            tl.pause(rng.uniform(0.2, 0.45))
            text = answers[qi]
            pitch = prof["p0"] - 26 * sev + rng.uniform(-2, 2)
            speed = 182 - 85 * sev + rng.uniform(-6, 6)
            level = -21 - 13 * sev + rng.uniform(-1, 1)
            for filler in ("", " you know", " i guess", " yeah"):
                # answers of at least 2.7 s, so that every turn holds a 2.5 s segment
                text += filler
                clip = speak(text, prof["voice"], pitch, speed,
                             prange=RANGES[max(0, min(4, int(round(4 - 5.5 * sev))))],
                             wordgap=int(round(7 * sev)), treble=prof["tilt"] + 2 - 8 * sev,
                             highpass=prof["hp"], reverb=prof["reverb"], level_db=level)
                if seconds(len(clip)) >= 2.7:
                    break
            tl.put(clip, ("Participant", text.replace(",", "")))
            tl.pause(rng.uniform(0.2, 0.45))
        audio = add_noise(tl.buf, rng, prof["noise_db"])
        pdir = os.path.join(root, "%d_P" % pid)
        write_audio(os.path.join(pdir, "%d_AUDIO.wav" % pid), audio)
        with open(os.path.join(pdir, "%d_TRANSCRIPT.csv" % pid), "w") as f:
            f.write("start_time\tstop_time\tspeaker\tvalue\n")
            for start, stop, (who, text) in tl.spans:
                f.write("%.3f\t%.3f\t%s\t%s\n" % (start, stop, who, text))
        if pid in DAIC_ZIPPED:
            zip_participant(root, pid)
    write_daic_splits(root, rng)


def zip_participant(root, pid):
    """<id>_P.zip with the files at the zip's root, as the real DAIC-WOZ zips."""
    pdir = os.path.join(root, "%d_P" % pid)
    with zipfile.ZipFile(os.path.join(root, "%d_P.zip" % pid), "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(os.listdir(pdir)):
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(os.path.join(pdir, name), "rb") as f:
                z.writestr(info, f.read())
    shutil.rmtree(pdir)


def phq_items(rng, score):
    items = [0] * 8
    for _ in range(score):
        i = rng.choice([k for k in range(8) if items[k] < 3])
        items[i] += 1
    return items


def write_daic_splits(root, rng):
    header = ["Participant_ID", "PHQ8_Binary", "PHQ8_Score", "Gender"] + PHQ_ITEMS
    for split, fname in (("train", "train_split_Depression_AVEC2017.csv"),
                         ("dev", "dev_split_Depression_AVEC2017.csv")):
        with open(os.path.join(root, fname), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            for pid in sorted(DAIC_PARTICIPANTS):
                gender, score, s = DAIC_PARTICIPANTS[pid]
                if s == split:
                    w.writerow([pid, int(score >= 10), score, gender] + phq_items(rng, score))
    with open(os.path.join(root, "full_test_split.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Participant_ID", "PHQ_Binary", "PHQ_Score", "Gender"])
        for pid in sorted(DAIC_PARTICIPANTS):
            gender, score, s = DAIC_PARTICIPANTS[pid]
            if s == "test":
                w.writerow([pid, int(score >= 10), score, gender])


# ---------------------------------------------------------------- manifest

# label: pitch offset, speed offset, pitch range, speech level dBFS, treble dB, overdrive,
# word gap (10 ms units)
MANIFEST_SPEAKERS = 12
EMOTIONS = {
    "neutral": (0, 0, "medium", -26, 0, 0, 0),
    "happy": (16, 22, "x-high", -23, 3, 0, 0),
    "sad": (-14, -50, "x-low", -32, -6, 0, 3),
    "angry": (6, 42, "high", -19, 6, 10, 0),
}


def manifest():
    rng = random.Random(4004)
    root = os.path.join(HERE, "manifest")
    shutil.rmtree(root, ignore_errors=True)
    fvoices, mvoices = pick_voices(rng, 6, 6)
    rows = []
    for k in range(MANIFEST_SPEAKERS):
        sex = "F" if k % 2 == 0 else "M"
        variant, accent = (fvoices if sex == "F" else mvoices)[k // 2]
        prof = speaker_profile(rng, sex, variant, accent, *((45, 65) if sex == "F" else (28, 48)))
        spk = "spk%02d" % (k + 1)
        n = 0
        for label, (dp, ds, prange, level, treble, od, gap) in EMOTIONS.items():
            for _ in range(2):
                pitch = prof["p0"] + dp + rng.uniform(-4, 4)
                speed = prof["s0"] + ds + rng.uniform(-10, 10)
                lv = level + rng.uniform(-2, 2)
                tr = prof["tilt"] + treble + rng.uniform(-1.5, 1.5)

                def render(t, pitch=pitch, speed=speed, lv=lv, tr=tr):
                    return speak(t, prof["voice"], pitch, speed, prange, wordgap=gap, treble=tr,
                                 overdrive=od, highpass=prof["hp"], reverb=prof["reverb"],
                                 level_db=lv)
                text, clip = fit(render, SENTENCES, 3.8, 4.6, rng)
                tl = Timeline()
                tl.pause(rng.uniform(0.1, 0.3))
                tl.put(clip)
                tl.pause(rng.uniform(0.1, 0.3))
                n += 1
                rows.append({"audio": add_noise(tl.buf, rng, prof["noise_db"]), "label": label,
                             "speaker": spk, "gender": sex, "voice": prof["voice"],
                             "name": "%s_%02d" % (spk, n)})
    # formats: mostly FLAC 16 kHz mono; a few WAV 22.05 kHz mono and WAV 44.1 kHz stereo
    # (the shortest clips, to keep the uncompressed WAVs small)
    idx = sorted(range(len(rows)), key=lambda i: (len(rows[i]["audio"]), i))
    fmt = {idx[0]: ("wav", 22050, 1), idx[1]: ("wav", 22050, 1), idx[2]: ("wav", 22050, 2),
           idx[3]: ("wav", 44100, 2)}
    out = []
    for i, r in enumerate(rows):
        ext, rate, ch = fmt.get(i, ("flac", SR, 1))
        rel = "clips/%s/%s.%s" % (r["speaker"], r["name"], ext)
        write_audio(os.path.join(root, rel), r["audio"], rate, ch)
        out.append([rel, r["label"], r["speaker"], r["gender"],
                    "synthetic espeak-ng %s, %d Hz %s" % (r["voice"], rate,
                                                          "stereo" if ch == 2 else "mono")])
    rng.shuffle(out)
    with open(os.path.join(root, "manifest.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["path", "label", "speaker", "gender", "notes"])
        w.writerows(out)


# ---------------------------------------------------------------- checks

def soxi_duration(path):
    out = run(["sox", "--i", "-D", path]).stdout.decode().strip()
    return float(out)


def check():
    """Every audio decodes, transcripts lie inside the audio, ARFF rows cover the recording."""
    problems = []
    n_audio = 0
    for d, _, files in os.walk(HERE):
        for f in files:
            if f.endswith((".wav", ".flac")):
                soxi_duration(os.path.join(d, f))
                n_audio += 1
    ls = os.path.join(HERE, "librispeech", "LibriSpeech")
    for d, _, files in os.walk(os.path.join(ls, "dev-clean")):
        for f in files:
            if f.endswith(".trans.txt"):
                for line in open(os.path.join(d, f)):
                    utt = line.split()[0]
                    if not os.path.exists(os.path.join(d, utt + ".flac")):
                        problems.append("missing audio for " + utt)
            elif f.endswith(".flac"):
                info = run(["sox", "--i", os.path.join(d, f)]).stdout.decode()
                if "16000" not in info or "Channels       : 1" not in info:
                    problems.append("not 16 kHz mono: " + f)
    adir = os.path.join(HERE, "archives")
    md5 = open(os.path.join(adir, "MD5SUMS")).read().split()[0]
    if hashlib.md5(open(os.path.join(adir, "dev-clean-mini.tar.gz"), "rb").read()).hexdigest() != md5:
        problems.append("MD5SUMS does not match dev-clean-mini.tar.gz")
    with tarfile.open(os.path.join(adir, "dev-clean-mini.tar.gz")) as t:
        if not all(n.split("/")[0] == "LibriSpeech" for n in t.getnames()):
            problems.append("tarball has members outside LibriSpeech/")
    rec = os.path.join(HERE, "recola")
    for f in sorted(os.listdir(os.path.join(rec, "recordings_audio"))):
        name = f[:-4]
        dur = soxi_duration(os.path.join(rec, "recordings_audio", f))
        for dim in ("arousal", "valence"):
            rows = [l.strip().split(",") for l in open(os.path.join(
                rec, "ratings_gold_standard", dim, name + ".arff")) if l.startswith("'")]
            times = [float(r[1]) for r in rows]
            vals = [float(r[2]) for r in rows]
            if times[0] != 0 or abs(times[-1] - dur) > 0.04 or len(times) != round(dur / 0.04) + 1:
                problems.append("%s %s: rows 0..%.2f s, audio %.2f s" % (dim, name, times[-1], dur))
            if min(vals) < -1 or max(vals) > 1:
                problems.append("%s %s: value outside [-1, 1]" % (dim, name))
    daic = os.path.join(HERE, "daic-woz")
    for entry in sorted(os.listdir(daic)):
        pid = entry.split("_")[0]
        if entry.endswith("_P"):
            audio = os.path.join(daic, entry, pid + "_AUDIO.wav")
            trans = open(os.path.join(daic, entry, pid + "_TRANSCRIPT.csv")).read()
        elif entry.endswith("_P.zip"):
            with zipfile.ZipFile(os.path.join(daic, entry)) as z:
                if sorted(z.namelist()) != [pid + "_AUDIO.wav", pid + "_TRANSCRIPT.csv"]:
                    problems.append("zip layout " + entry)
                audio = os.path.join(TMP or tempfile.gettempdir(), pid + "_AUDIO.wav")
                with open(audio, "wb") as f:
                    f.write(z.read(pid + "_AUDIO.wav"))
                trans = z.read(pid + "_TRANSCRIPT.csv").decode()
        else:
            continue
        dur = soxi_duration(audio)
        lines = trans.strip().split("\n")
        if lines[0] != "start_time\tstop_time\tspeaker\tvalue":
            problems.append("transcript header " + entry)
        for l in lines[1:]:
            start, stop, who, _ = l.split("\t")
            if not (0 <= float(start) < float(stop) <= dur) or who not in ("Ellie", "Participant"):
                problems.append("transcript row outside audio in %s: %s" % (entry, l))
    man = os.path.join(HERE, "manifest")
    with open(os.path.join(man, "manifest.csv")) as f:
        for r in csv.DictReader(f):
            if not os.path.exists(os.path.join(man, r["path"])):
                problems.append("manifest path missing " + r["path"])
    size = int(run(["du", "-sb", HERE]).stdout.split()[0])
    if size > 20 * 1024 * 1024:
        problems.append("samples take %.1f MB > 20 MB" % (size / 1048576))
    print("checked %d audio files, %.2f MB in all" % (n_audio, size / 1048576))
    for p in problems:
        print("PROBLEM:", p)
    return not problems


def main():
    global TMP
    TMP = tempfile.mkdtemp(prefix="emo-samples-")
    try:
        steps = [librispeech, recola, daic_woz, manifest]
        chosen = [f for f in steps if f.__name__ in sys.argv[1:]] or steps
        if "--check" not in sys.argv:
            for step in chosen:
                print("generating", step.__name__, flush=True)
                step()
        ok = check()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
