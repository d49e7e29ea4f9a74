package org.emoaudionet.workflows.dag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The DAGs a process knows: the bundled ones (the YAML files under {@code dags/} of this jar,
 * listed in {@code dags/index.txt} because a jar cannot be listed) plus the files of an optional
 * folder ({@code EMO_DAGS_FOLDER}). A process loads one ({@link #fromEnvironment()} in the worker,
 * the API's producer from its settings) and hands it to what reads it: there is no process-wide
 * catalog to set or read. Workflow code never reads one (a {@code PipelineRequest} carries what a
 * run needs), so replays never depend on files.
 */
public final class DagCatalog {
  /** The bundled DAG files, on the classpath. */
  public static final String RESOURCE_DIR = "dags/";
  public static final String INDEX = RESOURCE_DIR + "index.txt";
  /** The environment variable naming the folder of extra DAG files. */
  public static final String FOLDER_ENV = "EMO_DAGS_FOLDER";

  private static volatile DagCatalog bundled;

  private final Map<String, DagDefinition> dags;
  private final Map<String, String> sources;
  /** Each DAG's file text, by dag_id (what {@code dagSources} shows). */
  private final Map<String, String> texts;
  private final List<DagImportError> importErrors;

  private DagCatalog(Map<String, DagDefinition> dags, Map<String, String> sources,
      Map<String, String> texts, List<DagImportError> importErrors) {
    this.dags = Collections.unmodifiableMap(dags);
    this.sources = Collections.unmodifiableMap(sources);
    this.texts = Collections.unmodifiableMap(texts);
    this.importErrors = List.copyOf(importErrors);
  }

  /** The bundled DAGs only. */
  public static DagCatalog bundled() {
    DagCatalog c = bundled;
    if (c == null) {
      synchronized (DagCatalog.class) {
        if (bundled == null) bundled = loadBundled();
        c = bundled;
      }
    }
    return c;
  }

  /**
   * The bundled DAGs plus every {@code *.yaml}, {@code *.yml} and {@code *.json} file of
   * {@code folder} (null: none), in file-name order. Strict: the first bad file stops it (for
   * checking committed DAG files).
   *
   * @throws DagFileException for a bad file, a missing folder or a dag_id defined twice
   */
  public static DagCatalog load(Path folder) {
    return read(folder, true);
  }

  /**
   * As {@link #load}, but as Airflow's DAG processor treats a folder: a file that cannot be read
   * or parsed, or that defines a dag_id already defined, is left out and listed in
   * {@link #importErrors()}; the other DAGs load. Only a missing folder (a configuration
   * mistake, not a file's) still throws.
   */
  public static DagCatalog scan(Path folder) {
    return read(folder, false);
  }

  private static DagCatalog read(Path folder, boolean strict) {
    DagCatalog base = bundled();
    if (folder == null) return base;
    if (!Files.isDirectory(folder)) {
      throw new DagFileException(FOLDER_ENV + " '" + folder + "' is not a folder");
    }
    Map<String, DagDefinition> dags = new LinkedHashMap<>(base.dags);
    Map<String, String> sources = new LinkedHashMap<>(base.sources);
    Map<String, String> texts = new LinkedHashMap<>(base.texts);
    List<DagImportError> errors = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().matches("(?i).+\\.(ya?ml|json)"))
          .filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list DAG folder " + folder, e);
    }
    for (Path f : files) {
      String source = f.toAbsolutePath().normalize().toString();
      try {
        String text;
        try {
          text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new DagFileException(source + ": cannot read: " + e.getMessage(), e);
        }
        add(dags, sources, texts, DagFiles.parse(source, text), source, text);
      } catch (DagFileException e) {
        if (strict) throw e;
        errors.add(new DagImportError(source, folder.relativize(f).toString(), e.getMessage()));
      }
    }
    return new DagCatalog(dags, sources, texts, errors);
  }

  /** The folder named by system property {@code emo.dags.folder}, else {@value #FOLDER_ENV}. */
  public static DagCatalog fromEnvironment() {
    String folder = System.getProperty("emo.dags.folder");
    if (folder == null || folder.isBlank()) folder = System.getenv(FOLDER_ENV);
    // lenient, as the API: a bad file in the folder must not stop a worker either
    return scan(folder == null || folder.isBlank() ? null : Path.of(folder));
  }

  public List<DagDefinition> list() {
    return List.copyOf(dags.values());
  }

  public Optional<DagDefinition> get(String dagId) {
    return Optional.ofNullable(dags.get(dagId));
  }

  /** The text of the file that defines the DAG. */
  public Optional<String> text(String dagId) {
    return Optional.ofNullable(texts.get(dagId));
  }

  /** The folder's files that were left out, in file-name order (empty for {@link #load}). */
  public List<DagImportError> importErrors() {
    return importErrors;
  }

  /** Where a DAG was defined: {@code dags/<file>} for bundled ones, else the file's path. */
  public Optional<String> source(String dagId) {
    return Optional.ofNullable(sources.get(dagId));
  }

  private static DagCatalog loadBundled() {
    Map<String, DagDefinition> dags = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (String name : bundledFileNames()) {
      String source = RESOURCE_DIR + name;
      String text = resource(source);
      add(dags, sources, texts, DagFiles.parse(source, text), source, text);
    }
    return new DagCatalog(dags, sources, texts, List.of());
  }

  /** The file names {@code dags/index.txt} lists, one a line ({@code #} comments). */
  public static List<String> bundledFileNames() {
    List<String> names = new ArrayList<>();
    for (String line : resource(INDEX).split("\n")) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) names.add(s);
    }
    return names;
  }

  private static String resource(String name) {
    try (InputStream in = DagCatalog.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) throw new DagFileException(name + ": not on the classpath (listed in " + INDEX + "?)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static void add(Map<String, DagDefinition> dags, Map<String, String> sources,
      Map<String, String> texts, DagDefinition dag, String source, String text) {
    String other = sources.get(dag.dagId());
    if (other != null) {
      throw new DagFileException(source + ": field 'dag_id': '" + dag.dagId()
          + "' is already defined in " + other);
    }
    dags.put(dag.dagId(), dag);
    sources.put(dag.dagId(), source);
    texts.put(dag.dagId(), text);
  }
}
