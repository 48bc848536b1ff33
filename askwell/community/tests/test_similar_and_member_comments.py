"""The ask form shows answered questions like the title (as it is typed, and at the "Continue"
step), and the comment form asks a signed-in member for nothing the account already says, while
the page cached for anonymous readers keeps the full form."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from askwell.community import actions
from askwell.community.models import Question
from askwell.community.testing import guard, published_question, user_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(expert: Client, django_capture_on_commit_callbacks: Any) -> Question:
    question = published_question(title="Why do my calves cramp at night in bed?")
    with django_capture_on_commit_callbacks(execute=True):
        actions.post_answer(question, author=user_of(expert),
                            body="Stretch your calves before bed; most night cramps have no clear cause.")
    return question


def test_similar_questions_include_answered_ones(anonymous: Client, answered: Question) -> None:
    unanswered = published_question(title="Why do my calves cramp when I run uphill?")
    data = anonymous.get("/questions/similar/", {"q": "calf cramps at night"}).json()
    urls = [item["url"] for item in data["questions"]]
    assert answered.get_absolute_url() in urls
    assert unanswered.get_absolute_url() not in urls  # only answered questions are in the index
    assert data["questions"][urls.index(answered.get_absolute_url())]["title"] == answered.title


@pytest.mark.parametrize("query", [{"q": "cramp"}, {"q": ""}, {}])
def test_a_short_title_searches_nothing(anonymous: Client, answered: Question, query: dict[str, str]) -> None:
    response = anonymous.get("/questions/similar/", query)
    assert response.status_code == 200 and response.json() == {"questions": []}


def test_the_similar_endpoint_refuses_a_post(anonymous: Client) -> None:
    assert anonymous.post("/questions/similar/", {"q": "calf cramps at night"}).status_code == 405


def test_the_ask_form_hooks_the_live_similar_questions(anonymous: Client) -> None:
    html = anonymous.get("/questions/ask/").content.decode()
    assert 'data-similar-for="id_title" data-similar-endpoint="/questions/similar/"' in html


def test_the_continue_step_lists_answered_questions(anonymous: Client, answered: Question) -> None:
    response = anonymous.post("/questions/ask/", guard(title="Calf cramps at night, what helps?",
                                                       body="Both calves, most nights.", topic="", tags="",
                                                       email="asker@example.net"))
    html = response.content.decode()
    assert "Does this answer it?" in html
    assert f'<a href="{answered.get_absolute_url()}">{answered.title}</a>' in html
    assert not Question.objects.filter(title="Calf cramps at night, what helps?").exists()


def test_a_member_sees_no_name_or_email_fields_and_the_cached_anonymous_page_keeps_them(
    anonymous: Client, member: Client, answered: Question
) -> None:
    url = answered.get_absolute_url()
    member_page = member.get(url).content.decode()
    form = member_page[member_page.index('action="/community/comments/answer/'):]
    form = form[:form.index("</form>")]
    assert 'name="name"' not in form and 'name="email"' not in form and 'name="remember"' not in form
    assert "You comment with your account" in form
    for _ in range(2):  # rendered, then from the page cache
        page = anonymous.get(url).content.decode()
        form = page[page.index('action="/community/comments/answer/'):]
        form = form[:form.index("</form>")]
        assert 'name="name"' in form and 'name="email"' in form and 'name="website"' not in form
    assert anonymous.get(url)["X-Page-Cache"] == "hit"
    again = member.get(url).content.decode()
    assert 'name="email"' not in again[again.index('action="/community/comments/answer/'):].split("</form>")[0]


def test_a_member_who_sends_a_name_and_email_anyway_posts_as_the_account(member: Client, answered: Question) -> None:
    from askwell.community.models import Answer, Comment

    answer = Answer.objects.get(question=answered)
    response = member.post(f"/community/comments/answer/{answer.pk}/",
                           guard(comment="This helped me too.", name="Someone Else", email="other@example.net"))
    assert response.status_code == 302
    posted = Comment.objects.get()
    assert (posted.name, posted.email) == (user_of(member).username, user_of(member).email)
