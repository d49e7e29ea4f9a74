package org.emoaudionet.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @Test
  void float32RoundTripAnyShape(@TempDir Path dir) throws IOException {
    float[] data = new float[2 * 3 * 4];
    for (int i = 0; i < data.length; i++) data[i] = i * 0.5f - 3.25f;
    Path f = dir.resolve("a.npy");
    Npy.write(f, data, 2, 3, 4);
    Npy.NpyArray a = Npy.read(f);
    assertArrayEquals(new int[] {2, 3, 4}, a.shape());
    assertArrayEquals(data, a.floats());
    assertEquals(data[1 * 12 + 2 * 4 + 3], a.get(1, 2, 3));
    byte[] raw = Files.readAllBytes(f);
    assertEquals(0, (raw.length - 4 * data.length) % 64, "data starts on a 64-byte boundary as numpy writes");
    String header = new String(raw, 10, raw.length - 4 * data.length - 10, StandardCharsets.ISO_8859_1);
    assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4), }"), header);
    assertTrue(header.endsWith("\n"));
  }

  @Test
  void float64AndOneDimensional(@TempDir Path dir) throws IOException {
    double[] data = {Math.PI, -1e-300, 1e300, Double.NaN};
    Path f = dir.resolve("b.npy");
    Npy.writeDoubles(f, data);
    Npy.NpyArray a = Npy.read(f);
    assertArrayEquals(new int[] {4}, a.shape());
    assertArrayEquals(data, a.data());
    String header = new String(Files.readAllBytes(f), 10, 54, StandardCharsets.ISO_8859_1);
    assertTrue(header.contains("'shape': (4,)"), header);
  }

  @Test
  void readsNumpyWrittenFixtures() {
    Npy.NpyArray sig = Reference.load("vowel_male_signal");
    assertArrayEquals(new int[] {110_250}, sig.shape());
    Npy.NpyArray rgb = Reference.load("vowel_male_viridis"); // uint8
    assertArrayEquals(new int[] {129, 860, 3}, rgb.shape());
  }

  @Test
  void readsFortranOrder() throws IOException {
    // np.asfortranarray([[1, 2, 3], [4, 5, 6]], dtype='>f8'): stored column by column, big-endian
    String dict = "{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3), }";
    String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 48).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.ISO_8859_1)).order(ByteOrder.BIG_ENDIAN);
    for (double v : new double[] {1, 4, 2, 5, 3, 6}) b.putDouble(v);
    Npy.NpyArray a = Npy.read(new ByteArrayInputStream(b.array()), "fortran.npy");
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.data());
    assertEquals(6.0, a.get(1, 2));
  }

  @Test
  void refusesBadInput(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.npy");
    Files.writeString(f, "not numpy at all");
    IOException e = assertThrows(IOException.class, () -> Npy.read(f));
    assertTrue(e.getMessage().contains("bad.npy"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Npy.write(dir.resolve("c.npy"), new float[5], 2, 3));
  }
}
