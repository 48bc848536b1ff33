"""`askwell serve --port N` makes emailed links and printed addresses use port N, unless
SITE_URL is set (a public address behind a proxy)."""

from __future__ import annotations

import pytest
from django.conf import settings

from askwell.core.management.commands.serve import follow_the_address_served


def test_links_follow_the_port_served(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setattr(settings, "SITE_URL", settings.SITE_URL)  # restored after the test
    follow_the_address_served("0.0.0.0", 8301)
    assert settings.SITE_URL == "http://127.0.0.1:8301"
    import os

    assert os.environ["SITE_URL"] == "http://127.0.0.1:8301"  # the task worker's emails too
    monkeypatch.delenv("SITE_URL")


def test_a_site_url_that_was_set_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://askwell.example")
    monkeypatch.setattr(settings, "SITE_URL", "https://askwell.example")
    follow_the_address_served("127.0.0.1", 8301)
    assert settings.SITE_URL == "https://askwell.example"
