"""Every askwell app is installed, and routed, because settings.py and urls.py say so in full,
never because a file happens to exist (issue 14, point 1)."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

ASKWELL = Path(__file__).resolve().parent.parent / "askwell"


def test_installed_apps_are_exactly_the_askwell_packages_with_an_app_config() -> None:
    on_disk = {f"askwell.{path.parent.name}" for path in ASKWELL.glob("*/apps.py")}
    installed = {app for app in settings.INSTALLED_APPS if app.startswith("askwell.") and app.count(".") == 1}
    assert installed == on_disk


def test_settings_and_urls_write_their_lists_out() -> None:
    """No loop over apps, no file-existence check, no swallowed ModuleNotFoundError."""
    for name in ("settings.py", "urls.py", "api/urls.py"):
        # Module level only: what runs as the file is imported (functions may loop as they like).
        top = [node for statement in ast.parse((ASKWELL / name).read_text()).body
               if not isinstance(statement, ast.FunctionDef) for node in ast.walk(statement)]
        loops = [node for node in top if isinstance(node, ast.For | ast.Try)]
        calls = {node.func.attr for node in top if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)}
        assert not loops and not calls & {"exists", "is_installed", "import_module"}, name


def test_each_app_with_pages_is_routed() -> None:
    from django.urls import get_resolver

    namespaces = set(get_resolver().namespace_dict)
    for app in ("accounts", "answers", "checker", "community", "helpnow", "knowledge", "moderation", "api"):
        assert app in namespaces, app
