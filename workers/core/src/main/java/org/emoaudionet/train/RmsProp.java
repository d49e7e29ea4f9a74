package org.emoaudionet.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RMSProp with Keras' semantics (not centred, no momentum), on plain NDArray operations because
 * DJL's PyTorch engine does not implement {@code Optimizer.rmsprop()}:
 *
 * <pre>ms = rho * ms + (1 - rho) * g^2;   w -= lr * g / (sqrt(ms) + epsilon)</pre>
 *
 * with ms starting at zero. The learning rate is read from a {@link LearningRate} at every update,
 * so reduce-on-plateau can change it. The per-parameter ms can be exported and imported by
 * parameter name, for checkpoints.
 */
public final class RmsProp extends Optimizer {
  private final LearningRate learningRate;
  private final float rho;
  private final float epsilon;
  private final Map<String, Map<Device, NDArray>> meanSquare = new ConcurrentHashMap<>();

  private RmsProp(Builder b) {
    super(b);
    this.learningRate = b.learningRate;
    this.rho = b.rho;
    this.epsilon = b.epsilon;
  }

  public static Builder builder() {
    return new Builder();
  }

  public LearningRate learningRate() {
    return learningRate;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    float lr = learningRate.getNewValue(parameterId, updateCount(parameterId));
    NDArray ms = withDefaultState(meanSquare, parameterId, weight.getDevice(), k -> weight.zerosLike());
    NDArray g = grad.mul(rescaleGrad);
    if (clipGrad > 0) g = replace(g, g.clip(-clipGrad, clipGrad));
    float wd = getWeightDecay();
    if (wd != 0) {
      try (NDArray decay = weight.mul(wd)) {
        g.addi(decay);
      }
    }
    try (NDArray g2 = g.square()) {
      ms.muli(rho).addi(g2.muli(1 - rho));
    }
    try (NDArray denom = ms.sqrt().addi(epsilon); NDArray step = g.div(denom).muli(lr)) {
      weight.subi(step);
    }
    g.close();
  }

  private static NDArray replace(NDArray old, NDArray fresh) {
    old.close();
    return fresh;
  }

  /** ms of every parameter of {@code params} that has been updated, keyed by parameter name. */
  public Map<String, NDArray> exportState(ParameterList params) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : params) {
      Map<Device, NDArray> s = meanSquare.get(p.getValue().getId());
      if (s != null && !s.isEmpty()) out.put(p.getKey(), s.values().iterator().next());
    }
    return out;
  }

  /** Restores ms (copies {@code state} onto each parameter's device). */
  public void importState(ParameterList params, Map<String, NDArray> state) {
    meanSquare.clear();
    for (Pair<String, Parameter> p : params) {
      NDArray src = state.get(p.getKey());
      if (src == null) continue;
      NDArray w = p.getValue().getArray();
      if (!src.getShape().equals(w.getShape())) {
        throw new IllegalArgumentException("optimizer state for '" + p.getKey() + "' has shape "
            + src.getShape() + ", the parameter has " + w.getShape());
      }
      NDArray ms = w.zerosLike();
      src.copyTo(ms);
      Map<Device, NDArray> m = new ConcurrentHashMap<>();
      m.put(w.getDevice(), ms);
      meanSquare.put(p.getValue().getId(), m);
    }
  }

  public static final class Builder extends OptimizerBuilder<Builder> {
    private LearningRate learningRate = new LearningRate(1e-3f);
    private float rho = 0.9f;
    private float epsilon = 1e-7f;

    public Builder optLearningRate(LearningRate lr) {
      this.learningRate = lr;
      return this;
    }

    public Builder optRho(float rho) {
      if (!(rho >= 0 && rho < 1)) throw new IllegalArgumentException("rho must be in [0, 1), got " + rho);
      this.rho = rho;
      return this;
    }

    public Builder optEpsilon(float epsilon) {
      if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
      this.epsilon = epsilon;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    public RmsProp build() {
      return new RmsProp(this);
    }
  }
}
