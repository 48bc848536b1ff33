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


def test_a_migrated_database_with_packs_is_ready_for_quick_commands() -> None:
    assert cli.quick_database_ready()


def test_a_migration_not_yet_applied_sends_the_command_the_full_way() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = 'answers' AND name = '0001_initial'")
    assert not cli.quick_database_ready()


def test_no_packs_loaded_sends_the_command_the_full_way() -> None:
    from askwell.knowledge.models import Article, Pack

    Article.objects.all().delete()  # their reviewers are protected while they stand
    Pack.objects.all().delete()
    assert not cli.quick_database_ready()


def test_migration_names_are_the_files_djangos_loader_reads() -> None:
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    for app in ("askwell.answers", "askwell.knowledge", "askwell.core", "django.contrib.auth"):
        label = app.rsplit(".", 1)[-1]
        assert cli.migration_names(app) == {name for (app_label, name) in loader.disk_migrations if app_label == label}
    assert cli.migration_names("askwell.medical") == set()  # not an app with migrations
