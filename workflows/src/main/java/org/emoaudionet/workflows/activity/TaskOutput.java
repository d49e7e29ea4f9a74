package org.emoaudionet.workflows.activity;

/** What every task's result tells the task board: its log text and the attempt that produced it. */
public interface TaskOutput {
  String log();

  /** 1-based attempt of the activity that succeeded (Airflow's try number). */
  int attempt();
}
