"""Each person's journey in a real browser (issue 13), axe-checked on every page (zero serious
or critical violations) with screenshots in var/test-artifacts/: signing up and in inside the
site's layout; an expert from verification to their first unanswered question (email, topics,
two-factor); a moderator acting on a report; the checker on a 390-pixel phone; a reader's
"Is this section useful?" reaching the editors' page; the admin and the API docs."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from askwell.community.testing import immediate_tasks  # noqa: F401  (fixture: emails sent at once)
from askwell.test import authenticator_code, make_user, sign_in_with_second_factor
from tests.browser.conftest import (
    assert_accessible,
    assert_no_console_errors,
    open_page,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def quick_forms(settings: Any) -> None:
    settings.ASKWELL_MIN_FILL_SECONDS = 0


def context_for(browser: Any, site_url: str, client: Client, **options: Any) -> Any:
    """A browser page carrying the Django test client's session."""
    page = open_page(browser, **options)
    host = site_url.split("//", 1)[1].split(":")[0]
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "domain": host,
                               "path": "/"}])
    return page


def signed_in(browser: Any, site_url: str, name: str, **options: Any) -> Any:
    client = Client()
    client.force_login(make_user(name))
    return context_for(browser, site_url, client, **options)


def local(site_url: str, link: str) -> str:
    """An emailed absolute link, opened on the live server."""
    return site_url + "/" + link.split("/", 3)[3]


def last_link(part: str) -> str:
    body = str(mail.outbox[-1].body)
    found = re.search(r"https?://\S*" + re.escape(part) + r"\S*", body)
    assert found, body
    return found.group(0)


def test_sign_up_and_sign_in_inside_the_sites_layout(page: Any, site_url: str) -> None:
    page.goto(site_url + "/accounts/signup/?next=/questions/")
    expect(page).to_have_title(re.compile(r"^Create an account · askwell$"))
    expect(page.locator("a.brand")).to_have_text(re.compile("askwell"))
    expect(page.locator("footer .disclaimer")).to_contain_text("In an emergency call 999")
    assert_accessible(page)
    screenshot(page, "journey-sign-up")
    page.get_by_label("Email address").fill("new.reader@example.net")
    page.get_by_label("Public name").fill("newreader")
    page.get_by_label("Password", exact=True).fill("a long and unusual passphrase")
    page.get_by_label("Password again").fill("a long and unusual passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("main h1")).to_be_visible()
    assert_accessible(page)
    # The emailed link confirms the address and signs the person in, back where they were going.
    page.goto(local(site_url, last_link("/accounts/confirm-email/")))
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Confirm")).click()
    expect(page).to_have_url(site_url + "/questions/")
    expect(page.locator(".account-nav")).to_contain_text("newreader")
    page.get_by_role("button", name="Sign out").click()
    page.goto(site_url + "/accounts/login/")
    expect(page).to_have_title(re.compile(r"^Sign in · askwell$"))
    assert_accessible(page)
    page.get_by_label("Email address").fill("new.reader@example.net")
    page.get_by_label("Password").fill("a long and unusual passphrase")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".account-nav")).to_contain_text("newreader")
    assert_no_console_errors(page)
    screenshot(page, "journey-signed-in")


def test_an_expert_from_verification_to_the_questions_waiting(
    browser: Any, site_url: str, immediate_tasks: None  # noqa: F811
) -> None:
    from askwell.accounts.models import ExpertProfile
    from askwell.community.testing import published_question

    applicant = make_user("member")
    ExpertProfile.objects.create(user=applicant, profession="Physiotherapist", registration_body="HCPC",
                                 registration_number="PH1", bio="Ten years of sports injuries.")
    published_question(title="Why do my calves cramp at night after football?")
    moderator = signed_in(browser, site_url, "moderator")
    moderator.goto(site_url + "/moderation/")
    moderator.get_by_role("button", name="Verify").click()
    expect(moderator.locator(".message")).to_contain_text("Verified member as an expert")
    moderator.context.close()

    welcome = mail.outbox[-1]
    assert welcome.to == ["member@example.org"] and "verified expert" in welcome.subject
    topics_link = last_link("/account/expert/topics/")
    page = open_page(browser)
    try:
        page.goto(site_url + "/accounts/login/")
        page.get_by_label("Email address").fill("member@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        # From the email: told why, then straight to the set-up (no second password prompt).
        page.goto(local(site_url, topics_link))
        expect(page.locator("main h1")).to_have_text("Set up an authenticator app")
        expect(page.locator(".message")).to_contain_text("come straight back")
        assert_accessible(page)
        screenshot(page, "journey-expert-two-factor")
        secret = page.locator("#authenticator_secret").input_value()
        page.get_by_label("Authenticator code").fill(authenticator_code(secret))
        page.get_by_role("button", name="Activate").click()
        expect(page.locator("main h1")).to_have_text("Recovery codes")
        assert_accessible(page)
        page.get_by_role("link", name="I have saved them: continue").click()
        expect(page.locator("main h1")).to_have_text("Topics you follow")
        assert_accessible(page)
        page.get_by_label("What causes muscle spasms at night?").check()
        page.get_by_role("button", name="Save").click()
        page.goto(site_url + "/account/expert/unanswered/")
        expect(page.locator("main")).to_contain_text("Why do my calves cramp at night after football?")
        assert_accessible(page)
        assert_no_console_errors(page)
        screenshot(page, "journey-expert-unanswered")
    finally:
        page.context.close()


def test_a_moderator_acts_on_a_report(browser: Any, site_url: str, quick_forms: None) -> None:
    from askwell.community import actions
    from askwell.community.testing import published_question

    question = published_question(title="Is it safe to stretch a cramping calf hard?")
    answer = actions.post_answer(question, author=make_user("expert"), body="Stretch gently, never hard.")
    reader = open_page(browser)
    try:
        reader.goto(site_url + answer.get_absolute_url())
        report = reader.locator("details.flag", has=reader.locator("summary", has_text="this answer")).first
        report.locator("summary").click()
        report.get_by_label("What is wrong with this answer?").fill("This advice looks wrong")
        report.get_by_role("button", name="Send report").click()
        reader.wait_for_load_state()
    finally:
        reader.context.close()
    moderator = signed_in(browser, site_url, "moderator")
    try:
        moderator.goto(site_url + "/moderation/")
        item = moderator.locator("[id^=queue-flag-]").first
        expect(item).to_contain_text("an answer by expert to")
        expect(item.get_by_role("link", name=question.title)).to_be_visible()
        assert_accessible(moderator)
        screenshot(moderator, "journey-moderator-report")
        item.get_by_role("button", name="Keep the answer, dismiss the report").click()
        expect(moderator.locator(".message")).to_contain_text("Kept the answer and dismissed the report.")
        expect(moderator.get_by_text("No open reports.")).to_be_visible()
        # Removing a member asks first, on its own page.
        moderator.goto(site_url + f"/moderation/user/{get_user_model().objects.get(username='expert').pk}/remove/")
        expect(moderator.locator("main h1")).to_contain_text("Remove expert and everything they posted?")
        assert_accessible(moderator)
        assert_no_console_errors(moderator)
    finally:
        moderator.context.close()


def test_the_checker_on_a_390_pixel_phone(browser: Any, site_url: str) -> None:
    page = open_page(browser, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page.goto(site_url + "/check/guided/")
        calf = page.locator('.bodymap [data-location="calf"][role="checkbox"]').first
        expect(calf).to_be_visible()
        box = calf.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844, f"the calf is below the fold: {box}"
        expect(page.locator(".step-progress progress")).to_be_visible()
        expect(page.locator("#bodymap-help")).to_contain_text("Tap a body part")
        assert_accessible(page)
        screenshot(page, "journey-checker-phone-step1", full_page=False)
        calf.locator("*").first.tap()  # one calf (the region's centre lies between the two legs)
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("A cramp – the muscle suddenly goes hard and hurts").check()
        page.get_by_label("At night or in bed").check()
        buttons = page.locator(".step-actions button")
        assert buttons.all_inner_texts()[:3] == ["Continue", "Back", "Skip the rest and see the result"]
        page.get_by_role("button", name="Continue").click()
        page.get_by_role("button", name="Continue").click()  # about you: nothing to add
        expect(page.locator("details.choice-disclosure")).to_have_count(4)
        assert_accessible(page)
        screenshot(page, "journey-checker-phone-step4")
        page.get_by_role("button", name="Skip the rest and see the result").click()
        expect(page.locator("main h1")).to_have_text("Your spasm check")
        expect(page).to_have_url(site_url + "/check/result/")
        expect(page.locator(".cause").first).to_have_attribute("data-cause", "muscle_fatigue")
        expect(page.locator(".likelihood").first).to_be_visible()
        first = page.locator(".cause-list").inner_text()
        page.reload()  # a GET: no "resubmit the form?" and the same result
        expect(page.locator("main h1")).to_have_text("Your spasm check")
        assert page.locator(".cause-list").inner_text() == first
        assert_accessible(page)
        assert_no_console_errors(page)
        screenshot(page, "journey-checker-phone-result")
    finally:
        page.context.close()


def test_a_readers_feedback_reaches_the_editors_page(browser: Any, site_url: str) -> None:
    page = open_page(browser)
    try:
        page.goto(site_url + "/muscle-spasms/when-to-get-help/")
        callout = page.locator(".callout-emergency").first
        expect(callout).to_be_visible()
        section = page.locator("section.topic-section").first
        section.locator("form.useful").get_by_role("button", name="No").click()
        expect(section.locator("[data-useful-status]")).to_contain_text("Thank you")
        section.get_by_label("Anything to add? (optional)").fill("Nothing about cramps in the hands")
        section.get_by_role("button", name="Send").click()
        expect(section.locator("[data-useful-status]")).to_contain_text("Your words will help")
        assert_accessible(page)
        assert_no_console_errors(page)
        screenshot(page, "journey-article-feedback")
        page.goto(site_url + "/search/?q=why+does+my+ear+wax+smell+of+almonds")
    finally:
        page.context.close()
    admin = get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(admin, generate_totp_secret())
    editor = context_for(browser, site_url, sign_in_with_second_factor(Client(), admin))
    try:
        editor.goto(site_url + "/editors/what-readers-need/?days=7")
        expect(editor.locator("[data-unanswered]").first).to_contain_text("ear wax smell of almonds")
        expect(editor.locator("[data-section]").first).to_contain_text("Nothing about cramps in the hands")
        assert_accessible(editor)
        screenshot(editor, "journey-editors-page")
        # The admin and the API docs pass axe too.
        for path in ("/admin/", "/admin/accounts/expertprofile/", "/admin/moderation/auditentry/",
                     "/admin/core/sitesettings/1/change/", "/admin/auth/user/add/"):
            editor.goto(site_url + path)
            assert_accessible(editor)
        editor.goto(site_url + f"/admin/auth/user/{admin.pk}/change/")  # has date and time inputs
        assert_accessible(editor)
        # Signed in, the API docs are as clean as for anyone (every state of the page, at two
        # widths: test_api_docs_browser.py).
        editor.goto(site_url + "/api/v1/docs")
        editor.wait_for_selector(".swagger-ui .info", timeout=15_000)
        assert_accessible(editor)
    finally:
        editor.context.close()
