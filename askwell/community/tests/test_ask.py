"""The ask form: suggestions before posting, the triage banner, states, bad input and CSRF failures."""

from __future__ import annotations

import re
import time
from typing import Any
from unittest import mock

from django.test import Client

from askwell.community.models import Question, QuestionState
from askwell.community.testing import ask, guard, published_question, user_of
from askwell.medical.triage import Triage, level_info

EMERGENCY = Triage(level="emergency", reasons=["sudden weakness on one side"])
EMERGENCY_HEADLINE = level_info("emergency").headline


def test_the_first_post_shows_instant_answers_before_posting(anonymous: Client) -> None:
    suggestions = {"answers": [{"title": "Night cramps explained", "url": "/muscle-spasms/#x", "snippet": "Often."}]}
    with mock.patch("askwell.community.views.questions.instant_answers", return_value=suggestions):
        response = ask(anonymous, email="a@example.net", seen_suggestions="")
    page = response.content.decode()
    assert response.status_code == 200 and "Does this answer it?" in page and "Night cramps explained" in page
    assert 'name="seen_suggestions" value="True"' in page and "Every night around 3am" in page
    assert not Question.objects.exists()


def test_a_red_flag_shows_the_triage_banner_at_once_and_on_the_question(asker: Client, anonymous: Client) -> None:
    published_question(author=user_of(asker), title="An earlier question that was fine")
    with mock.patch("askwell.community.views.questions.safe_triage_text", return_value=EMERGENCY), \
            mock.patch("askwell.community.actions.safe_triage_text", return_value=EMERGENCY):
        page = ask(asker, seen_suggestions="", body="Sudden weakness in my left arm and face").content.decode()
        assert EMERGENCY_HEADLINE in page and "sudden weakness on one side" in page
        assert "Do not wait for an answer here" in page and 'href="tel:999"' in page
        ask(asker, body="Sudden weakness in my left arm and face")
    question = Question.objects.get(body__contains="Sudden weakness")
    assert question.triage_level == "emergency"
    assert EMERGENCY_HEADLINE in anonymous.get(question.get_absolute_url()).content.decode()


def test_the_real_triage_marks_a_red_flag_on_the_form_and_the_stored_question(asker: Client) -> None:
    published_question(author=user_of(asker), title="An earlier question that was fine")
    text = {"title": "Calf cramp and now chest pain", "body": "My calf cramps and I have chest pain and cannot breathe"}
    assert EMERGENCY_HEADLINE in ask(asker, seen_suggestions="", **text).content.decode()
    ask(asker, **text)
    question = Question.objects.get(title=text["title"])
    assert question.triage_level == "emergency" and question.triage_reasons


def test_a_first_question_waits_for_moderation_and_later_ones_are_open(asker: Client) -> None:
    ask(asker)
    assert Question.objects.get().state == QuestionState.AWAITING_MODERATION
    Question.objects.update(state=QuestionState.OPEN)
    ask(asker, title="A second question about cramps", body="Different text.")
    assert Question.objects.get(title__startswith="A second").state == QuestionState.OPEN


def test_missing_and_over_long_fields_get_messages_and_keep_the_text(anonymous: Client) -> None:
    response = ask(anonymous, email="", title="x" * 151)
    page = response.content.decode()
    # In the site's words, not Django's ("This field is required", "Ensure this value has ...").
    assert "Enter your email address so we can send the link" in page
    assert "Your question can have at most 150 characters; yours has 151" in page
    assert "This field is required" not in page and "Ensure this value" not in page
    assert "Every night around 3am" in page
    response = ask(anonymous, email="not-an-email", title="Short")
    page = response.content.decode()
    assert "Enter an email address in the form name@example.com" in page
    assert "Your question needs at least 10 characters; yours has 5" in page
    assert not Question.objects.exists()


def test_a_csrf_failure_shows_a_styled_page_and_saves_nothing(asker: Client) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_of(asker))
    response = client.post("/questions/ask/", guard(title="Why do my calves cramp at night?", body="Text",
                                                     seen_suggestions="True"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Please send the form again" in page and "<nav" in page
    assert not Question.objects.exists()


def test_the_asker_edits_and_the_history_keeps_the_old_text(asker: Client, anonymous: Client) -> None:
    question = published_question(author=user_of(asker), title="The original title of it")
    asker.post(f"/questions/{question.pk}/edit/", {"title": "A better title for the question", "body": "New text."})
    question.refresh_from_db()
    assert question.title == "A better title for the question"
    history = anonymous.get(f"/questions/{question.pk}/history/").content.decode()
    assert "The original title of it" in history


def test_deletion_is_soft(asker: Client, anonymous: Client) -> None:
    question = published_question(author=user_of(asker))
    asker.post(f"/questions/{question.pk}/delete/")
    assert Question.objects.filter(pk=question.pk, deleted_at__isnull=False).exists()
    assert anonymous.get(question.get_absolute_url()).status_code == 404


def test_answered_questions_are_sent_to_the_instant_answer_index(
    asker: Client, expert: Client, django_capture_on_commit_callbacks: Any
) -> None:
    question = published_question(author=user_of(asker))
    with mock.patch("askwell.community.actions.index_question") as index, \
            django_capture_on_commit_callbacks(execute=True):
        from askwell.community import actions

        actions.post_answer(question, author=user_of(expert), body="An answer that is long enough to index.")
    index.assert_called_once()
    assert index.call_args.args[0] == question.pk and index.call_args.args[4] is True


def test_a_description_handed_over_by_the_checker_is_prefilled(anonymous: Client) -> None:
    page = anonymous.get(
        "/questions/ask/", {"title": "Calf cramps every night", "body": "I am 70 and my calves cramp at night."}
    ).content.decode()
    assert 'value="Calf cramps every night"' in page
    assert "I am 70 and my calves cramp at night.</textarea>" in page


def test_the_ask_form_suggests_answers_as_the_title_is_typed(anonymous: Client) -> None:
    page = anonymous.get("/questions/ask/").content.decode()
    title_input = page.index('data-answers-suggest="ask-suggestions"')
    region = page.index('id="ask-suggestions"')
    assert 'name="title"' in page[page.rfind("<input", 0, title_input):region]
    assert title_input < region < page.index('name="body"')
    assert page.count("js/answers.js") == 1


def test_topics_are_offered_in_plain_words(anonymous: Client) -> None:
    page = anonymous.get("/questions/ask/").content.decode()
    options = re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', page)
    assert len(options) > 20 and all("/" not in label for label in options)
    assert '<optgroup label="What causes muscle spasms and cramps">' in page and ">Stress and anxiety</option>" in page
    assert "Not sure (a moderator will choose)" in page


def test_paste_and_press_at_once_shows_the_suggestions_instead_of_refusing(anonymous: Client) -> None:
    from askwell.moderation.spam import stamp

    data = {"title": "Why do my calves cramp at night?", "body": "Every night around 3am, both calves.",
            "topic": "", "tags": "", "email": "paste@example.net", "homepage_url": "",
            "form_started": stamp(time.time())}
    page = anonymous.post("/questions/ask/", data).content.decode()
    assert "Does this answer it?" in page and "sent very fast" not in page
    assert not Question.objects.exists()


def test_the_received_page_says_when_the_question_goes_live_and_where(anonymous: Client) -> None:
    response = ask(anonymous, email="live@example.net")
    page = anonymous.get(response["Location"]).content.decode()
    question = Question.objects.get()
    assert "What happens next" in page and "We email you when it is published" in page
    assert f'href="{question.get_absolute_url()}"' in page
