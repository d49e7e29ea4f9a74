package org.emoaudionet.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaudionet.api.CatalogModels.AssetEvent;
import org.emoaudionet.api.CatalogModels.DagRunAssetReference;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.pipeline.EmoPipelineWorkflow;
import org.emoaudionet.workflows.pipeline.PipelineRequest;
import org.emoaudionet.workflows.pipeline.RunMemo;
import org.emoaudionet.workflows.schedule.DataTriggerInput;
import org.emoaudionet.workflows.schedule.DataTriggerWorkflow;
import org.emoaudionet.workflows.schedule.DataTriggers;

/**
 * Asset events, kept nowhere but in the runs they started (the runs' Temporal memo), so every
 * API process and restart sees the same list:
 *
 * <ul>
 *   <li>a data trigger's watcher that saw new data under its prefix started one run (memo
 *       {@code triggering_asset}, {@code triggering_digest}): one event per such run;
 *   <li>an announcement ({@code POST /api/v2/assets/events}) starts one run of every DAG that
 *       consumes the asset, all with the memo {@code asset_event_key}: one event for them all.
 * </ul>
 *
 * <p>Announcements are idempotent. An announcement is identified by its {@code Idempotency-Key}
 * header when the client sends one, else by its body (asset id, extra, partition key, as
 * canonical JSON): the run id of each consuming DAG is derived from that key
 * ({@code asset_triggered__event-<24 hex>}) and started with workflow-id reuse policy
 * REJECT_DUPLICATE, so a retried request (after a timeout, say), or two identical requests at
 * once, start each run once; Temporal, not this process, arbitrates. The repeat answers the
 * event of the first. To announce new data again, send a different {@code extra} (a batch id, a
 * version) or a new Idempotency-Key.
 */
@ApplicationScoped
public class AssetEvents {
  static final String EVENT_KEY = "asset_event_key";
  static final String EVENT_EXTRA = "asset_event_extra";
  static final String EVENT_TIME = "asset_event_timestamp";
  static final String TRIGGERING_ASSET = "triggering_asset";
  static final String RUN_ID_PREFIX = "asset_triggered__event-";
  /** Map keys sorted: the same extra in another key order is the same announcement. */
  private static final ObjectMapper CANONICAL = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  @Inject AssetCatalog assets;
  @Inject RunRepository runs;
  @Inject RunViews views;
  @Inject TemporalGateway temporal;

  /** Every event, oldest first. */
  public List<AssetEvent> all() {
    Map<String, List<RunRecord>> byEvent = new LinkedHashMap<>();
    for (RunRecord r : runs.list()) {
      if (r.memo().get(TRIGGERING_ASSET) == null) continue;
      byEvent.computeIfAbsent(eventKey(r), k -> new ArrayList<>()).add(r);
    }
    List<AssetEvent> out = new ArrayList<>();
    byEvent.forEach((key, rs) -> out.add(event(key, rs)));
    out.sort(Comparator.comparing(AssetEvent::timestamp).thenComparingInt(AssetEvent::id));
    return out;
  }

  /**
   * Announces new data of {@code asset}: starts the run of each consuming DAG once (see the class
   * comment) and answers the event.
   *
   * @param idempotencyKey the request's {@code Idempotency-Key}, or null
   */
  public AssetEvent announce(AssetCatalog.Info asset, Map<String, Object> extra,
      String partitionKey, String idempotencyKey, String user) {
    String key = announcementKey(asset.id(), extra, partitionKey, idempotencyKey);
    String runId = RUN_ID_PREFIX + key.substring("announced:".length());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<RunRecord> started = new ArrayList<>();
    for (DagDefinition dag : asset.consumers()) {
      DataTriggerInput in;
      try {
        in = DataTriggers.input(dag, 1);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(e.getMessage());
      }
      Map<String, String> memo = new LinkedHashMap<>(RunMemo.of(dag.dagId(), runId,
          RunMemo.ASSET_TRIGGERED, "asset", in.conf(), now, now, null));
      memo.put(TRIGGERING_ASSET, asset.uri());
      memo.put(EVENT_KEY, key);
      memo.put(EVENT_EXTRA, RunMemo.toJson(extra == null ? Map.of() : extra));
      memo.put(EVENT_TIME, now.toString());
      if (partitionKey != null) memo.put("partition_key", partitionKey);
      if (user != null) memo.put(RunMemo.TRIGGERING_USER, user);
      startOnce(new PipelineRequest(dag.dagId(), runId, in.conf(), dag.participantLevel(),
          dag.champion()), memo);
      // the first request's run, whichever request started it
      runs.find(dag.dagId(), runId).ifPresent(started::add);
    }
    if (started.isEmpty()) {
      throw ApiException.notFound("Asset with ID: `" + asset.id() + "` was not found");
    }
    return event(key, started);
  }

  private void startOnce(PipelineRequest request, Map<String, String> memo) {
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setWorkflowId(PipelineRequest.workflowId(request.dagId(), request.dagRunId()))
        .setTaskQueue(TaskQueues.CPU)
        .setMemo(new LinkedHashMap<String, Object>(memo))
        // never again under this id, even after the run closed: a late retry must not rerun it
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build();
    EmoPipelineWorkflow wf = temporal.client().newWorkflowStub(EmoPipelineWorkflow.class, options);
    try {
      WorkflowClient.start(wf::run, request);
    } catch (WorkflowExecutionAlreadyStarted duplicate) {
      // the same announcement again: its run already exists, and stands for this one too
    }
  }

  /** {@code announced:<24 hex>} of SHA-256 over what identifies an announcement. */
  static String announcementKey(int assetId, Map<String, Object> extra, String partitionKey,
      String idempotencyKey) {
    String basis;
    if (idempotencyKey != null && !idempotencyKey.isBlank()) {
      basis = "idempotency-key\n" + assetId + "\n" + idempotencyKey;
    } else {
      try {
        basis = "body\n" + assetId + "\n" + CANONICAL.writeValueAsString(
            extra == null ? Map.of() : new TreeMap<>(extra)) + "\n" + partitionKey;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e); // parsed from JSON a moment ago
      }
    }
    return "announced:" + DagVersions.sha256(basis).substring(0, 24);
  }

  private static String eventKey(RunRecord r) {
    String key = r.memo().get(EVENT_KEY);
    return key != null ? key : "observed:" + r.workflowId();
  }

  private AssetEvent event(String key, List<RunRecord> rs) {
    RunRecord first = rs.get(0);
    Map<String, String> m = first.memo();
    String uri = m.get(TRIGGERING_ASSET);
    Instant at = RunViews.time(m.getOrDefault(EVENT_TIME, m.get("queued_at")));
    if (at == null) at = RunViews.micros(first.started());
    Map<String, Object> extra;
    if (m.containsKey(EVENT_EXTRA)) {
      extra = parse(m.get(EVENT_EXTRA));
    } else {
      extra = new LinkedHashMap<>();
      extra.put("observed_by", DataTriggerWorkflow.workflowId(first.dagId()));
      extra.put("digest", m.get("triggering_digest"));
    }
    List<DagRunAssetReference> created = rs.stream().map(this::reference).toList();
    return new AssetEvent(assets.id(uri), created, extra, AssetCatalog.GROUP, assets.eventId(key), uri,
        m.get("partition_key"), null, -1, null, null, at, uri);
  }

  private DagRunAssetReference reference(RunRecord r) {
    RunViews.Snapshot s = views.snapshot(r);
    return new DagRunAssetReference(r.dagId(), null, null,
        r.closed() == null ? null : RunViews.micros(r.closed()), null, r.memo().get("partition_key"),
        r.dagRunId(), RunViews.micros(r.started()), s.state(), true);
  }

  private static Map<String, Object> parse(String json) {
    try {
      return CANONICAL.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (java.io.IOException e) {
      return Map.of();
    }
  }
}
