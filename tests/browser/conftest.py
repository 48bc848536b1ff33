"""Fixtures for the real-browser tests: Debian's Chromium driven by Playwright (sync API).

Use them like this in tests/browser/test_<something>_browser.py:

    pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

    def test_it_shows_the_guide(page, site_url):
        page.goto(site_url + "/muscle-spasms/")
        assert_no_console_errors(page)
        assert_accessible(page)

Fixtures: `browser` (one Chromium per test module), `page` (a fresh context and page per test,
with `page.console_errors` collecting console errors and uncaught page errors),
`site_url` (pytest-django's live server with the knowledge packs loaded).
Helpers: `open_page(browser, **context_options)` (the same, for other contexts),
`assert_no_console_errors(page)`, `run_axe(page)`, `assert_accessible(page)`,
`screenshot(page, name)`; import them with `from tests.browser.conftest import ...`.

Why the live server needs `transaction=True`: it runs in another thread, which only sees
committed data. Transactional tests flush every table when they end, which would take the
knowledge packs away from the (non-transactional) tests that run after them in the same
process, so `pytest_runtest_teardown` below loads the packs again once the flush is done.
"""

from __future__ import annotations

import io
import os
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import caches
from django.core.management import call_command

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "var" / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# axe-core rule tags for WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


def _missing(reason: str) -> None:
    """Skip on a developer machine, fail in CI: CI must never silently skip browser tests."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium per test module (not per session, on purpose: see below)."""
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is missing; run ./scripts/browser-deps.sh (or make browser-deps)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed; run .venv/bin/python -m pip install -e '.[dev]'")
    # Playwright's sync API keeps an asyncio loop running on this thread while it is started,
    # and Django refuses ORM calls when it sees one. The tests and fixtures make only ordinary
    # blocking calls, so allow them while the browser lives, and put the setting back after.
    # Module scope keeps both the loop and the setting inside the browser modules: with a
    # session-wide browser, every later test in the process would run with a live loop (ORM
    # calls refused) and with the variable set (inherited by subprocesses, where
    # `check --deploy` reports async.E001). It costs one Chromium start (~1-2 s) per module.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            try:
                yield chromium
            finally:
                chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def open_page(browser: Any, **context_options: Any) -> Any:
    """A page in a new context that records console errors and uncaught page errors in
    `page.console_errors`. For contexts the `page` fixture does not give (JavaScript off,
    signed in ...); close it with `page.context.close()`."""
    options = {"viewport": {"width": 1280, "height": 900}, "locale": "en-GB", **context_options}
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    errors: list[str] = []
    new_page.console_errors = errors

    def on_console(message: Any) -> None:
        if message.type == "error":
            errors.append(f"console error on {new_page.url}: {message.text}")

    def on_page_error(error: Any) -> None:
        errors.append(f"uncaught error on {new_page.url}: {error}")

    new_page.on("console", on_console)
    new_page.on("pageerror", on_page_error)
    # Every Content-Security-Policy violation the page reports (blocked or report-only).
    new_page.add_init_script(
        "window.__cspViolations = [];"
        " document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push("
        " `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));"
    )
    return new_page


def csp_violations(page: Any) -> list[str]:
    return list(page.evaluate("() => window.__cspViolations || []"))


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context (no cookies, no localStorage) and page for each test."""
    new_page = open_page(browser)
    try:
        yield new_page
    finally:
        new_page.context.close()


@pytest.fixture
def site_url(live_server: Any, transactional_db: None) -> str:
    """The live server's base URL (no trailing slash), with the knowledge packs loaded.

    The previous transactional test flushed the tables, so the packs are loaded again here;
    loading is idempotent, so this is cheap when they are already there.
    """
    call_command("loadcontent", verbosity=0, stdout=io.StringIO())
    # Rate limits count in a database table that flushing leaves alone: each test starts afresh.
    caches["ratelimit"].clear()
    return str(live_server.url)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, None, None]:
    """After a transactional browser test has flushed the database, put the packs back,
    so that a later test that relies on the session-wide load (root conftest.py) finds them."""
    result = yield
    marker = item.get_closest_marker("django_db")
    transactional = (marker is not None and bool(marker.kwargs.get("transaction"))) or (
        "transactional_db" in getattr(item, "fixturenames", [])
    )
    flushed = item.get_closest_marker("browser") is not None and transactional
    if flushed and nextitem is not None and nextitem.get_closest_marker("browser") is None:
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            call_command("loadcontent", verbosity=0, stdout=io.StringIO())
    return result


def assert_no_console_errors(page: Any, ignore: Iterable[str] = ()) -> None:
    """Fail when the page logged a console error or threw; `ignore` lists substrings of
    expected messages (e.g. "404" on a page that is meant to be a 404)."""
    ignored = tuple(ignore)
    errors = [error for error in page.console_errors if not any(part in error for part in ignored)]
    assert not errors, "the browser reported errors:\n" + "\n".join(errors)


def run_axe(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the current page against WCAG 2.x A and AA; returns its violations."""
    if not AXE_SCRIPT.exists():
        _missing(f"{AXE_SCRIPT} is missing; run ./scripts/browser-deps.sh (npm installs axe-core)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not as an inline <script>: the site's
        # Content-Security-Policy rightly refuses inline scripts, and the test must not weaken it.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")
    results = page.evaluate(
        "async (tags) => await window.axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return list(results["violations"])


def describe_violations(violations: Iterable[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation.get("nodes", [])[:10]:
            lines.append(f"    at {' '.join(str(part) for part in node.get('target', []))}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def assert_accessible(page: Any) -> None:
    """Fail when axe finds a serious or critical WCAG A/AA violation on the current page."""
    blocking = [v for v in run_axe(page) if v.get("impact") in BLOCKING_IMPACTS]
    assert not blocking, f"accessibility violations on {page.url}:\n{describe_violations(blocking)}"


def screenshot(page: Any, name: str, full_page: bool = True) -> Path:
    """Save a PNG to var/test-artifacts/<name>.png (kept for people and CI to look at)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=full_page)
    return target
