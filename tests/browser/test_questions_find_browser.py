"""Finding questions in a real browser (issue 13): the list's filters and search, a question
page's related guides and questions and its answer order, a member's comment form without name
and email, and the ask form's answered questions while the title is typed. axe on each page."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from playwright.sync_api import expect

from askwell.community import actions
from askwell.community.models import Question
from askwell.community.testing import immediate_tasks  # noqa: F401  (fixture: the queue runs at once)
from askwell.test import make_user
from tests.browser.conftest import assert_accessible, assert_no_console_errors, screenshot
from tests.browser.test_community_browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERED = "Why do my calves cramp at night in bed?"
WAITING = "Why does my eyelid keep twitching all day?"


@pytest.fixture
def quick_forms(settings: Any) -> None:
    settings.ASKWELL_MIN_FILL_SECONDS = 1


@pytest.fixture
def questions(site_url: str) -> tuple[Question, Question]:
    """One answered question (in the instant-answer index: committed at once here), one waiting."""
    def publish(title: str) -> Question:
        question = actions.ask_question(user=AnonymousUser(), title=title, body="Most nights, for two weeks.",
                                        topic=None, tags=[], contact_email="asker@example.net")
        return actions.publish_question(question)

    answered = publish(ANSWERED)
    actions.post_answer(answered, author=make_user("expert"),
                        body="Stretch your calves before bed; most night cramps have no clear cause.")
    return answered, publish(WAITING)


def test_the_list_filters_and_search(page: Any, site_url: str, questions: tuple[Question, Question]) -> None:
    page.goto(site_url + "/questions/")
    expect(page.get_by_text("1 answer", exact=True)).to_be_visible()
    expect(page.get_by_text("0 answers", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Show").select_option(label="Not answered yet")
    page.get_by_role("button", name="Show questions").click()
    expect(page.get_by_role("link", name=WAITING)).to_be_visible()
    expect(page.get_by_role("link", name=ANSWERED)).to_have_count(0)
    page.get_by_label("Show").select_option(label="All questions")
    page.get_by_label("Search answered questions").fill("calf cramps at night")
    page.get_by_role("button", name="Show questions").click()
    expect(page.get_by_role("link", name=ANSWERED)).to_be_visible()
    expect(page.get_by_role("link", name=WAITING)).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "questions-list-search")
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page)
    screenshot(page, "questions-list-search-phone")
    assert_no_console_errors(page)


def test_a_question_page_related_and_sorted(page: Any, site_url: str, questions: tuple[Question, Question]) -> None:
    answered, _ = questions
    other = actions.publish_question(actions.ask_question(
        user=AnonymousUser(), title="What helps calf cramps at night?", body="Both legs.", topic=None, tags=[],
        contact_email="other@example.net"))
    from askwell.community.tests.test_question_page_cache import new_expert

    expert = get_user_model().objects.get(username="expert")
    first = actions.post_answer(other, author=expert, body="Pull your toes towards you and hold the stretch.")
    newest = actions.post_answer(other, author=new_expert("second_expert"),
                                 body="Gently massage the calf; warmth helps once the cramp has passed.")
    page.goto(site_url + other.get_absolute_url())
    related = page.locator("aside.related")
    expect(related.get_by_role("link", name=ANSWERED)).to_be_visible()
    expect(related.locator(".related-guides a").first).to_be_visible()
    expect(page.get_by_text("Is this answer useful?")).to_have_count(2)  # one per answer
    assert_accessible(page)
    screenshot(page, "question-related")
    answer_ids = "() => [...document.querySelectorAll('article.answer')].map(a => a.id)"
    page.get_by_role("navigation", name="Order of the answers").get_by_role("link", name="Newest").click()
    expect(page.get_by_role("navigation", name="Order of the answers").get_by_text("Newest")).to_have_attribute(
        "aria-current", "true")
    assert page.evaluate(answer_ids) == [f"answer-{newest.pk}", f"answer-{first.pk}"]
    page.get_by_role("link", name="Oldest").click()
    expect(page).to_have_url(site_url + other.get_absolute_url() + "?sort=oldest#answers-title")
    assert page.evaluate(answer_ids) == [f"answer-{first.pk}", f"answer-{newest.pk}"]
    assert_accessible(page)
    # "Is this answer useful?": one tap, answered in place (static/js/feedback.js).
    widget = page.locator(f"#answer-{first.pk} form[data-useful]")
    widget.get_by_role("button", name="Yes").click()
    expect(widget.locator("[data-useful-status]")).not_to_be_empty()
    expect(page).to_have_url(site_url + other.get_absolute_url() + "?sort=oldest#answers-title")
    assert_no_console_errors(page)
    page.goto(site_url + answered.get_absolute_url())
    assert_accessible(page)


def test_a_member_comments_without_typing_name_or_email(browser: Any, site_url: str, quick_forms: None,
                                                         questions: tuple[Question, Question]) -> None:
    answered, _ = questions
    member = signed_in_page(browser, site_url, "member")
    member.goto(site_url + answered.get_absolute_url())
    form = member.locator("form.comment-form").first
    expect(form.get_by_role("textbox", name="Name", exact=True)).to_have_count(0)
    expect(form.get_by_role("textbox", name="Email", exact=True)).to_have_count(0)
    expect(form.get_by_text("Website")).to_have_count(0)
    assert_accessible(member)
    form.get_by_role("textbox", name="Comment", exact=True).fill("Thank you, stretching helped me too.")
    member.wait_for_timeout(1100)
    form.get_by_role("button", name="Post comment").click()
    expect(member.get_by_text("held for moderation")).to_be_visible()
    screenshot(member, "question-member-comment")
    member.context.close()


def test_the_ask_form_shows_answered_questions_while_typing(page: Any, site_url: str,
                                                              questions: tuple[Question, Question]) -> None:
    page.goto(site_url + "/questions/ask/")
    page.get_by_label("Your question").press_sequentially("calf cramps at night", delay=20)
    similar = page.locator("#similar-questions")
    expect(similar.get_by_text("Questions already answered")).to_be_visible()
    expect(similar.get_by_role("link", name=ANSWERED)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "ask-similar-questions")
    assert_no_console_errors(page)
