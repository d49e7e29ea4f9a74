package org.emoaudionet.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSetChannelsTest {
  @TempDir Path tmp;

  @Test
  void aThirteenChannelSetRoundTrips() throws Exception {
    float[] mfcc = new float[13 * 5];
    for (int i = 0; i < mfcc.length; i++) mfcc[i] = i * 0.5f;
    SegmentFeatures s = new SegmentFeatures("r", "s", 0, Split.TRAIN, 1, Double.NaN, mfcc, new byte[3 * 2 * 2], "original");
    FeatureSet fs = new FeatureSet(TaskSpec.categorical("label", List.of("a", "b")), 2, 5, 13, List.of(s));
    fs.write(tmp.resolve("f.emof"));
    FeatureSet back = FeatureSet.read(tmp.resolve("f.emof"));
    assertEquals(13, back.mfccChannels());
    assertEquals(5, back.mfccLength());
    assertArrayEquals(mfcc, back.segments().get(0).mfcc());
  }
}
