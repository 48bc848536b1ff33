"""axe on the pages the journey tests do not walk through (issue 13: "zero serious or critical
violations on every page, admin and API docs included"): search results of each kind, a topic
page, the emailed-link pages (confirm, confirmed, accept, unsubscribe, a broken link), an
expert's public page, password reset; a member's account pages and the edit of their own
question; an expert's edit of their answer and the second-factor prompt at sign-in; every
moderation page with something in each queue; and every list and add page of the admin.
Each page must answer 200 and pass axe; screenshots of a few go to var/test-artifacts/."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from askwell.community import actions, tokens
from askwell.community.models import Answer, Comment, Question
from askwell.community.testing import published_question
from askwell.test import make_user, sign_in_with_second_factor
from tests.browser.conftest import assert_accessible, assert_no_console_errors, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


def as_user(browser: Any, site_url: str, client: Client) -> Any:
    page = open_page(browser)
    host = site_url.split("//", 1)[1].split(":")[0]
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "domain": host, "path": "/"}]
    )
    return page


def check(page: Any, url: str, shot: str = "") -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"
    assert_accessible(page)
    if shot:
        screenshot(page, shot)


def community(member: User, expert: User) -> tuple[Question, Answer, Comment]:
    question = published_question(title="Why do my hands cramp when I write?", author=member)
    answer = actions.post_answer(question, author=expert, body="Writer's cramp is common; rest and stretch.")
    comment = actions.post_comment(
        actions.CommentTarget(answer=answer),
        user=member,
        name="",
        email=member.email,
        website="",
        body="Thank you, resting helped.",
    )
    return question, answer, comment


def test_public_pages_and_emailed_links(browser: Any, site_url: str) -> None:
    from askwell.knowledge.models import Topic

    expert = make_user("expert")
    question, answer, _ = community(make_user("member"), expert)
    waiting = actions.ask_question(
        user=AnonymousUser(),
        title="Why does my eyelid twitch all day?",
        body="For a week, the left one.",
        topic=None,
        tags=[],
        contact_email="eyelid@example.net",
    )
    confirm = f"/questions/confirm/{tokens.make(waiting.pk, tokens.CONFIRM_SALT)}/"
    accept = f"/questions/accept/{tokens.make({'q': question.pk, 'a': answer.pk}, tokens.ACCEPT_SALT)}/"
    unsubscribe = f"/community/unsubscribe/{tokens.make({'e': 'x', 'k': 'answers'}, tokens.UNSUBSCRIBE_SALT)}/"
    topic = Topic.objects.order_by("pk").first()
    assert topic is not None
    page = open_page(browser)
    try:
        check(page, site_url + "/search/?q=why+do+my+calves+cramp+at+night", "every-page-search-answered")
        check(page, site_url + "/search/?q=why+does+my+ear+wax+smell+of+almonds")
        check(page, site_url + "/search/?q=crushing+chest+pain+and+my+left+arm+is+numb")
        check(page, site_url + "/search/")
        check(page, site_url + reverse("knowledge:topic", kwargs={"slug": topic.slug}))
        check(page, site_url + f"/experts/{expert.username}/")
        check(page, site_url + "/accounts/password/reset/")
        check(page, site_url + confirm)
        page.get_by_role("button", name="Confirm my question").click()
        expect(page.locator("main h1")).to_have_text("Your question is confirmed")
        assert_accessible(page)
        check(page, site_url + accept)
        check(page, site_url + unsubscribe)
        page.get_by_role("button").filter(has_text="nsubscribe").first.click()
        assert_accessible(page)
        response = page.goto(site_url + "/questions/confirm/not-a-real-token/")
        assert response is not None and response.status < 500
        assert_accessible(page)
        assert_no_console_errors(page, ignore=["status of 4"])
    finally:
        page.context.close()


def test_a_members_and_an_experts_own_pages(browser: Any, site_url: str) -> None:
    member = make_user("member")
    expert = make_user("expert")
    question, answer, _ = community(member, expert)
    client = Client()
    client.force_login(member)
    page = as_user(browser, site_url, client)
    try:
        for path in (
            "/account/",
            "/account/expert/apply/",
            "/account/delete/",
            "/accounts/email/",
            "/accounts/password/change/",
            "/accounts/2fa/",
            f"/questions/{question.pk}/edit/",
            f"/questions/{question.pk}/history/",
        ):
            check(page, site_url + path)
        screenshot(page, "every-page-member-history")
        assert_no_console_errors(page)
    finally:
        page.context.close()
    page = as_user(browser, site_url, sign_in_with_second_factor(Client(), expert))
    try:
        check(page, site_url + f"/answers/{answer.pk}/edit/")
        check(page, site_url + "/accounts/2fa/")
    finally:
        page.context.close()
    # Signing in with a password asks the expert for their authenticator code, in the layout.
    page = open_page(browser)
    try:
        page.goto(site_url + "/accounts/login/")
        page.get_by_label("Email address").fill(expert.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page).to_have_url(site_url + "/accounts/2fa/authenticate/")
        assert_accessible(page)
        screenshot(page, "every-page-second-factor-prompt")
    finally:
        page.context.close()


def test_every_moderation_page_with_something_waiting(browser: Any, site_url: str) -> None:
    from askwell.accounts.models import ExpertProfile

    member = make_user("member")
    question, answer, comment = community(member, make_user("expert"))
    applicant = make_user("applicant")
    ExpertProfile.objects.create(
        user=applicant,
        profession="Nurse",
        registration_body="NMC",
        registration_number="N1",
        bio="Twenty years on wards.",
    )
    actions.ask_question(
        user=make_user("newcomer"),
        title="Is a twitching thumb a warning sign?",
        body="Since Monday.",
        topic=None,
        tags=[],
    )
    moderator = make_user("moderator")
    page = as_user(browser, site_url, sign_in_with_second_factor(Client(), moderator))
    try:
        check(page, site_url + "/moderation/", "every-page-moderation-queue")
        # (Verifying an expert, a topic's policy and banned words are forms on the queue page.)
        queue = page.locator("main")
        expect(queue).to_contain_text("Is a twitching thumb a warning sign?")
        expect(queue).to_contain_text("Nurse")
        for path in (
            "/moderation/audit/",
            f"/moderation/question/{question.pk}/close/",
            f"/moderation/comment/{comment.pk}/edit/",
            f"/moderation/user/{applicant.pk}/remove/",
        ):
            check(page, site_url + path)
        assert_no_console_errors(page)
    finally:
        page.context.close()


def test_every_admin_list_and_add_page(browser: Any, site_url: str) -> None:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    make_user("member")
    superuser = get_user_model().objects.create_superuser("boss", "boss@example.org", PASSWORD)
    TOTP.activate(superuser, generate_totp_secret())
    page = as_user(browser, site_url, sign_in_with_second_factor(Client(), superuser))
    try:
        checked = 0
        for model, model_admin in admin.site._registry.items():
            meta = model._meta
            check(page, site_url + reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
            checked += 1
            request = type("Request", (), {"user": superuser})()
            if model_admin.has_add_permission(request):
                check(page, site_url + reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
                checked += 1
        assert checked >= 10
    finally:
        page.context.close()
