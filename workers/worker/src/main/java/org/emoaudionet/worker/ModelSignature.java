package org.emoaudionet.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.mlflow.MlflowHttp;

/**
 * An MLflow model signature of tensors, as MLflow's {@code ModelSignature.to_dict()} writes it
 * into {@code MLmodel}: {@code inputs} and {@code outputs} are each a JSON string of
 * {@code [{"name": ..., "type": "tensor", "tensor-spec": {"dtype": ..., "shape": [...]}}]}, -1
 * standing for the batch. The same tensor specs make a dataset's schema.
 */
record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {

  /** One named tensor: numpy's dtype name and its shape, -1 where any size goes. */
  record TensorSpec(String name, String dtype, List<Integer> shape) {
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      if (name != null) m.put("name", name);
      m.put("type", "tensor");
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("dtype", dtype);
      spec.put("shape", shape);
      m.put("tensor-spec", spec);
      return m;
    }
  }

  /**
   * What every model of this platform takes and gives, whatever its format: the MFCC branch's
   * input [B, C, L] as preprocess makes it (the model applies its own MFCC scaling), the RGB
   * spectrogram image [B, 3, S, S] in [0, 1], and the softmax over the task's K classes [B, K].
   */
  static ModelSignature of(EmoFlavor f) {
    return new ModelSignature(inputs(f.mfccChannels(), f.mfccLength(), f.imageSize()),
        List.of(new TensorSpec("probabilities", "float32", List.of(-1, f.classes().size()))));
  }

  /** The two input tensors for C MFCC channels of length L and S-pixel images. */
  static List<TensorSpec> inputs(int mfccChannels, int mfccLength, int imageSize) {
    return List.of(
        new TensorSpec(InputExample.MFCC, "float32", List.of(-1, mfccChannels, mfccLength)),
        new TensorSpec(InputExample.SPECTROGRAM, "float32",
            List.of(-1, 3, imageSize, imageSize)));
  }

  String inputsJson() {
    return json(inputs);
  }

  String outputsJson() {
    return json(outputs);
  }

  static String json(List<TensorSpec> specs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TensorSpec s : specs) out.add(s.toMap());
    try {
      return MlflowHttp.JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code signature} block of MLmodel. */
  Map<String, Object> toMlmodel() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("inputs", inputsJson());
    m.put("outputs", outputsJson());
    m.put("params", null);
    return m;
  }
}
