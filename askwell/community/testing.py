"""Test helpers for the community apps (not imported by the site)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from askwell.moderation.spam import stamp


@pytest.fixture(autouse=True)
def immediate_tasks(settings: Any) -> Iterator[None]:
    """Emails are queued in production; in tests the queue runs each task at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.CACHE_PAGES_SECONDS = 300
    yield


def guard(**fields: Any) -> dict[str, Any]:
    """Form data with the fill-time stamp of a form opened a minute ago and an empty honeypot."""
    return {"form_started": stamp(time.time() - 60), "homepage_url": "", **fields}


def ask(client: Client, **fields: Any) -> Any:
    """Posts the ask form through both steps (suggestions, then post)."""
    data = guard(title="Why do my calves cramp at night?", body="Every night around 3am, both calves.",
                 topic="", tags="night, calf", seen_suggestions="True", **fields)
    return client.post("/questions/ask/", data)
