"""The API docs page (/api/v1/docs, django-ninja's Swagger UI) in a real browser (issue 13):
axe finds no serious or critical violation in any state a developer reaches (every operation
open, "Try it out" on a GET and a POST, requests sent and their responses shown, a 404, every
schema expanded), at desktop and phone widths, and the interactive docs still send requests
and show the answers. Screenshots go to var/test-artifacts/api-docs-*.png.

What makes it pass: templates/ninja/swagger.html, static/css/swagger-a11y.css,
static/js/swagger-a11y.js and the Swagger settings in askwell/api/urls.py."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_console_errors,
    csp_violations,
    open_page,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def settled_and_accessible(page: Any) -> None:
    """axe once Swagger UI's CSS transitions have finished: its buttons fade back in over 0.3 s
    after a request, and a half-faded button is measured with too little contrast."""
    page.wait_for_function("() => document.getAnimations().length === 0")
    assert_accessible(page)


def operation(page: Any, operation_id: str) -> Any:
    return page.locator(f"#operations-{operation_id}")


def open_operation(page: Any, block: Any) -> None:
    toggle = block.locator(".opblock-summary-control")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def send(block: Any) -> Any:
    """Press Execute and wait for the live response; returns its status cell."""
    block.get_by_role("button", name="Execute").click()
    status = block.locator(".live-responses-table .response .response-col_status").first
    expect(status).to_be_visible(timeout=15_000)
    return status


@pytest.mark.parametrize("size", list(SIZES))
def test_the_api_docs_pass_axe_in_every_state_and_still_send_requests(browser: Any, site_url: str, size: str) -> None:
    page = open_page(browser, viewport=SIZES[size])
    try:
        page.goto(site_url + "/api/v1/docs")
        expect(page.locator(".swagger-ui .info .title")).to_contain_text("askwell API")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        settled_and_accessible(page)
        screenshot(page, f"api-docs-{size}")

        # Every operation open at once.
        for toggle in page.locator(".opblock-summary-control").all():
            toggle.click()
        expect(page.locator(".opblock-summary-control[aria-expanded='false']")).to_have_count(0)
        settled_and_accessible(page)

        # A GET tried out: a question in a person's words gets an answer with its triage level.
        answers = operation(page, "answers-answers")
        open_operation(page, answers)
        answers.get_by_role("button", name="Try it out").click()
        settled_and_accessible(page)
        answers.locator("input[placeholder='q']").fill("why do my calves cramp at night")
        expect(send(answers)).to_have_text("200")
        body = answers.locator(".live-responses-table .response-col_description pre.microlight").first
        assert "triage" in json.loads(body.inner_text())
        # The response box scrolls sideways, so it is reachable from the keyboard.
        expect(body).to_have_attribute("tabindex", "0")
        expect(answers.get_by_role("button", name="Copy to clipboard").first).to_be_visible()
        settled_and_accessible(page)
        screenshot(page, f"api-docs-{size}-answers-sent")

        # A POST tried out: the body box is labelled, and a check comes back.
        check = operation(page, "checker-askwell_checker_api_check_spasm")
        open_operation(page, check)
        check.get_by_role("button", name="Try it out").click()
        check.get_by_label("Request body (JSON)").fill(json.dumps({"text": "my calf cramps at night"}))
        settled_and_accessible(page)
        expect(send(check)).to_have_text("200")
        settled_and_accessible(page)

        # A question that does not exist: the 404 and its {"detail": ...} shown, still clean.
        detail = operation(page, "questions-askwell_community_api_question_detail")
        open_operation(page, detail)
        detail.get_by_role("button", name="Try it out").click()
        detail.locator("input[placeholder='question_id']").fill("999999")
        expect(send(detail)).to_have_text("404")
        settled_and_accessible(page)

        # Every schema at the foot of the page expanded all the way down ("Expand all" on each).
        schemas = page.locator("section.models article[data-json-schema-level='0']")
        expand_all = ":scope > .json-schema-2020-12-head .json-schema-2020-12-expand-deep-button"
        assert schemas.count() >= 10
        for index in range(schemas.count()):
            schemas.nth(index).locator(expand_all).click()
        expect(schemas.locator(":scope > .json-schema-2020-12-body--collapsed")).to_have_count(0)
        settled_and_accessible(page)
        screenshot(page, f"api-docs-{size}-everything-open")

        # The browser logs the 404 it was asked to fetch; nothing else may go wrong.
        assert_no_console_errors(page, ignore=["status of 404"])
        assert csp_violations(page) == []
    finally:
        page.context.close()
