#!/usr/bin/env python3
"""Reads and writes the catalog endpoints (assets, import errors, DAG sources, versions and stats,
config, pools, variables) through the official Airflow 3 Python client, whose pydantic models
refuse any field, type or missing value Airflow would not send.

Usage: airflow_client_catalog_check.py BASE_URL USERNAME PASSWORD

Prints one line starting with "AIRFLOW_CLIENT_CATALOG_CHECK OK" when every call succeeded.
"""
import sys

import airflow_client.client as ac
from airflow_client.client.api.asset_api import AssetApi
from airflow_client.client.api.config_api import ConfigApi
from airflow_client.client.api.dag_api import DAGApi
from airflow_client.client.api.dag_source_api import DagSourceApi
from airflow_client.client.api.dag_stats_api import DagStatsApi
from airflow_client.client.api.dag_version_api import DagVersionApi
from airflow_client.client.api.import_error_api import ImportErrorApi
from airflow_client.client.api.pool_api import PoolApi
from airflow_client.client.api.variable_api import VariableApi
from airflow_client.client.exceptions import ApiException
from airflow_client.client.models.create_asset_events_body import CreateAssetEventsBody
from airflow_client.client.models.variable_body import VariableBody
from api_login import token  # beside this script



def main(base, user, password):
    config = ac.Configuration(host=base, access_token=token(base, user, password))
    with ac.ApiClient(config) as client:
        assets = AssetApi(client).get_assets()
        solo = [a for a in assets.assets if a.uri.endswith("catalog-solo/")][0]
        assert [d.dag_id for d in solo.scheduled_dags] == ["solo_drops"], solo
        assert AssetApi(client).get_asset(solo.id).uri == solo.uri
        body = CreateAssetEventsBody(asset_id=solo.id, extra={"client": "official"})
        event = AssetApi(client).create_asset_event(body)
        again = AssetApi(client).create_asset_event(body)
        assert event.id == again.id, (event, again)
        assert [r.dag_id for r in event.created_dagruns] == ["solo_drops"], event
        events = AssetApi(client).get_asset_events(asset_id=solo.id)
        assert events.total_entries >= 1, events

        errors = ImportErrorApi(client).get_import_errors()
        files = sorted(e.filename for e in errors.import_errors)
        assert files == ["broken.yaml", "garbage.json"], files
        one = ImportErrorApi(client).get_import_error(errors.import_errors[0].import_error_id)
        assert one.stack_trace, one
        assert "drops_a" in [d.dag_id for d in DAGApi(client).get_dags(limit=100).dags]
        assert DAGApi(client).get_dags(has_asset_schedule=True).total_entries == 3

        source = DagSourceApi(client).get_dag_source("drops_a")
        assert "dag_id: drops_a" in source.content and source.version_number == 1, source
        versions = DagVersionApi(client).get_dag_versions("drops_a")
        assert versions.dag_versions[0].version_number == 1, versions
        DagVersionApi(client).get_dag_version("drops_a", 1)
        stats = DagStatsApi(client).get_dag_stats(dag_ids=["solo_drops"])
        assert [s.state.value for s in stats.dags[0].stats] == ["queued", "running", "success", "failed"]

        conf = ConfigApi(client).get_config()
        assert "api" in [s.name for s in conf.sections], conf
        value = ConfigApi(client).get_config_value("api_auth", "admin_password")
        assert value.sections[0].options[0].value.actual_instance == "< hidden >", value
        pools = PoolApi(client).get_pools()
        assert [p.name for p in pools.pools] == ["default_pool", "emo-cpu", "emo-gpu"], pools
        PoolApi(client).get_pool("emo-gpu")

        variables = VariableApi(client)
        variables.post_variable(VariableBody(key="client_secret", value="x", description="d"))
        assert variables.get_variable("client_secret").value == "***"
        variables.patch_variable("client_secret", VariableBody(key="client_secret", value="y"))
        assert variables.get_variables(variable_key_pattern="client").total_entries == 1
        variables.delete_variable("client_secret")
        try:
            variables.get_variable("client_secret")
            raise AssertionError("deleted variable still there")
        except ApiException as e:
            assert e.status == 404, e
    print(f"AIRFLOW_CLIENT_CATALOG_CHECK OK assets={assets.total_entries} "
          f"import_errors={errors.total_entries} pools={pools.total_entries}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
