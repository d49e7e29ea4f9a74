package org.emoaudionet.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.AirflowModels.Task;

/**
 * Builds Airflow's TaskResponse ({@link Task}, 27 fields) by name. The defaults are
 * BaseOperator's, which every task here keeps (one slot of the default pool, all_success,
 * downstream weight, white on black); lists and maps are empty rather than null because the
 * client requires them; unset booleans are false (not mapped, no depends_on_past, no
 * wait_for_downstream) and unset numbers 0 (no retries).
 */
public final class TaskBuilder {
  private Map<String, Object> classRef;
  private boolean dependsOnPast;
  private String docMd;
  private List<String> downstreamTaskIds = List.of();
  private Instant endDate;
  private Object executionTimeout;
  private List<String> extraLinks = List.of();
  private boolean isMapped;
  private String operatorName;
  private String owner;
  private Map<String, Object> params = Map.of();
  private String pool = "default_pool";
  private int poolSlots = 1;
  private int priorityWeight;
  private String queue;
  private int retries;
  private Object retryDelay;
  private Object retryExponentialBackoff;
  private Instant startDate;
  private String taskDisplayName;
  private String taskId;
  private List<String> templateFields = List.of();
  private String triggerRule = "all_success";
  private String uiColor = "#fff";
  private String uiFgcolor = "#000";
  private boolean waitForDownstream;
  private String weightRule = "downstream";

  TaskBuilder() {}

  public TaskBuilder classRef(Map<String, Object> v) { classRef = v; return this; }
  public TaskBuilder dependsOnPast(boolean v) { dependsOnPast = v; return this; }
  public TaskBuilder docMd(String v) { docMd = v; return this; }
  public TaskBuilder downstreamTaskIds(List<String> v) { downstreamTaskIds = v; return this; }
  public TaskBuilder endDate(Instant v) { endDate = v; return this; }
  public TaskBuilder executionTimeout(Object v) { executionTimeout = v; return this; }
  public TaskBuilder extraLinks(List<String> v) { extraLinks = v; return this; }
  public TaskBuilder isMapped(boolean v) { isMapped = v; return this; }
  public TaskBuilder operatorName(String v) { operatorName = v; return this; }
  public TaskBuilder owner(String v) { owner = v; return this; }
  public TaskBuilder params(Map<String, Object> v) { params = v; return this; }
  public TaskBuilder pool(String v) { pool = v; return this; }
  public TaskBuilder poolSlots(int v) { poolSlots = v; return this; }
  public TaskBuilder priorityWeight(int v) { priorityWeight = v; return this; }
  public TaskBuilder queue(String v) { queue = v; return this; }
  public TaskBuilder retries(int v) { retries = v; return this; }
  public TaskBuilder retryDelay(Object v) { retryDelay = v; return this; }
  public TaskBuilder retryExponentialBackoff(Object v) { retryExponentialBackoff = v; return this; }
  public TaskBuilder startDate(Instant v) { startDate = v; return this; }
  public TaskBuilder taskDisplayName(String v) { taskDisplayName = v; return this; }
  public TaskBuilder taskId(String v) { taskId = v; return this; }
  public TaskBuilder templateFields(List<String> v) { templateFields = v; return this; }
  public TaskBuilder triggerRule(String v) { triggerRule = v; return this; }
  public TaskBuilder uiColor(String v) { uiColor = v; return this; }
  public TaskBuilder uiFgcolor(String v) { uiFgcolor = v; return this; }
  public TaskBuilder waitForDownstream(boolean v) { waitForDownstream = v; return this; }
  public TaskBuilder weightRule(String v) { weightRule = v; return this; }

  public Task build() {
    return new Task(classRef, dependsOnPast, docMd, downstreamTaskIds, endDate, executionTimeout,
        extraLinks, isMapped, operatorName, owner, params, pool, poolSlots, priorityWeight, queue,
        retries, retryDelay, retryExponentialBackoff, startDate, taskDisplayName, taskId,
        templateFields, triggerRule, uiColor, uiFgcolor, waitForDownstream, weightRule);
  }
}
