"""The ask form and the question pages in an emergency or a crisis: the help shows at once,
before and after posting; a question about suicidal thoughts or self-harm is held for a
moderator; and a triage failure gives the shared cautious answer, never no banner."""

from __future__ import annotations

from unittest import mock

from django.test import Client
from django.utils.html import escape

from askwell.community.models import CloseReason, Question, QuestionState
from askwell.community.testing import ask, published_question, user_of
from askwell.medical.triage import level_info

CRISIS_BODY = "I have been thinking about ending my life and I cannot sleep."
EMERGENCY_BODY = "I have crushing chest pain and my calves cramp."


def test_a_crisis_shows_the_crisis_lines_before_posting(anonymous: Client) -> None:
    page = ask(anonymous, email="a@example.net", seen_suggestions="", body=CRISIS_BODY).content.decode()
    crisis = page.index('class="crisis-help"')
    assert crisis < page.index('class="ask-form"')
    assert crisis < page.index('href="tel:999"') < page.index('href="tel:116123"')
    assert not Question.objects.exists()


def test_a_crisis_shows_the_crisis_lines_after_posting_and_waits_for_a_moderator(anonymous: Client) -> None:
    response = ask(anonymous, email="a@example.net", body=CRISIS_BODY)
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.triage_crisis and question.triage_level
    page = anonymous.get(response["Location"]).content.decode()
    assert 'class="crisis-help"' in page and 'href="tel:116123"' in page
    assert page.index('class="crisis-help"') < page.index("we sent you an email")
    assert "a@example.net" not in page


def test_a_members_crisis_question_is_held_even_after_earlier_posts(asker: Client) -> None:
    published_question(author=user_of(asker), title="An earlier question that was fine")
    response = ask(asker, body=CRISIS_BODY)
    question = Question.objects.get(body=CRISIS_BODY)
    assert question.state == QuestionState.AWAITING_MODERATION
    page = asker.get(response["Location"]).content.decode()
    assert page.index('class="crisis-help"') < page.index('id="question-title"')


def test_a_confirmed_crisis_question_is_held_for_a_moderator(anonymous: Client) -> None:
    published_question(title="An earlier fine question", email="a@example.net")
    from askwell.community import actions, tokens

    ask(anonymous, email="a@example.net", body=CRISIS_BODY)
    question = Question.objects.get(body=CRISIS_BODY)
    actions.confirm_question(tokens.make(question.pk, tokens.CONFIRM_SALT))
    question.refresh_from_db()
    assert question.state == QuestionState.AWAITING_MODERATION


def test_an_ordinary_question_after_earlier_posts_is_not_held(asker: Client) -> None:
    published_question(author=user_of(asker), title="An earlier question that was fine")
    ask(asker)
    assert Question.objects.get(title__startswith="Why do my calves").state == QuestionState.OPEN


def test_an_emergency_says_do_not_wait_with_the_number(asker: Client, anonymous: Client) -> None:
    published_question(author=user_of(asker), title="An earlier question that was fine")
    page = ask(asker, seen_suggestions="", body=EMERGENCY_BODY).content.decode()
    assert escape(level_info("emergency").headline) in page
    assert "Do not wait for an answer here" in page and 'href="tel:999"' in page and 'href="/help/#emergency"' in page
    ask(asker, body=EMERGENCY_BODY)
    question = Question.objects.get(body=EMERGENCY_BODY)
    page = anonymous.get(question.get_absolute_url()).content.decode()
    assert "Do not wait for an answer here" in page and 'href="tel:999"' in page


def test_a_description_handed_over_shows_its_help_at_once(anonymous: Client) -> None:
    page = anonymous.get("/questions/ask/", {"title": "Cramps", "body": CRISIS_BODY}).content.decode()
    assert 'class="crisis-help"' in page


def test_the_empty_ask_form_shows_no_banner(anonymous: Client) -> None:
    assert "triage-banner" not in anonymous.get("/questions/ask/").content.decode()


def test_when_triage_fails_the_question_still_gets_the_cautious_answer(anonymous: Client) -> None:
    with mock.patch("askwell.medical.triage.triage_text", side_effect=RuntimeError("broken rules")):
        page = ask(anonymous, email="a@example.net", seen_suggestions="").content.decode()
        ask(anonymous, email="a@example.net")
    assert 'class="triage-banner triage-see_doctor"' in page and "could not check this text" in page
    question = Question.objects.get()
    assert question.triage_level == "see_doctor"
    assert "could not check this text" in question.triage_reasons[0]


def test_a_question_closed_as_an_emergency_shows_the_emergency_banner(anonymous: Client) -> None:
    question = published_question()
    Question.objects.filter(pk=question.pk).update(state=QuestionState.CLOSED, close_reason=CloseReason.EMERGENCY)
    page = anonymous.get(question.get_absolute_url()).content.decode()
    assert 'class="triage-banner triage-emergency"' in page and "A moderator closed this question" in page
    assert page.count("triage-banner") == 1


def test_only_the_asker_sees_the_confirmation_page(anonymous: Client, member: Client) -> None:
    response = ask(anonymous, email="a@example.net", body=CRISIS_BODY)
    assert anonymous.get(response["Location"]).status_code == 200
    assert member.get(response["Location"]).status_code == 404
    assert Client().get(response["Location"]).status_code == 404


def test_old_questions_without_triage_show_no_banner(anonymous: Client) -> None:
    question = published_question()
    Question.objects.filter(pk=question.pk).update(triage_level="", triage_reasons=[])
    assert "triage-banner" not in anonymous.get(question.get_absolute_url()).content.decode()


def test_the_moderation_queue_says_why_a_crisis_question_is_held(anonymous: Client, moderator: Client) -> None:
    ask(anonymous, email="a@example.net", body=CRISIS_BODY)
    question = Question.objects.get()
    Question.objects.filter(pk=question.pk).update(state=QuestionState.AWAITING_MODERATION)
    page = moderator.get("/moderation/").content.decode()
    assert "Held because it mentions suicidal thoughts or self-harm" in page
