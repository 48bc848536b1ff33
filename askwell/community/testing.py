"""Test helpers for the community apps (not imported by the site)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from django.test import Client

from askwell.moderation.spam import stamp

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse
    from pytest_django.fixtures import Settings

    from askwell.community.models import Question
    from askwell.knowledge.models import Topic


@pytest.fixture(autouse=True)
def immediate_tasks(settings: Settings) -> Iterator[None]:
    """Emails are queued in production; in tests the queue runs each task at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.CACHE_PAGES_SECONDS = 300
    # Real password hashing costs a third of a second per persona; tests need no protection from it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield


def guard(**fields: object) -> dict[str, object]:
    """Form data with the fill-time stamp of a form opened a minute ago and an empty honeypot."""
    return {"form_started": stamp(time.time() - 60), "homepage_url": "", **fields}


def ask(client: Client, **fields: object) -> TestResponse:
    """Posts the ask form through both steps (suggestions, then post)."""
    defaults = {"title": "Why do my calves cramp at night?", "body": "Every night around 3am, both calves.",
                "topic": "", "tags": "night, calf", "seen_suggestions": "True"}
    data = guard(**{**defaults, **fields})
    return client.post("/questions/ask/", data)


def published_question(title: str = "Why do my calves cramp at night?", body: str = "Every night, both calves.",
                       author: User | None = None, email: str = "", topic: Topic | None = None) -> Question:
    """A question through the real actions, then approved, as a moderator would."""
    from django.contrib.auth.models import AnonymousUser

    from askwell.community import actions

    question = actions.ask_question(user=author or AnonymousUser(), title=title, body=body, topic=topic, tags=["calf"],
                                    contact_email=email or ("" if author else "asker.anon@example.net"))
    return actions.publish_question(question)


def user_of(client: Client) -> User | None:
    from django.contrib.auth import get_user_model

    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id) if user_id else None
