#!/usr/bin/env python3
"""Task results, tries, batch listings, the wait stream and a dry-run task clear through the
official Airflow 3 Python client, whose strict (pydantic) models must accept every answer.

Usage: airflow_client_results_check.py BASE_URL USERNAME PASSWORD
Prints one line starting with "AIRFLOW_CLIENT_RESULTS OK" on success; raises otherwise.
"""
import json
import sys

import airflow_client.client as ac
from airflow_client.client.api.dag_run_api import DagRunApi
from airflow_client.client.api.task_instance_api import TaskInstanceApi
from airflow_client.client.api.x_com_api import XComApi
from airflow_client.client.models.clear_task_instances_body import ClearTaskInstancesBody
from airflow_client.client.models.clear_task_instances_body_task_ids_inner import (
    ClearTaskInstancesBodyTaskIdsInner,
)
from airflow_client.client.models.dag_runs_batch_body import DAGRunsBatchBody
from airflow_client.client.models.task_instances_batch_body import TaskInstancesBatchBody
from airflow_client.client.models.trigger_dag_run_post_body import TriggerDAGRunPostBody
from api_login import token  # beside this script

DAG_ID = "recola_arousal"
RUN_ID = "official-results-1"



def main():
    base, user, password = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    config = ac.Configuration(host=base, access_token=token(base, user, password))
    with ac.ApiClient(config) as client:
        runs, tis, xcoms = DagRunApi(client), TaskInstanceApi(client), XComApi(client)
        runs.trigger_dag_run(DAG_ID, TriggerDAGRunPostBody(
            dag_run_id=RUN_ID, logical_date=None,
            conf={"dataset_uri": "/synthetic/recola", "epochs": 1}))
        # the stream, read line by line as a streaming consumer does
        raw = runs.wait_dag_run_until_finished_without_preload_content(
            DAG_ID, RUN_ID, interval=0.2, result=["register", "promote"])
        lines = [json.loads(l) for l in raw.data.decode().splitlines() if l.strip()]
        assert lines[-1]["state"] == "success", lines
        assert lines[-1]["results"]["register"]["version"] == "7", lines[-1]
        # finished now: one line, which the typed method reads as JSON
        once = runs.wait_dag_run_until_finished(DAG_ID, RUN_ID, interval=1)
        assert once == {"state": "success"}, once

        entries = xcoms.get_xcom_entries(dag_id=DAG_ID, dag_run_id=RUN_ID, task_id="~")
        assert entries.total_entries == 7, entries
        native = xcoms.get_xcom_entry(
            dag_id=DAG_ID, dag_run_id=RUN_ID, task_id="promote", xcom_key="return_value")
        value = native.actual_instance.value
        assert value["decision"] == "promoted", value
        text = xcoms.get_xcom_entry(dag_id=DAG_ID, dag_run_id=RUN_ID, task_id="register",
                                    xcom_key="return_value", stringify=True)
        assert text.actual_instance.value == "{'name': 'emoaudionet-recola_arousal', 'version': '7'}", text

        tries = tis.get_task_instance_tries(dag_id=DAG_ID, dag_run_id=RUN_ID, task_id="train")
        assert tries.total_entries == 1 and tries.task_instances[0].try_number == 1, tries
        one = tis.get_task_instance_try_details(
            dag_id=DAG_ID, dag_run_id=RUN_ID, task_id="train", task_try_number=1)
        assert one.state.value == "success", one

        batch = runs.get_list_dag_runs_batch("~", DAGRunsBatchBody(
            dag_ids=[DAG_ID], states=["success"], page_limit=100))
        assert RUN_ID in [r.dag_run_id for r in batch.dag_runs], batch
        ti_batch = tis.get_task_instances_batch("~", "~", TaskInstancesBatchBody(
            dag_run_ids=[RUN_ID], task_ids=["evaluate", "promote"]))
        assert ti_batch.total_entries == 2, ti_batch

        dry = tis.post_clear_task_instances(DAG_ID, ClearTaskInstancesBody(
            dag_run_id=RUN_ID, task_ids=[ClearTaskInstancesBodyTaskIdsInner("register")],
            only_failed=False, dry_run=True))
        assert [t.task_id for t in dry.task_instances] == ["register", "promote"], dry
        print("AIRFLOW_CLIENT_RESULTS OK xcoms=%d tries=%d lines=%d" % (
            entries.total_entries, tries.total_entries, len(lines)))


if __name__ == "__main__":
    main()
