package org.emoaudionet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureExtractor;
import org.emoaudionet.features.Npy;
import org.emoaudionet.features.SpectrogramImage;
import org.emoaudionet.pipeline.SegmentAudio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "features", mixinStandardHelpOptions = true,
    description = "Write the network inputs of a file's first 2.5 s speech segment:"
        + " mfcc.npy (177), spectrogram.npy (3 x S x S) and spectrogram.png.")
final class FeaturesCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "AUDIO", description = "WAV or FLAC file")
  Path audio;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(names = "--preset", defaultValue = "paper", description = "paper (224 x 224) | small (64 x 64) | cpu (128 x 128, 13 MFCC channels) | a YAML file")
  String preset;

  @Option(names = "--segment", defaultValue = "0", description = "which segment (0 = first)")
  int segment;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = PipelineConfig.preset(preset);
    List<SegmentAudio.Cut> cuts = SegmentAudio.cut(audio, List.of(), config.audio());
    if (segment < 0 || segment >= cuts.size()) {
      throw new IllegalArgumentException(audio + ": --segment " + segment + " out of range (it has "
          + cuts.size() + " segments)");
    }
    float[] x = cuts.get(segment).samples();
    FeatureExtractor fx = new FeatureExtractor(config);
    int size = config.model().imageSize();
    Files.createDirectories(out);
    float[] mfcc = fx.mfcc(x);
    byte[] image = fx.image(x);
    float[] imageFloats = new float[image.length];
    for (int i = 0; i < image.length; i++) imageFloats[i] = (image[i] & 0xff) / 255f;
    int channels = config.model().mfccChannels();
    if (channels == 1) Npy.write(out.resolve("mfcc.npy"), mfcc, mfcc.length);
    else Npy.write(out.resolve("mfcc.npy"), mfcc, channels, mfcc.length / channels);
    Npy.write(out.resolve("spectrogram.npy"), imageFloats, 3, size, size);
    SpectrogramImage.writePng(image, size, out.resolve("spectrogram.png"));
    System.out.printf("%s: segment %d of %d at %.1f s -> %s (mfcc.npy %d, spectrogram.npy 3x%dx%d, spectrogram.png)%n",
        audio, segment, cuts.size(), cuts.get(segment).startSeconds(), out, mfcc.length, size, size);
    return 0;
  }
}
