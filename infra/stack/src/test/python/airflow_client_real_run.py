#!/usr/bin/env python3
"""A real pipeline run driven only through the official Airflow 3 Python client.

Usage: airflow_client_real_run.py BASE_URL USERNAME PASSWORD DAG_ID RUN_ID CONF_JSON

Authenticates at /auth/token, finds the DAG, triggers it with {"logical_date": None, "conf": ...},
polls the run until it ends (20 minutes at most), then reads its task instances and the train
log. Prints one line starting with "AIRFLOW_REAL_RUN" and exits 0 only if the run succeeded.
"""
import json
import sys
import time
from pathlib import Path

import airflow_client.client as ac
from airflow_client.client.api.dag_api import DAGApi
from airflow_client.client.api.dag_run_api import DagRunApi
from airflow_client.client.api.task_instance_api import TaskInstanceApi
from airflow_client.client.models.trigger_dag_run_post_body import TriggerDAGRunPostBody

# the login the official-client checks share (POST /auth/token, 201), beside the API module's checks
sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "api" / "src" / "test" / "python"))
from api_login import token  # noqa: E402


def main():
    base, user, password, dag_id, run_id, conf = sys.argv[1:7]
    base = base.rstrip("/")
    config = ac.Configuration(host=base, access_token=token(base, user, password))
    with ac.ApiClient(config) as client:
        assert dag_id in [d.dag_id for d in DAGApi(client).get_dags(limit=100).dags]
        runs = DagRunApi(client)
        run = runs.trigger_dag_run(
            dag_id, TriggerDAGRunPostBody(logical_date=None, conf=json.loads(conf), dag_run_id=run_id))
        seen = None
        deadline = time.time() + 20 * 60
        while run.state.value not in ("success", "failed") and time.time() < deadline:
            time.sleep(2)
            run = runs.get_dag_run(dag_id, run_id)
            if run.state.value != seen:
                seen = run.state.value
                print("run", run_id, "is", seen, flush=True)
        tis = TaskInstanceApi(client).get_task_instances(dag_id, run_id)
        states = {ti.task_id: ti.state.value if ti.state else None for ti in tis.task_instances}
        log = TaskInstanceApi(client).get_log(dag_id, run_id, "train", 1)
        lines = log.content.actual_instance or []
    print("AIRFLOW_REAL_RUN client=%s dag=%s run=%s state=%s tasks=%s train_log_lines=%d"
          % (ac.__version__, dag_id, run_id, run.state.value, json.dumps(states), len(lines)))
    sys.exit(0 if run.state.value == "success" else 1)


if __name__ == "__main__":
    main()
