"""The import rules of docs/architecture.md, enforced.

1. The medical core (askwell/medical/) is plain Python: it never imports Django (or the
   API framework) and nothing of askwell outside itself, so it can be read, tested and
   benchmarked without a database or settings.
2. An app imports another app only through that app's small public surface, named below
   (its actions, its models and querysets, and a few named modules), never its views,
   forms or internals. The exceptions are listed with the reason they are allowed.

Tests, migrations and conftest files are not checked: they may reach anywhere.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "askwell"

# Third-party frameworks the plain-Python core must not depend on.
FRAMEWORKS = ("django", "ninja", "allauth", "django_tasks")

# What each app offers the others. "*" = every module (the core and the project's wiring).
PUBLIC: dict[str, frozenset[str] | str] = {
    "medical": "*",  # the plain-Python core: every layer above may use it
    "env": "*",  # strict settings helpers (askwell/env.py)
    "wsgi": "*",  # the WSGI application, served by `askwell serve` (core)
    # Site settings, the page cache, the one Markdown renderer, the one refusal error (ActionError).
    "core": frozenset({"models", "pagecache", "markdown", "errors", "stencils", "addresses"}),
    "accounts": frozenset({"models", "permissions", "actions"}),
    "community": frozenset({"models", "actions", "permissions", "fetch", "tasks", "api"}),
    # search: answer() and the index hooks; sync: where another app registers its documents.
    "answers": frozenset({"models", "search", "sync", "api"}),
    # jsonld: the schema.org writer community pages share; signals: topics_changed, a hook by nature.
    "knowledge": frozenset({"models", "jsonld", "signals"}),
    # spam: the fill-time stamp every form carries; guards: the one CSRF/Origin decorator;
    # audit: the one audit-row writer, called inside other apps' actions' transactions.
    "moderation": frozenset({"models", "actions", "spam", "guards", "audit"}),
    "helpnow": frozenset({"lines", "presentation", "terminal"}),  # the help lines every page and the CLI show
    "checker": frozenset({"api"}),
    "feedback": frozenset({"models", "actions", "useful"}),  # useful: the "Is this answer useful?" form under answers
    "api": frozenset({"schemas"}),  # the shared ErrorOut schema
}
# An app's `api` module (its ninja router) is for the API package alone (askwell/api/urls.py).
ROUTER_MODULE, ROUTER_IMPORTER = "api", "api"

# (importing app, imported app.module): why it is allowed.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("core", "knowledge.viewcount"): "askwell serve flushes the article view counts when a worker exits",
    ("core", "answers.engine"): "askwell serve says at start whether the optional semantic model is there",
}


@dataclass(frozen=True)
class Import:
    path: Path
    line: int
    module: str  # absolute dotted name, e.g. "askwell.community.actions"


def imports_in(source: str, path: Path) -> Iterator[Import]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(path, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield Import(path, node.lineno, node.module)
            # "from askwell.community import actions": the names may be modules too.
            if node.module.count(".") == 1 and node.module.startswith("askwell."):
                for alias in node.names:
                    yield Import(path, node.lineno, f"{node.module}.{alias.name}")


def checked_files() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if "tests" in parts or "migrations" in parts or path.name == "conftest.py":
            continue
        yield path


def app_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def core_problems(source: str, path: Path) -> list[str]:
    problems = []
    for found in imports_in(source, path):
        top = found.module.split(".")[0]
        outside = found.module.startswith("askwell.") and not found.module.startswith("askwell.medical")
        if top in FRAMEWORKS or outside:
            problems.append(f"{path}:{found.line} imports {found.module}")
    return problems


def cross_app_problems(source: str, path: Path, importer: str) -> list[str]:
    problems = []
    for found in imports_in(source, path):
        parts = found.module.split(".")
        if parts[0] != "askwell" or len(parts) < 2 or parts[1] == importer:
            continue
        app, module = parts[1], (parts[2] if len(parts) > 2 else "")
        public = PUBLIC.get(app)
        if public is None:  # settings, urls, cli, test: the project's wiring, imported by nobody
            problems.append(f"{path}:{found.line} imports the project module {found.module}")
            continue
        if public == "*" or not module or (importer, f"{app}.{module}") in EXCEPTIONS:
            continue
        if module == ROUTER_MODULE and importer != ROUTER_IMPORTER:
            problems.append(f"{path}:{found.line} imports {found.module}: routers are for askwell/api/ alone")
        elif module not in public:
            problems.append(f"{path}:{found.line} imports {found.module}, which {app} does not offer")
    return problems


def test_the_medical_core_never_imports_django_or_the_apps() -> None:
    problems = [problem for path in checked_files() if app_of(path) == "medical"
                for problem in core_problems(path.read_text(encoding="utf-8"), path)]
    assert not problems, "\n".join(problems)


def test_apps_import_each_other_only_through_their_public_surface() -> None:
    problems = []
    for path in checked_files():
        importer = app_of(path)
        if importer in ("settings", "cli_settings", "urls", "cli", "test"):  # the wiring may import anything
            continue
        problems += cross_app_problems(path.read_text(encoding="utf-8"), path, importer)
    assert not problems, "\n".join(problems)


def test_every_exception_is_still_needed() -> None:
    used = set()
    for path in checked_files():
        for found in imports_in(path.read_text(encoding="utf-8"), path):
            parts = found.module.split(".")
            if len(parts) > 2 and parts[0] == "askwell":
                used.add((app_of(path), f"{parts[1]}.{parts[2]}"))
    assert set(EXCEPTIONS) <= used, "an exception no longer used: remove it"


@pytest.mark.parametrize(("source", "importer", "complaint"), [
    ("from askwell.community.views import questions\n", "moderation", "which community does not offer"),
    ("from askwell.community import forms\n", "moderation", "which community does not offer"),
    ("import askwell.checker.api\n", "community", "routers are for askwell/api/ alone"),
    ("from askwell.settings import DEBUG\n", "core", "project module"),
])
def test_the_rule_catches_a_reach_into_another_app(source: str, importer: str, complaint: str) -> None:
    problems = cross_app_problems(source, PACKAGE / importer / "example.py", importer)
    assert problems and complaint in problems[0]


@pytest.mark.parametrize("source", [
    "from django.conf import settings\n",
    "import django\n",
    "from askwell.core.models import SiteSettings\n",
])
def test_the_rule_catches_django_in_the_core(source: str) -> None:
    assert core_problems(source, PACKAGE / "medical" / "example.py")


def test_the_core_may_import_itself_and_plain_libraries() -> None:
    assert not core_problems("import yaml\nfrom askwell.medical.text import tokenize\n",
                             PACKAGE / "medical" / "example.py")
