package org.emoaudionet.cli;

import java.util.concurrent.Callable;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.model.ModelSummary;
import org.emoaudionet.spec.Architecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "model", mixinStandardHelpOptions = true,
    description = "Print a network's layers, output shapes and parameter count.")
final class ModelCommand implements Callable<Integer> {
  @Option(names = "--preset", defaultValue = "paper", description = "paper | small (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--classes", defaultValue = "10", description = "output classes (default: ${DEFAULT-VALUE})")
  int classes;

  @Option(names = "--arch", defaultValue = "emoaudionet", description = "emoaudionet | mfcc | spectrogram")
  String arch;

  @Override
  public Integer call() {
    if (classes < 2) throw new IllegalArgumentException("--classes must be at least 2, got " + classes);
    PipelineConfig config = PipelineConfig.preset(preset);
    System.out.println(ModelSummary.describe(Architecture.parse(arch), config.model(), classes));
    return 0;
  }
}
