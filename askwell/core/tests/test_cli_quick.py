"""`askwell ask` starts light: no system checks, and a URLconf with only the addresses it prints,
at the same paths as the site's."""

from __future__ import annotations

import pytest
from django.urls import reverse

from askwell import cli

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("name", "kwargs"), [
    ("helpnow:page", {}),
    ("knowledge:pack", {"pack": "muscle-spasms"}),
    ("knowledge:article", {"pack": "muscle-spasms", "article": "causes"}),
    ("knowledge:topic", {"slug": "faq/night-spasms"}),
])
def test_the_quick_urlconf_gives_the_sites_addresses(name: str, kwargs: dict[str, str]) -> None:
    assert reverse(name, urlconf=cli.QUICK_URLCONF, kwargs=kwargs) == reverse(name, kwargs=kwargs)


def test_ask_runs_on_the_quick_urlconf_without_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def execute(argv: list[str]) -> None:
        from django.urls import get_urlconf

        seen["argv"], seen["urlconf"] = argv, get_urlconf()

    monkeypatch.setattr(cli, "ensure_ready", lambda: None)
    monkeypatch.setattr("django.core.management.execute_from_command_line", execute)
    try:
        cli.main(["askwell", "ask", "calf cramp"])
    finally:
        from django.urls import set_urlconf

        set_urlconf(None)
    assert seen == {"argv": ["askwell", "ask", "calf cramp", "--skip-checks"], "urlconf": cli.QUICK_URLCONF}
