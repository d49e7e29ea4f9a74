#!/usr/bin/env python3
# Regenerates api/src/main/resources/openapi/openapi.json, the document the API serves at
# GET /api/v2/openapi.json: Apache Airflow 3's public REST API description (the v2.yaml that the
# official apache-airflow-client package ships; Apache License 2.0, (c) The Apache Software
# Foundation) cut down to the operations this API implements, plus its own model-serving call.
#
#   .emo/venv/bin/python infra/scripts/generate-openapi.py [path/to/v2.yaml]
#
# The result is committed, so neither the build nor the tests download or parse anything;
# OpenApiDocumentTest fails when SERVED below and the JAX-RS resources disagree.
import json
import re
import sys
from pathlib import Path

import yaml  # PyYAML, a dependency of MLflow in .emo/venv

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "api/src/main/resources/openapi/openapi.json"

# (path, method) pairs that the resources in api/src/main/java/org/emoaudionet/api implement.
SERVED = [
    ("/api/v2/dags", "get"),
    ("/api/v2/dags", "patch"),
    ("/api/v2/dags/{dag_id}", "get"),
    ("/api/v2/dags/{dag_id}", "patch"),
    ("/api/v2/dags/{dag_id}/details", "get"),
    ("/api/v2/dags/{dag_id}/tasks", "get"),
    ("/api/v2/dags/{dag_id}/tasks/{task_id}", "get"),
    ("/api/v2/dags/{dag_id}/dagRuns", "get"),
    ("/api/v2/dags/{dag_id}/dagRuns", "post"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}", "get"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}", "patch"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}", "delete"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/clear", "post"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances", "get"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}", "get"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/logs/{try_number}", "get"),
    ("/api/v2/assets", "get"),
    ("/api/v2/assets/{asset_id}", "get"),
    ("/api/v2/assets/events", "get"),
    ("/api/v2/assets/events", "post"),
    ("/api/v2/dagStats", "get"),
    ("/api/v2/dagSources/{dag_id}", "get"),
    ("/api/v2/importErrors", "get"),
    ("/api/v2/importErrors/{import_error_id}", "get"),
    ("/api/v2/dags/{dag_id}/dagVersions", "get"),
    ("/api/v2/dags/{dag_id}/dagVersions/{version_number}", "get"),
    ("/api/v2/config", "get"),
    ("/api/v2/config/section/{section}/option/{option}", "get"),
    ("/api/v2/pools", "get"),
    ("/api/v2/pools/{pool_name}", "get"),
    ("/api/v2/variables", "get"),
    ("/api/v2/variables", "post"),
    ("/api/v2/variables/{variable_key}", "get"),
    ("/api/v2/variables/{variable_key}", "patch"),
    ("/api/v2/variables/{variable_key}", "delete"),
    # DAG runs and task instances, part 2 (issue 11): results, waits, batches, tries, clears
    ("/api/v2/dags/{dag_id}/dagRuns/list", "post"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/wait", "get"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/list", "post"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/tries", "get"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/tries/{task_try_number}", "get"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries", "get"),
    ("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries/{xcom_key}", "get"),
    ("/api/v2/dags/{dag_id}/clearTaskInstances", "post"),
    ("/api/v2/monitor/health", "get"),
    ("/api/v2/version", "get"),
]

_ERROR = {"content": {"application/json": {"schema": {
    "$ref": "#/components/schemas/HTTPExceptionResponse"}}}}

# Not Airflow's: POST /api/emo/models/{name}/predict (serving/PredictResource.java).
EMO_PATHS = {
    "/api/emo/models/{name}/predict": {"post": {
        "operationId": "emo_predict",
        "summary": "Score recordings with a registered model",
        "description": "Scores uploaded recordings with the registered MLflow model "
                       "emoaudionet-<name> (a DAG id, or the full registered name): the "
                       "champion alias unless version or alias says otherwise.",
        "tags": ["EmoAudioNet"],
        "security": [{"OAuth2PasswordBearer": []}, {"HTTPBearer": []}],
        "parameters": [
            {"in": "path", "name": "name", "required": True, "schema": {"type": "string"}},
            {"in": "query", "name": "version", "required": False,
             "schema": {"type": "string", "description": "a positive integer or 'latest'"}},
            {"in": "query", "name": "alias", "required": False, "schema": {"type": "string"}},
        ],
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
            "type": "object",
            "properties": {
                "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                "file": {"type": "string", "format": "binary"},
            }}}}},
        "responses": {
            "200": {"description": "One prediction per file",
                    "content": {"application/json": {"schema": {"type": "object"}}}},
            "401": dict(_ERROR, description="Unauthorized"),
            "404": dict(_ERROR, description="No such registered model, version or alias"),
            "413": dict(_ERROR, description="Too many or too large files"),
            "422": {"description": "Bad files or parameters (the good files' predictions too)",
                    "content": {"application/json": {"schema": {"type": "object"}}}},
        },
    }},
}


def project_version():
    """The root pom's version without -SNAPSHOT: a valid semver and PEP 440 version."""
    text = (ROOT / "pom.xml").read_text()
    m = re.search(r"<artifactId>emo-parent</artifactId>\s*<version>([^<]+)</version>", text)
    return m.group(1).removesuffix("-SNAPSHOT")


def refs(node, found):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                found.add(v)
            else:
                refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def used_schemas(paths, schemas):
    """The schemas the kept paths reference, transitively (the rest would be dead weight)."""
    seen, todo = set(), set()
    refs(paths, todo)
    while todo:
        ref = todo.pop()
        name = ref.rsplit("/", 1)[-1]
        if not ref.startswith("#/components/schemas/") or name in seen:
            continue
        seen.add(name)
        refs(schemas[name], todo)
    return {n: schemas[n] for n in schemas if n in seen}


def main():
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        ROOT / ".emo/venv/lib/python3.11/site-packages/v2.yaml"
    spec = yaml.safe_load(src.read_text())
    paths = {}
    for path, method in SERVED:
        op = spec["paths"].get(path, {}).get(method)
        if op is None:
            sys.exit(f"generate-openapi: {method.upper()} {path} is not in {src}")
        paths.setdefault(path, {})[method] = op
    paths.update(EMO_PATHS)
    out = {
        "openapi": spec["openapi"],
        "info": {
            "title": "EmoAudioNet API (Airflow 3 compatible)",
            "version": project_version(),
            "description": "The operations of Apache Airflow 3's public REST API (api/v2) that "
                           "EmoAudioNet implements, over Temporal, plus its model serving call "
                           "(api/emo). Derived from Apache Airflow's OpenAPI description "
                           f"(info.version '{spec['info']['version']}', as shipped by "
                           "apache-airflow-client), Copyright The Apache Software Foundation, "
                           "licensed under the Apache License 2.0; regenerated by "
                           "infra/scripts/generate-openapi.py. Tokens: POST /auth/token.",
            "license": {"name": "Apache-2.0",
                        "url": "https://www.apache.org/licenses/LICENSE-2.0"},
        },
        # No servers: clients resolve the paths against the URL they fetched this from. No
        # top-level security either: Airflow's names schemes it never declares; every guarded
        # operation carries its own, and health and version are public.
        "paths": paths,
        "components": {
            "schemas": used_schemas(paths, spec["components"]["schemas"]),
            "securitySchemes": spec["components"]["securitySchemes"],
        },
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    ops = sum(len(v) for v in paths.values())
    print(f"generate-openapi: {OUT.relative_to(ROOT)}: {ops} operations, "
          f"{len(out['components']['schemas'])} schemas")


if __name__ == "__main__":
    main()
