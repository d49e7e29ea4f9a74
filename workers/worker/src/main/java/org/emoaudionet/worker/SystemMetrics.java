package org.emoaudionet.worker;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One sample of the machine's state under MLflow's own system metric names (MLflow 3.17's
 * {@code mlflow/system_metrics/metrics/*_monitor.py}, prefix {@value #PREFIX}), so that the run
 * page's "System metrics" charts show them as they show a Python run's:
 * <ul>
 *   <li>{@code cpu_utilization_percentage}: the whole machine's, as {@code psutil.cpu_percent()};
 *   <li>{@code system_memory_usage_megabytes} and {@code _percentage}: total minus available
 *       (Linux {@code /proc/meminfo}), megabytes of 10^6 bytes as MLflow counts them;
 *   <li>{@code disk_usage_percentage}, {@code disk_usage_megabytes}, {@code disk_available_megabytes}:
 *       of the worker's work folder's file system (MLflow measures "/");
 *   <li>{@code gpu_<i>_memory_usage_megabytes} and {@code _percentage}, from DJL, and
 *       {@code gpu_<i>_utilization_percentage}, from {@code nvidia-smi} where it is on the PATH
 *       (DJL has no utilisation call): only when DJL reports GPUs.
 * </ul>
 * Plus {@value #RSS}, the worker process's resident memory (Linux {@code VmRSS}), which MLflow
 * has no name for: the training process's own footprint, which the machine-wide figure hides.
 */
final class SystemMetrics {
  static final String PREFIX = "system/";
  static final String CPU = PREFIX + "cpu_utilization_percentage";
  static final String MEMORY_MB = PREFIX + "system_memory_usage_megabytes";
  static final String MEMORY_PERCENT = PREFIX + "system_memory_usage_percentage";
  static final String RSS = PREFIX + "process_memory_rss_megabytes";
  private static final Path MEMINFO = Path.of("/proc/meminfo");

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Path disk;
  private final int gpus;

  /**
   * @param disk a folder on the file system to measure (the work folder)
   * @param gpus how many GPUs DJL reports ({@code Engine.getInstance().getGpuCount()})
   */
  SystemMetrics(Path disk, int gpus) {
    this.disk = disk;
    this.gpus = gpus;
    os.getCpuLoad(); // the first reading of a fresh bean may be 0: start its clock now
  }

  Map<String, Double> sample() {
    Map<String, Double> m = new LinkedHashMap<>();
    double cpu = os.getCpuLoad();
    if (cpu >= 0) m.put(CPU, round(cpu * 100));
    // both from /proc/meminfo where there is one: the bean's total may be a container's limit
    long totalKb = kilobytes(MEMINFO, "MemTotal:");
    long availableKb = kilobytes(MEMINFO, "MemAvailable:");
    long total = totalKb >= 0 && availableKb >= 0 ? totalKb * 1024 : os.getTotalMemorySize();
    long available = totalKb >= 0 && availableKb >= 0 ? availableKb * 1024
        : os.getFreeMemorySize();
    if (total > 0) {
      m.put(MEMORY_MB, round((total - available) / 1e6));
      m.put(MEMORY_PERCENT, round(100.0 * (total - available) / total));
    }
    long rss = kilobytes(Path.of("/proc/self/status"), "VmRSS:");
    if (rss >= 0) m.put(RSS, round(rss * 1024 / 1e6));
    if (disk != null) {
      java.io.File f = disk.toFile();
      long size = f.getTotalSpace();
      long free = f.getUsableSpace();
      if (size > 0) {
        m.put(PREFIX + "disk_usage_percentage", round(100.0 * (size - free) / size));
        m.put(PREFIX + "disk_usage_megabytes", round((size - free) / 1e6));
        m.put(PREFIX + "disk_available_megabytes", round(free / 1e6));
      }
    }
    for (int i = 0; i < gpus; i++) gpu(i, m);
    return m;
  }

  private static void gpu(int i, Map<String, Double> m) {
    try {
      MemoryUsage mem = CudaUtils.getGpuMemory(Device.gpu(i));
      if (mem.getMax() > 0) {
        m.put(PREFIX + "gpu_" + i + "_memory_usage_megabytes", round(mem.getCommitted() / 1e6));
        m.put(PREFIX + "gpu_" + i + "_memory_usage_percentage",
            round(100.0 * mem.getCommitted() / mem.getMax()));
      }
    } catch (RuntimeException | LinkageError e) {
      // no CUDA runtime after all: the CPU figures still count
    }
    double util = nvidiaSmiUtilization(i);
    if (util >= 0) m.put(PREFIX + "gpu_" + i + "_utilization_percentage", util);
  }

  /** GPU {@code i}'s utilisation in percent from nvidia-smi, -1 when it cannot say. */
  static double nvidiaSmiUtilization(int i) {
    try {
      Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=utilization.gpu",
          "--format=csv,noheader,nounits", "-i", Integer.toString(i))
          .redirectErrorStream(true).start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.exitValue() == 0 ? Double.parseDouble(out) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The "{@code key} N kB" line of a /proc file, -1 when there is none. */
  static long kilobytes(Path procFile, String key) {
    try {
      List<String> lines = Files.readAllLines(procFile);
      for (String l : lines) {
        if (l.startsWith(key)) return Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]);
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  /** One decimal, as MLflow's monitors round their averages. */
  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
