"""The login the official-client check scripts share: Airflow 3's POST /auth/token (201, JWT)."""
import json
import urllib.request


def token(base, user, password):
    req = urllib.request.Request(
        base + "/auth/token",
        data=json.dumps({"username": user, "password": password}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req) as resp:
        assert resp.status == 201, resp.status
        return json.load(resp)["access_token"]
