"""The knowledge pages in a real browser: navigation, table of contents, dark mode,
keyboard access, accessibility (axe-core) and console errors. Screenshots go to
var/test-artifacts/ for people to look at."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, assert_no_console_errors, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GUIDE = "/muscle-spasms/"
ARTICLE = "/muscle-spasms/causes/"
# Chromium logs the 404 status of the page itself as a console error; that one is intended.
NOT_FOUND_NOISE = ("status of 404",)


def visit(page: Any, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response and response.status}"


def test_the_home_page_has_a_title_and_a_search_box(page: Any, site_url: str) -> None:
    visit(page, site_url + "/")
    assert "askwell" in page.title()
    expect(page.locator("h1")).to_be_visible()
    search = page.get_by_role("searchbox", name="What would you like to know?")
    expect(search).to_be_visible()
    expect(search).to_be_editable()
    assert_no_console_errors(page)
    screenshot(page, "home-light")


def test_a_reader_clicks_from_home_to_the_guide_and_on_to_another_article(page: Any, site_url: str) -> None:
    visit(page, site_url + "/")
    page.locator(f'ul[aria-label="Guides"] a[href="{GUIDE}"]').first.click()
    expect(page).to_have_url(site_url + GUIDE)
    guide_title = page.locator("h1").inner_text()
    assert "spasm" in guide_title.lower()
    assert_no_console_errors(page)

    page.locator(f'.toc a[href="{ARTICLE}"]').click()
    expect(page).to_have_url(site_url + ARTICLE)
    expect(page.locator("h1")).not_to_have_text(guide_title)
    expect(page.locator(".toc [aria-current=page]")).to_have_text(page.locator("h1").inner_text())
    assert page.locator("article .topic-section").count() > 1
    assert_no_console_errors(page)
    screenshot(page, "article")


def test_a_table_of_contents_link_takes_the_reader_to_its_section(page: Any, site_url: str) -> None:
    visit(page, site_url + ARTICLE)
    links = page.locator(".toc ol").first.locator("a[href^='#']")
    assert links.count() >= 3, "the article should list several sections"
    # A section far down the page, so following the link has to scroll.
    link = links.nth(links.count() - 2)
    anchor = link.get_attribute("href")
    assert anchor and anchor.startswith("#")
    section = page.locator(anchor)
    expect(section).not_to_be_in_viewport()

    link.click()
    page.wait_for_function("hash => window.location.hash === hash", arg=anchor)
    assert page.evaluate("() => window.location.hash") == anchor
    expect(section).to_be_visible()
    expect(section).to_be_in_viewport()
    assert page.evaluate("() => window.scrollY") > 0
    assert_no_console_errors(page)


def test_the_dark_mode_button_switches_the_theme_and_the_choice_survives_a_reload(page: Any, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    visit(page, site_url + "/")
    html = page.locator("html")
    button = page.locator("[data-theme-toggle]")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-pressed", "false")
    assert html.get_attribute("data-theme") in (None, "light")

    button.click()
    expect(html).to_have_attribute("data-theme", "dark")
    expect(button).to_have_attribute("aria-pressed", "true")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)", "the dark theme should change the page background"

    page.reload()
    expect(html).to_have_attribute("data-theme", "dark")
    expect(button).to_have_attribute("aria-pressed", "true")
    assert_no_console_errors(page)
    screenshot(page, "home-dark")

    button.click()
    expect(html).to_have_attribute("data-theme", "light")
    expect(button).to_have_attribute("aria-pressed", "false")


@pytest.mark.parametrize(
    ("path", "status", "theme"),
    [
        ("/", 200, "light"),
        ("/", 200, "dark"),
        (GUIDE, 200, "light"),
        (ARTICLE, 200, "light"),
        (ARTICLE, 200, "dark"),
        ("/topics/", 200, "light"),
        ("/contact/", 200, "light"),
        ("/about/", 200, "light"),
        ("/no-such-page-here/", 404, "light"),
    ],
)
def test_the_page_has_no_serious_accessibility_problems(
    page: Any, site_url: str, path: str, status: int, theme: str
) -> None:
    page.emulate_media(color_scheme=theme)
    response = page.goto(site_url + path)
    assert response is not None and response.status == status
    expect(page.locator("main#main")).to_be_visible()
    assert_accessible(page)
    assert_no_console_errors(page, ignore=NOT_FOUND_NOISE if status == 404 else ())


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_the_main_content(page: Any, site_url: str) -> None:
    visit(page, site_url + ARTICLE)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className + '|' + document.activeElement.textContent")
    assert focused.startswith("skip-link|"), f"first Tab focused {focused!r}"
    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    assert page.evaluate("() => window.location.hash") == "#main"
    assert_no_console_errors(page)


def test_an_article_prints_without_the_navigation(page: Any, site_url: str) -> None:
    visit(page, site_url + ARTICLE)
    page.emulate_media(media="print")
    expect(page.locator(".toc")).to_be_hidden()
    header_navs = page.locator(".site-header nav").all()
    assert header_navs, "the header should have navigation to hide"
    for nav in header_navs:
        expect(nav).to_be_hidden()
    expect(page.locator("[data-theme-toggle]")).to_be_hidden()
    expect(page.locator("article .topic-section").first).to_be_visible()
    expect(page.locator("#sources")).to_be_visible()
    screenshot(page, "article-print")
