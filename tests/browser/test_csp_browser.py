"""The strict Content-Security-Policy holds in a real browser: key pages (and their scripts:
theme, as-you-type answers, the checker, the API docs) run without a single violation."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import assert_no_console_errors, csp_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY_PAGES = ["/", "/muscle-spasms/", "/search/?q=why+do+my+calves+cramp+at+night", "/questions/", "/questions/ask/",
             "/check/", "/help/", "/accounts/login/", "/accounts/signup/", "/api/v1/docs"]


@pytest.mark.parametrize("path", KEY_PAGES)
def test_key_pages_report_no_csp_violation(page: Any, site_url: str, path: str) -> None:
    response = page.goto(site_url + path)
    assert response is not None and response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert csp_violations(page) == []
    assert_no_console_errors(page)


def test_typing_a_question_runs_the_answer_script_without_a_violation(page: Any, site_url: str) -> None:
    page.goto(site_url + "/questions/ask/")
    page.fill("input[name=title]", "crushing chest pain and my left arm is numb")
    page.wait_for_timeout(800)
    page.wait_for_load_state("networkidle")
    assert csp_violations(page) == []
    assert_no_console_errors(page)


def test_a_violation_would_be_seen(page: Any, site_url: str) -> None:
    """The check itself works: an inline script on a page of the site is refused and reported."""
    page.goto(site_url + "/help/")
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.x = 1';"
                  " document.body.appendChild(s); }")
    page.wait_for_timeout(200)
    assert any("script-src" in violation for violation in csp_violations(page))
