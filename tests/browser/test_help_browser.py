"""Help as the person types, in a real browser: a warning sign shows whatever the answer's
confidence (home search box, search page, ask form), a crisis leads with the crisis lines, a
subject the guides do not cover says so; without JavaScript the forms still lead to the same
help. The Get help now page passes axe. Screenshots go to var/test-artifacts/."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from askwell.medical.triage import level_info
from tests.browser.conftest import assert_accessible, assert_no_console_errors, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMERGENCY_TEXT = "I have crushing chest pain"
CRISIS_TEXT = "I have been thinking about ending my life"


def test_the_home_search_box_warns_of_an_emergency_as_you_type(page: Any, site_url: str) -> None:
    page.goto(site_url + "/")
    page.get_by_role("searchbox", name="What would you like to know?").fill(EMERGENCY_TEXT)
    region = page.locator("#home-suggestions")
    warning = region.locator(".answer-suggestions-triage")
    expect(warning).to_be_visible()
    expect(warning).to_have_attribute("data-colour", level_info("emergency").colour)
    expect(warning.locator(".answer-suggestions-headline")).to_have_text(level_info("emergency").headline)
    expect(warning.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    expect(warning).to_contain_text("Do not wait for an answer here.")
    expect(warning.get_by_role("link", name="Get help now: every number and what to do")).to_be_visible()
    assert_no_console_errors(page)
    assert_accessible(page)
    screenshot(page, "as-you-type-emergency")


def test_the_search_page_leads_a_crisis_with_the_crisis_lines_as_you_type(page: Any, site_url: str) -> None:
    page.goto(site_url + "/search/")
    page.get_by_role("searchbox", name="What would you like to know?").fill(CRISIS_TEXT)
    region = page.locator("#search-suggestions")
    warning = region.locator(".answer-suggestions-triage")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Talk to Samaritans now: call 116 123")
    expect(warning.get_by_role("link", name="Call 116 123")).to_have_attribute("href", "tel:116123")
    # Help comes first in the region, before anything else it shows.
    assert region.locator(":scope > *").first.get_attribute("class") == "answer-suggestions-triage"
    assert_no_console_errors(page)


def test_a_subject_not_covered_says_so_as_you_type_and_offers_the_experts(page: Any, site_url: str) -> None:
    page.goto(site_url + "/")
    page.get_by_role("searchbox", name="What would you like to know?").fill("how do I renew my passport")
    note = page.locator("#home-suggestions .answer-suggestions-not-covered")
    expect(note).to_contain_text("Our guides do not cover this subject yet.")
    expect(note.get_by_role("link", name="ask the experts")).to_have_attribute(
        "href", "/questions/ask/?title=how%20do%20I%20renew%20my%20passport")
    expect(page.locator("#home-suggestions .answer-suggestions-triage")).to_have_count(0)
    assert_no_console_errors(page)


def test_the_ask_form_reads_the_details_too(page: Any, site_url: str) -> None:
    page.goto(site_url + "/questions/ask/")
    page.get_by_label("Your question").fill("Why do my calves cramp?")
    page.get_by_label("Details").fill(EMERGENCY_TEXT)
    expect(page.locator("#ask-suggestions .answer-suggestions-triage")).to_have_attribute("data-level", "emergency")
    assert_no_console_errors(page)


def test_without_javascript_the_home_search_leads_to_the_same_help(browser: Any, site_url: str) -> None:
    page = open_page(browser, java_script_enabled=False)
    try:
        page.goto(site_url + "/")
        page.get_by_role("searchbox", name="What would you like to know?").fill(CRISIS_TEXT)
        page.get_by_role("button", name="Search").click()
        expect(page).to_have_url(f"{site_url}/search/?q=I+have+been+thinking+about+ending+my+life")
        expect(page.locator(".crisis-help")).to_contain_text("116 123")
        expect(page.locator("#search-suggestions")).to_be_empty()
        screenshot(page, "search-crisis-without-javascript")
    finally:
        page.context.close()


def test_the_help_page_is_accessible(page: Any, site_url: str) -> None:
    page.goto(site_url + "/help/")
    expect(page.get_by_role("heading", name="Get help now", level=1)).to_be_visible()
    assert_no_console_errors(page)
    assert_accessible(page)
    screenshot(page, "help-now")
