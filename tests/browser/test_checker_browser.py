"""The spasm checker in a real browser: the guided check done with the keyboard on the body
map, a free-text red flag, and the guided check with JavaScript off. Screenshots go to
var/test-artifacts/ (checker-result.png is the guided result)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, assert_no_console_errors, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RED_FLAG = "I have a cramp in my chest and the pain spreads to my left arm and jaw"
MAX_TABS = 80


def visit(page: Any, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response and response.status}"


def focused_location(page: Any) -> str | None:
    return page.evaluate("() => document.activeElement && document.activeElement.getAttribute('data-location')")


def tab_to_region(page: Any, location: str) -> None:
    """Press Tab, as a keyboard user would, until the body map region has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused_location(page) == location:
            return
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached the {location} region of the body map")


def press_continue(page: Any) -> None:
    page.get_by_role("button", name="Continue").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def test_a_guided_check_with_the_keyboard_on_the_body_map(page: Any, site_url: str) -> None:
    visit(page, site_url + "/check/")
    expect(page.locator(".checker-disclaimer")).to_contain_text("not a diagnosis")
    assert_accessible(page)
    page.get_by_role("link", name="Start the guided check").click()
    expect(page.locator("h1")).to_have_text("Where is it?")

    calf_region = page.locator('.bodymap [data-location="calf"][role="checkbox"]')
    calf_box = page.locator('input[name="locations"][value="calf"]')
    expect(calf_region).to_be_visible()
    expect(calf_region).to_have_attribute("aria-checked", "false")
    tab_to_region(page, "calf")
    page.keyboard.press("Space")
    expect(calf_region).to_have_attribute("aria-checked", "true")
    expect(calf_box).to_be_checked()
    expect(page.locator("[data-bodymap-status]")).to_contain_text("selected")
    # Enter toggles too, and the list and the map stay in step.
    page.keyboard.press("Enter")
    expect(calf_box).not_to_be_checked()
    page.keyboard.press("Space")
    expect(calf_box).to_be_checked()
    # The map's region is announced as a named checkbox.
    expect(page.get_by_role("checkbox", name="Calf", exact=True)).to_have_attribute("aria-checked", "true")
    assert_accessible(page)
    screenshot(page, "checker-bodymap")
    press_continue(page)

    expect(page.locator("h1")).to_have_text("What is it like?")
    page.get_by_label("A cramp – the muscle suddenly goes hard and hurts").check()
    page.get_by_label("Every day or most nights").check()
    page.get_by_label("At night or in bed").check()
    press_continue(page)

    expect(page.locator("h1")).to_have_text("About you")
    page.get_by_label("Age in years").fill("70")
    press_continue(page)

    expect(page.locator("h1")).to_have_text("Medicines, health and habits")
    # About 45 choices sit behind four short questions: open the one that applies.
    expect(page.get_by_label("Diabetes")).to_be_hidden()
    page.locator("summary", has_text="Do you have any of these conditions?").click()
    page.get_by_label("Diabetes").check()
    press_continue(page)

    expect(page.locator("h1")).to_have_text("Other symptoms")
    page.locator('input[name="pertinent_negatives"][value="swelling"]').check()
    page.get_by_role("button", name="See the result").click()
    page.wait_for_load_state()

    expect(page.locator("h1")).to_have_text("Your spasm check")
    banner = page.locator("main .triage-banner")
    expect(banner).to_have_class("triage-banner triage-see_doctor")
    expect(banner.locator("h2")).to_have_text("Book an appointment with a doctor")
    expect(banner.locator(".triage-rules li").first).to_contain_text("Source:")
    causes = page.locator(".cause-list .cause")
    assert causes.count() >= 2
    expect(page.locator('.cause[data-cause="poor_circulation"]')).to_be_visible()
    expect(causes.first.locator(".cause-why li").first).to_be_visible()
    expect(page.locator(".understood")).to_contain_text("Diabetes")
    expect(page.get_by_role("button", name="Print this result")).to_be_visible()
    assert_no_console_errors(page)
    assert_accessible(page)
    screenshot(page, "checker-result")


def test_a_free_text_red_flag_shows_the_emergency_banner_first(page: Any, site_url: str) -> None:
    visit(page, site_url + "/check/")
    page.get_by_label("Describe what happens, in your own words").fill(RED_FLAG)
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_load_state()
    banner = page.locator("main .triage-banner")
    expect(banner).to_have_class("triage-banner triage-emergency")
    expect(banner.locator("h2")).to_have_text("Emergency: get help now")
    # The banner is the first thing after the page heading.
    first_section = page.evaluate("() => document.querySelector('main h1').nextElementSibling.className")
    assert first_section == "triage-banner triage-emergency"
    box = banner.bounding_box()
    assert box is not None and box["y"] < 600, "the emergency banner should be on the first screen"
    assert_no_console_errors(page)
    assert_accessible(page)
    screenshot(page, "checker-emergency")


def test_the_guided_check_works_with_javascript_off(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    try:
        page = context.new_page()
        visit(page, site_url + "/check/guided/")
        expect(page.locator(".bodymap")).to_be_hidden()
        page.locator('input[name="locations"][value="hamstring"]').check()
        page.get_by_role("button", name="Skip the rest and see the result").click()
        page.wait_for_load_state()
        expect(page.locator("main .triage-banner")).to_be_visible()
        expect(page.locator(".understood")).to_contain_text("Back of the thigh (hamstring)")
        page.get_by_role("button", name="Change where").click()
        page.wait_for_load_state()
        expect(page.locator('input[name="locations"][value="hamstring"]')).to_be_checked()
    finally:
        context.close()
