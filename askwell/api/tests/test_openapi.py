"""The published OpenAPI document: one name per schema, and the real error statuses with their bodies."""

from __future__ import annotations

import inspect
from collections import defaultdict
from importlib import import_module

import pytest
from django.test import Client
from pydantic import BaseModel

from askwell.api.urls import api

pytestmark = pytest.mark.django_db


def test_no_two_api_schemas_share_a_name() -> None:
    # ninja names each component after its class: two classes of one name overwrite each other
    # in the document, and real responses then violate the published schema.
    mounted = {operation.view_func.__module__ for _, router in api._routers
               for path_view in router.path_operations.values() for operation in path_view.operations}
    assert {"askwell.answers.api", "askwell.checker.api", "askwell.community.api"} <= mounted
    owners: dict[str, set[str]] = defaultdict(set)
    for name in ["askwell.api.schemas", *sorted(mounted)]:
        module = import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseModel) and cls.__module__ == name:
                owners[cls.__name__].add(name)
    assert {name: where for name, where in owners.items() if len(where) > 1} == {}


def test_the_document_lists_the_real_error_statuses_with_a_detail_body(anonymous: Client) -> None:
    document = anonymous.get("/api/v1/openapi.json").json()
    assert document["components"]["schemas"]["ErrorOut"]["required"] == ["detail"]
    expected = {
        ("/api/v1/answers", "get"): {"200", "400", "422"},
        ("/api/v1/check", "post"): {"200", "400", "422"},
        ("/api/v1/questions", "get"): {"200", "400", "422", "429"},
        ("/api/v1/questions/{question_id}", "get"): {"200", "400", "404", "422", "429"},
        ("/api/v1/questions", "post"): {"201", "400", "401", "403", "409", "415", "422", "429"},
    }
    for (path, method), statuses in expected.items():
        responses = document["paths"][path][method]["responses"]
        assert statuses <= set(responses), (path, method, set(responses))
        for status in statuses:
            if status.startswith("4"):
                ref = responses[status]["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorOut"), (path, method, status)


def test_instant_answers_match_their_published_schema(anonymous: Client) -> None:
    document = anonymous.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    ref = document["paths"]["/api/v1/answers"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    answers_schema = schemas[ref["$ref"].rsplit("/", 1)[-1]]
    item = schemas[answers_schema["properties"]["answers"]["items"]["$ref"].rsplit("/", 1)[-1]]
    body = anonymous.get("/api/v1/answers?q=why+do+my+calves+cramp+at+night").json()
    assert body["answers"]
    assert set(item["required"]) <= set(body["answers"][0]) <= set(item["properties"])
    triage = schemas[answers_schema["properties"]["triage"]["$ref"].rsplit("/", 1)[-1]]
    assert set(triage["required"]) <= set(body["triage"])
