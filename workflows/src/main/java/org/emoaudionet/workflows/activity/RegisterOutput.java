package org.emoaudionet.workflows.activity;

/** @param name {@code emoaudionet-<dag_id>} */
public record RegisterOutput(String name, String version, String log, int attempt) implements TaskOutput {}
