#!/usr/bin/env python3
"""Drives the EmoAudioNet API through the official Airflow 3 Python client.

Usage: airflow_client_check.py BASE_URL USERNAME PASSWORD

Exits 0 and prints one line starting with "AIRFLOW_CLIENT_CHECK OK" when every call returned
what the client's strict (pydantic) models accept; anything else raises and exits non-zero.
"""
import datetime
import json
import sys
import time

import pydantic

import airflow_client.client as ac
from airflow_client.client.api.dag_api import DAGApi
from airflow_client.client.api.dag_run_api import DagRunApi
from airflow_client.client.api.monitor_api import MonitorApi
from airflow_client.client.api.task_api import TaskApi
from airflow_client.client.api.task_instance_api import TaskInstanceApi
from airflow_client.client.exceptions import ApiException
from airflow_client.client.models.dag_patch_body import DAGPatchBody
from airflow_client.client.models.dag_run_clear_body import DAGRunClearBody
from airflow_client.client.models.dag_run_patch_body import DAGRunPatchBody
from airflow_client.client.models.trigger_dag_run_post_body import TriggerDAGRunPostBody
from api_login import token  # beside this script

DAG_ID = "recola_arousal"



def wait(runs_api, run_id, seconds=60):
    deadline = time.time() + seconds
    while True:
        run = runs_api.get_dag_run(DAG_ID, run_id)
        if run.state.value in ("success", "failed") or time.time() > deadline:
            return run
        time.sleep(0.2)


def main():
    base, user, password = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    config = ac.Configuration(host=base, access_token=token(base, user, password))
    with ac.ApiClient(config) as client:
        health = MonitorApi(client).get_health()
        assert health.scheduler.status == "healthy", health

        dags = DAGApi(client).get_dags(limit=100)
        ids = [d.dag_id for d in dags.dags]
        assert DAG_ID in ids and dags.total_entries == len(ids), ids
        dag = DAGApi(client).get_dag(DAG_ID)
        assert dag.dag_id == DAG_ID and not dag.is_paused
        details = DAGApi(client).get_dag_details(DAG_ID)
        assert details.params["task"]["value"] == "arousal", details.params

        tasks = TaskApi(client).get_tasks(DAG_ID)
        assert [t.task_id for t in tasks.tasks] == [
            "download", "preprocess", "augment", "train", "evaluate", "register", "promote"], tasks

        runs_api = DagRunApi(client)
        run_id = "client-check-%d" % int(time.time() * 1000)
        conf = {"dataset_uri": "/synthetic/recola", "epochs": 1, "extra": {"step_ms": "50"}}
        run = runs_api.trigger_dag_run(
            DAG_ID, TriggerDAGRunPostBody(logical_date=None, conf=conf, dag_run_id=run_id))
        assert run.dag_run_id == run_id and run.state.value in ("queued", "running"), run
        assert run.conf["epochs"] == 1

        try:
            runs_api.trigger_dag_run(
                DAG_ID, TriggerDAGRunPostBody(logical_date=None, conf={"epoch": 1}))
            raise AssertionError("a conf with an unknown key was accepted")
        except ApiException as e:
            assert e.status == 422 and "epoch" in e.body, (e.status, e.body)

        run = wait(runs_api, run_id)
        assert run.state.value == "success", run

        try:
            listed = runs_api.get_dag_runs(
                DAG_ID, state=["success"], order_by=["-start_date"], limit=100)
        except pydantic.ValidationError:  # clients before 3.1 take order_by as one string
            listed = runs_api.get_dag_runs(
                DAG_ID, state=["success"], order_by="-start_date", limit=100)
        assert run_id in [r.dag_run_id for r in listed.dag_runs], listed

        tis = TaskInstanceApi(client).get_task_instances(DAG_ID, run_id)
        states = [ti.state.value for ti in tis.task_instances]
        assert states == ["success"] * 7, states
        log = TaskInstanceApi(client).get_log(DAG_ID, run_id, "train", 1)
        lines = log.content.actual_instance
        assert lines and "train" in lines[0].event, lines

        patched = runs_api.patch_dag_run(DAG_ID, run_id, DAGRunPatchBody(note="checked"))
        assert patched.note == "checked", patched

        # The 3.3 client cannot parse any dry-run answer (Airflow's too): each task instance
        # matches both oneOf schemas (TaskInstanceResponse, NewTaskResponse). Read it raw.
        raw = runs_api.clear_dag_run_without_preload_content(
            DAG_ID, run_id, DAGRunClearBody(dry_run=True))
        assert raw.status == 200, raw.status
        dry = json.loads(raw.data)
        assert [t["task_id"] for t in dry["task_instances"]][0] == "download", dry
        cleared = runs_api.clear_dag_run(DAG_ID, run_id, DAGRunClearBody(dry_run=False))
        assert cleared.actual_instance.state.value in ("queued", "running"), cleared
        rerun = wait(runs_api, run_id)
        assert rerun.state.value == "success", rerun
        runs_api.delete_dag_run(DAG_ID, run_id)
        try:
            runs_api.get_dag_run(DAG_ID, run_id)
            raise AssertionError("a deleted run is still visible")
        except ApiException as e:
            assert e.status == 404, e.status

        scheduled = check_pause(DAGApi(client))

    print("AIRFLOW_CLIENT_CHECK OK client=%s dags=%d run=%s state=%s tasks=%d log_lines=%d"
          " scheduled=%d" % (ac.__version__, len(ids), run_id, run.state.value, len(states),
                             len(lines), scheduled))


def check_pause(dag_api):
    """is_paused, timetables and PATCH (one DAG and bulk) as the client's models read them."""
    scheduled = 0
    for d in dag_api.get_dags(limit=100).dags:
        if d.timetable_periodic:
            scheduled += 1
            assert d.timetable_summary and d.timetable_description, d
            if not d.is_paused:
                assert isinstance(d.next_dagrun_logical_date, datetime.datetime), d
                assert d.next_dagrun_run_after == d.next_dagrun_logical_date, d
    paused = dag_api.patch_dag(DAG_ID, DAGPatchBody(is_paused=True), update_mask=["is_paused"])
    assert paused.is_paused and paused.next_dagrun_logical_date is None, paused
    assert DAG_ID in [d.dag_id for d in dag_api.get_dags(paused=True, limit=100).dags]
    assert DAG_ID not in [d.dag_id for d in dag_api.get_dags(paused=False, limit=100).dags]
    try:
        dag_api.patch_dag("no_such_dag", DAGPatchBody(is_paused=True))
        raise AssertionError("an unknown DAG was patched")
    except ApiException as e:
        assert e.status == 404, e.status
    bulk = dag_api.patch_dags(DAGPatchBody(is_paused=False), dag_id_pattern=DAG_ID)
    assert [d.dag_id for d in bulk.dags] == [DAG_ID] and not bulk.dags[0].is_paused, bulk
    assert not dag_api.get_dag(DAG_ID).is_paused
    return scheduled


if __name__ == "__main__":
    main()
