package org.emoaudionet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./emo} for the core library: features, model, train, evaluate, predict, bench. */
@Command(
    name = "emo",
    mixinStandardHelpOptions = true,
    version = "emo 0.1.0",
    description = "EmoAudioNet: speech emotion and depression recognition (core library CLI).",
    subcommands = {
      FeaturesCommand.class,
      ModelCommand.class,
      TrainCommand.class,
      EvalCorpusCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      BenchCommand.class
    })
public final class EmoCli {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command and returns its exit code (0 ok, 1 failed, 2 bad usage). */
  public static int run(String... args) {
    System.setProperty("java.awt.headless", "true");
    CommandLine cli = new CommandLine(new EmoCli());
    // Bad input is reported as one clear line, not a stack trace.
    cli.setExecutionExceptionHandler((e, cmd, parse) -> {
      cmd.getErr().println("emo " + cmd.getCommandName() + ": " + describe(e));
      if (System.getenv("EMO_DEBUG") != null) e.printStackTrace(cmd.getErr());
      return 1;
    });
    return cli.execute(args);
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return (m == null || m.isBlank()) ? e.getClass().getSimpleName() : m;
  }
}
