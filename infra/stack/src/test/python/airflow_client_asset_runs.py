#!/usr/bin/env python3
"""Lists a DAG's runs through the official Airflow 3 Python client, which parses run_type and
triggered_by into its enums (DagRunType, DagRunTriggeredByType): an unknown value would raise.

Usage: airflow_client_asset_runs.py BASE_URL USERNAME PASSWORD DAG_ID

Prints one line per run: "ASSET_RUN <dag_run_id> <run_type> <triggered_by> <logical_date>".
"""
import sys
from pathlib import Path

import airflow_client.client as ac
from airflow_client.client.api.dag_run_api import DagRunApi
from airflow_client.client.models.dag_run_triggered_by_type import DagRunTriggeredByType
from airflow_client.client.models.dag_run_type import DagRunType

# the login the official-client checks share (POST /auth/token, 201), beside the API module's checks
sys.path.insert(0, str(Path(__file__).resolve().parents[5] / "api" / "src" / "test" / "python"))
from api_login import token  # noqa: E402


def main():
    base, user, password, dag_id = sys.argv[1:5]
    base = base.rstrip("/")
    config = ac.Configuration(host=base, access_token=token(base, user, password))
    with ac.ApiClient(config) as client:
        runs = DagRunApi(client).get_dag_runs(dag_id, limit=100).dag_runs
    for r in runs:
        assert isinstance(r.run_type, DagRunType), r.run_type
        assert isinstance(r.triggered_by, DagRunTriggeredByType), r.triggered_by
        print("ASSET_RUN %s %s %s %s" % (r.dag_run_id, r.run_type.value, r.triggered_by.value,
                                         r.logical_date))


if __name__ == "__main__":
    main()
