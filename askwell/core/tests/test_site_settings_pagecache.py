"""A site-settings edit retires every cached page once it is committed (issue 14, point 8):
the help numbers are in every page, and a cached page must not show the old ones for the
five minutes a page is kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from askwell.core.models import SiteSettings

pytestmark = pytest.mark.django_db

NEW_ADVICE = "In an emergency call 112 or go to the nearest emergency department."


def test_a_settings_edit_is_visible_on_a_cached_page_at_once(
    client: Client, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.CACHE_PAGES_SECONDS = 300
    client.get("/")
    cached = client.get("/")
    assert cached["X-Page-Cache"] == "hit"
    assert NEW_ADVICE not in cached.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        site = SiteSettings.current()
        site.emergency_number = "112"
        site.emergency_advice = NEW_ADVICE
        site.save()

    fresh = client.get("/")
    assert fresh["X-Page-Cache"] == "miss"
    assert NEW_ADVICE in fresh.content.decode()


def test_nothing_is_retired_before_the_edit_commits(
    client: Client, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.CACHE_PAGES_SECONDS = 300
    client.get("/")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        site = SiteSettings.current()
        site.emergency_advice = NEW_ADVICE
        site.save()
        # Until the edit commits the cached page stands (a rolled-back edit changes nothing).
        assert client.get("/")["X-Page-Cache"] == "hit"
    assert callbacks, "the page-cache version is bumped on commit"
