"""The answers part of /api/v1/openapi.json must not change by accident.

If a change is intended, update the snapshot with:
    ASKWELL_UPDATE_SNAPSHOTS=1 .venv/bin/pytest askwell/answers/tests/test_openapi_snapshot.py
"""

import json
import os
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

SNAPSHOT = Path(__file__).with_name("openapi_answers.json")
OWN_PATHS = ("/api/v1/answers",)


def _referenced(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.add(value.rsplit("/", 1)[-1])
            else:
                _referenced(value, found)
    elif isinstance(node, list):
        for value in node:
            _referenced(value, found)
    return found


def own_part(schema: dict[str, Any]) -> dict[str, Any]:
    paths = {path: schema["paths"][path] for path in OWN_PATHS}
    schemas = schema.get("components", {}).get("schemas", {})
    names = _referenced(paths, set())
    while True:  # follow references inside referenced schemas
        more = _referenced({name: schemas[name] for name in names}, set()) - names
        if not more:
            break
        names |= more
    return {"paths": paths, "schemas": {name: schemas[name] for name in sorted(names)}}


@pytest.mark.django_db
def test_the_answers_api_schema_matches_the_snapshot(anonymous: Client) -> None:
    response = anonymous.get("/api/v1/openapi.json")
    assert response.status_code == 200
    current = own_part(response.json())
    if os.environ.get("ASKWELL_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert current == stored, (
        "The /api/v1/answers OpenAPI schema changed. If that is intended, update the snapshot with "
        "ASKWELL_UPDATE_SNAPSHOTS=1 .venv/bin/pytest askwell/answers/tests/test_openapi_snapshot.py"
    )


@pytest.mark.django_db
def test_the_api_docs_page_is_served(anonymous: Client) -> None:
    assert anonymous.get("/api/v1/docs").status_code == 200
