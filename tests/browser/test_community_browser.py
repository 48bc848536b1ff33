"""The community in a real browser: ask without an account, confirm by the emailed link, a
moderator approves the first post, an expert answers, the asker gets the email and accepts;
a comment is held, then approved. Screenshots go to var/test-artifacts/."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from askwell.community.testing import immediate_tasks  # noqa: F401  (fixture: emails sent by the queue at once)
from askwell.test import make_user
from tests.browser.conftest import assert_accessible, assert_no_console_errors, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ASKER_EMAIL = "browser.asker@example.net"


@pytest.fixture
def quick_forms(settings: Any) -> None:
    settings.ASKWELL_MIN_FILL_SECONDS = 1


def signed_in_page(browser: Any, site_url: str, name: str) -> Any:
    """A browser context signed in as a persona (session cookie from Django's test client)."""
    client = Client()
    client.force_login(make_user(name))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(10_000)
    host = site_url.split("//", 1)[1].split(":")[0]
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "domain": host,
                          "path": "/"}])
    return context.new_page()


def link_in_last_email(site_url: str, part: str) -> str:
    body = str(mail.outbox[-1].body)
    found = re.search(r"http://\S*" + re.escape(part) + r"\S*", body)
    assert found, body
    return site_url + "/" + found.group(0).split("/", 3)[3]


def test_ask_confirm_answer_accept_and_comment(page: Any, browser: Any, site_url: str, quick_forms: None) -> None:
    # 1. Ask without an account.
    page.goto(site_url + "/questions/ask/")
    page.get_by_label("Your question").fill("Why do my calves cramp every night?")
    page.get_by_label("Details").fill("Both calves, around 3am, for two weeks. I run twice a week.")
    page.get_by_label("Your email address").fill(ASKER_EMAIL)
    assert_accessible(page)
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Does this answer it?")).to_be_visible()
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Post my question").click()
    expect(page.get_by_role("heading", name="Thank you, your question is received")).to_be_visible()
    assert ASKER_EMAIL not in page.content()

    # 2. Confirm by the emailed link.
    assert mail.outbox[-1].to == [ASKER_EMAIL]
    page.goto(link_in_last_email(site_url, "/questions/confirm/"))
    page.get_by_role("button", name="Confirm my question").click()
    expect(page.get_by_role("heading", name="Your question is confirmed")).to_be_visible()

    # 3. A moderator approves the first post.
    moderator = signed_in_page(browser, site_url, "moderator")
    moderator.goto(site_url + "/moderation/")
    moderator.locator("[id^=queue-question-]").get_by_role("button", name="Publish").click()
    expect(moderator.get_by_text("No questions waiting.")).to_be_visible()

    # 4. An expert answers.
    expert = signed_in_page(browser, site_url, "expert")
    expert.goto(site_url + "/questions/")
    expert.get_by_role("link", name="Why do my calves cramp every night?").click()
    question_url = expert.url
    expert.get_by_role("textbox", name="Your answer").fill(
        "Night cramps after running are common. Stretch your calves before bed and drink enough water."
    )
    expert.wait_for_timeout(1100)
    expert.get_by_role("button", name="Post your answer").click()
    expect(expert.get_by_text("Verified expert · Physiotherapist")).to_be_visible()

    # 5. The asker gets the email and accepts the answer.
    assert mail.outbox[-1].to == [ASKER_EMAIL] and "answered" in mail.outbox[-1].subject
    page.goto(link_in_last_email(site_url, "/questions/accept/"))
    page.get_by_role("button", name="Accept this answer").click()
    expect(page.get_by_text("Accepted by the asker")).to_be_visible()
    screenshot(page, "community-question-accepted")

    # 6. A comment on the answer is held, then approved.
    page.goto(question_url)
    form = page.locator("form.comment-form").first
    form.get_by_role("textbox", name="Comment", exact=True).fill("Thank you, stretching helped me too.")
    form.get_by_role("textbox", name="Name", exact=True).fill("Robin")
    form.get_by_role("textbox", name="Email", exact=True).fill("robin.browser@example.net")
    page.wait_for_timeout(1100)
    form.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("held for moderation")).to_be_visible()
    expect(page.get_by_text("Thank you, stretching helped me too.")).to_have_count(0)
    moderator.goto(site_url + "/moderation/")
    moderator.locator("[id^=queue-comment-]").get_by_role("button", name="Publish").click()
    page.goto(question_url)
    expect(page.get_by_text("Thank you, stretching helped me too.")).to_be_visible()
    assert "robin.browser@example.net" not in page.content() and ASKER_EMAIL not in page.content()
    assert_accessible(page)
    assert_no_console_errors(page)
    screenshot(page, "community-comment-approved")
