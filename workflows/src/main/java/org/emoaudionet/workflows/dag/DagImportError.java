package org.emoaudionet.workflows.dag;

/**
 * A DAG file of the folder that could not be used (Airflow's import error): the file is left out
 * of the catalog, the other DAGs load as usual.
 *
 * @param path the file's absolute path
 * @param fileName its name relative to the DAG folder (Airflow's relative {@code filename})
 * @param message what is wrong, naming the file and the field, as {@link DagFileException} says
 */
public record DagImportError(String path, String fileName, String message) {}
