"""Stack Exchange's basics (issue 13): the list shows answer counts, filters by answered / not
answered and by topic in plain words, and searches answered questions; a question page shows
related guides and answered questions, sorts its answers, shows vote counts and asks "Is this
answer useful?". Everything stays page-cached for anonymous readers, keyed on what was asked."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from askwell.community import actions
from askwell.community.models import Answer, Question
from askwell.community.testing import published_question, user_of
from askwell.knowledge.models import Topic

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<h2 class="h3"><a href="/questions/(\d+)/">')
ANSWER_IDS = re.compile(r'<article class="answer[^"]*" id="answer-(\d+)"')


def answer_it(question: Question, author: Any, body: str, capture: Any) -> Answer:
    with capture(execute=True):  # the index and the page cache follow on commit
        answer = actions.post_answer(question, author=author, body=body)
    question.refresh_from_db()
    return answer


@pytest.fixture
def two_questions(expert: Client, django_capture_on_commit_callbacks: Any) -> tuple[Question, Question]:
    """One answered question about night calf cramps, one unanswered about eyelid twitches."""
    answered = published_question(title="Why do my calves cramp at night in bed?")
    answer_it(answered, user_of(expert), "Stretch your calves before bed; most night cramps have no clear cause.",
              django_capture_on_commit_callbacks)
    waiting = published_question(title="Why does my eyelid keep twitching all day?")
    return answered, waiting


def listed(client: Client, query: str) -> list[int]:
    response = client.get(f"/questions/{query}")
    assert response.status_code == 200
    return [int(pk) for pk in LINK.findall(response.content.decode())]


def test_each_row_shows_its_answer_count(anonymous: Client, two_questions: tuple[Question, Question]) -> None:
    html = anonymous.get("/questions/").content.decode()
    assert re.search(r'class="answer-count has-answers">1 answer</span>', html)
    assert re.search(r'class="answer-count">0 answers</span>', html)


def test_the_answered_and_unanswered_filters(anonymous: Client, two_questions: tuple[Question, Question]) -> None:
    answered, waiting = two_questions
    assert listed(anonymous, "?show=answered") == [answered.pk]
    assert listed(anonymous, "?show=unanswered") == [waiting.pk]
    assert set(listed(anonymous, "")) >= {answered.pk, waiting.pk}


def test_each_filter_is_its_own_cached_page(anonymous: Client, two_questions: tuple[Question, Question]) -> None:
    answered, waiting = two_questions
    assert listed(anonymous, "?show=answered") == [answered.pk]
    response = anonymous.get("/questions/?show=unanswered")
    assert response["X-Page-Cache"] == "miss"
    assert anonymous.get("/questions/?show=unanswered")["X-Page-Cache"] == "hit"
    assert [int(pk) for pk in LINK.findall(anonymous.get("/questions/?show=unanswered").content.decode())] == [
        waiting.pk]


def test_the_topic_filter_offers_topics_in_plain_words(anonymous: Client) -> None:
    topic = Topic.objects.published().select_related("article").first()
    assert topic is not None
    html = anonymous.get("/questions/").content.decode()
    assert f'<option value="{topic.slug}">{topic.title}</option>' in html
    assert f'<optgroup label="{topic.article.title}">' in html


def test_a_topic_and_a_filter_together_and_the_pager_keeps_both(anonymous: Client) -> None:
    topic = Topic.objects.published().first()
    assert topic is not None
    start = timezone.now() - datetime.timedelta(days=1)
    made = Question.objects.bulk_create(
        Question(title=f"Question {n} about cramp", body="Body.", state="open", topic=topic,
                 created_at=start + datetime.timedelta(minutes=n)) for n in range(25))
    Question.objects.bulk_create([Question(title="Answered one", body="Body.", state="answered", topic=topic)])
    response = anonymous.get(f"/questions/?topic={topic.slug}&show=unanswered")
    html = response.content.decode()
    shown = [int(pk) for pk in LINK.findall(html)]
    assert len(shown) == 20 and set(shown) <= {q.pk for q in made}
    older = re.search(r'href="\?before=(\d+)&amp;([^"]*)">Older', html)
    assert older is not None
    assert "show=unanswered" in older.group(2) and "topic=" in older.group(2)
    rest = listed(anonymous, f"?before={older.group(1)}&{older.group(2).replace('&amp;', '&')}")
    assert len(rest) == 5 and not set(rest) & set(shown)


@pytest.mark.parametrize("query", ["?show=everything", "?show=1", "?sort=zzz&show=<b>"])
def test_an_unknown_filter_is_a_404(anonymous: Client, query: str) -> None:
    assert anonymous.get(f"/questions/{query}").status_code == 404


def test_the_search_box_finds_answered_questions(anonymous: Client, two_questions: tuple[Question, Question]) -> None:
    answered, waiting = two_questions
    found = listed(anonymous, "?q=calf+cramps+at+night")
    assert found == [answered.pk]
    assert waiting.pk not in listed(anonymous, "?q=eyelid+twitching")  # not answered: not searched
    html = anonymous.get("/questions/?q=calf+cramps+at+night").content.decode()
    assert 'value="calf cramps at night"' in html


def test_searches_are_cached_per_words_and_follow_new_answers(
    anonymous: Client, expert: Client, two_questions: tuple[Question, Question], django_capture_on_commit_callbacks: Any
) -> None:
    _, waiting = two_questions
    assert listed(anonymous, "?q=eyelid+twitching") == []
    assert anonymous.get("/questions/?q=Eyelid   TWITCHING")["X-Page-Cache"] == "hit"  # same words, same page
    answer_it(waiting, user_of(expert), "Eyelid twitching is common with tiredness, caffeine and stress.",
              django_capture_on_commit_callbacks)
    assert listed(anonymous, "?q=eyelid+twitching") == [waiting.pk]


def test_a_long_or_odd_search_is_no_error(anonymous: Client) -> None:
    assert anonymous.get("/questions/?q=" + "cramp%20" * 400).status_code == 200
    assert anonymous.get("/questions/?q=%00cramp").status_code == 400  # the site refuses NUL everywhere
    html = anonymous.get("/questions/?q=%3Cscript%3Ecramp").content.decode()
    assert "<script>cramp" not in html and "&lt;script&gt;cramp" in html


def test_the_question_page_shows_related_guides_and_answered_questions(
    anonymous: Client, expert: Client, two_questions: tuple[Question, Question], django_capture_on_commit_callbacks: Any
) -> None:
    answered, _ = two_questions
    other = published_question(title="What helps calf cramps at night?")
    # Answered too, so it ranks above the first question for its own title, as do the guides.
    answer_it(other, user_of(expert), "Pull your toes towards you and hold the stretch for thirty seconds.",
              django_capture_on_commit_callbacks)
    html = anonymous.get(other.get_absolute_url()).content.decode()
    related = html.split('id="related-title"', 1)[1]
    assert f'<a href="{answered.get_absolute_url()}">{answered.title}</a>' in related
    assert re.search(r'<ul class="related-guides"><li><a href="/[^"]+">', related)
    own = anonymous.get(answered.get_absolute_url()).content.decode()
    assert f'<a href="{answered.get_absolute_url()}">' not in own.split('id="related-title"', 1)[-1]


def test_a_newly_answered_question_shows_on_a_cached_page_as_related(
    anonymous: Client, expert: Client, two_questions: tuple[Question, Question], django_capture_on_commit_callbacks: Any
) -> None:
    _, waiting = two_questions
    other = published_question(title="My eyelid is twitching, why?")
    assert waiting.get_absolute_url() not in anonymous.get(other.get_absolute_url()).content.decode()
    assert anonymous.get(other.get_absolute_url())["X-Page-Cache"] == "hit"
    answer_it(waiting, user_of(expert), "Eyelid twitching is common with tiredness, caffeine and stress.",
              django_capture_on_commit_callbacks)
    assert waiting.get_absolute_url() in anonymous.get(other.get_absolute_url()).content.decode()


@pytest.fixture
def three_answers(expert: Client, django_capture_on_commit_callbacks: Any) -> tuple[Question, list[Answer]]:
    from askwell.community.tests.test_question_page_cache import new_expert

    question = published_question(title="How do I stop a calf cramp quickly?")
    authors = [user_of(expert), new_expert("second_expert"), new_expert("third_expert")]
    answers = [answer_it(question, author, f"Answer {n}: pull your toes towards you and hold it gently.",
                         django_capture_on_commit_callbacks) for n, author in enumerate(authors)]
    base = timezone.now() - datetime.timedelta(days=3)
    for n, (answer, votes) in enumerate(zip(answers, (0, 5, 2), strict=True)):
        Answer.objects.filter(pk=answer.pk).update(helpful_count=votes, created_at=base + datetime.timedelta(hours=n))
    return question, answers


def order_on(client: Client, url: str) -> list[int]:
    response = client.get(url)
    assert response.status_code == 200
    return [int(pk) for pk in ANSWER_IDS.findall(response.content.decode())]


def test_answers_sort_by_votes_newest_and_oldest(anonymous: Client,
                                                 three_answers: tuple[Question, list[Answer]]) -> None:
    question, (first, second, third) = three_answers
    url = question.get_absolute_url()
    assert order_on(anonymous, url) == [second.pk, third.pk, first.pk]
    assert order_on(anonymous, url + "?sort=votes") == [second.pk, third.pk, first.pk]
    assert order_on(anonymous, url + "?sort=newest") == [third.pk, second.pk, first.pk]
    assert order_on(anonymous, url + "?sort=oldest") == [first.pk, second.pk, third.pk]
    assert anonymous.get(url + "?sort=oldest")["X-Page-Cache"] == "hit"
    assert anonymous.get(url + "?sort=best").status_code == 404


def test_the_accepted_answer_comes_first_whatever_the_order(
    anonymous: Client, three_answers: tuple[Question, list[Answer]]
) -> None:
    question, (first, second, third) = three_answers
    Question.objects.filter(pk=question.pk).update(accepted_answer=first)
    url = question.get_absolute_url()
    assert order_on(anonymous, url)[0] == first.pk
    assert order_on(anonymous, url + "?sort=newest") == [first.pk, third.pk, second.pk]


def test_answers_show_their_vote_counts_and_the_useful_widget(
    anonymous: Client, three_answers: tuple[Question, list[Answer]]
) -> None:
    question, answers = three_answers
    html = anonymous.get(question.get_absolute_url()).content.decode()
    assert f'id="votes-{answers[1].pk}">5 found this helpful' in html
    assert f'id="votes-{answers[0].pk}">0 found this helpful' in html
    assert html.count("Is this answer useful?") == 3


def test_the_chosen_topic_is_selected_and_the_options_follow_a_content_change(anonymous: Client) -> None:
    from askwell.core.pagecache import bump_content_version
    from askwell.knowledge.models import Status

    first, second = Topic.objects.published().order_by("pk")[:2]
    html = anonymous.get(f"/questions/?topic={second.slug}").content.decode()
    assert html.count(" selected>") == 1
    assert f'<option value="{second.slug}" selected>{second.title}</option>' in html
    assert f'<option value="{first.slug}">{first.title}</option>' in html
    # The options are kept per content version: a content load (which bumps it) changes them.
    Topic.objects.filter(pk=first.pk).update(status=Status.UNPUBLISHED)
    bump_content_version()
    html = anonymous.get(f"/questions/?topic={second.slug}").content.decode()
    assert f'value="{first.slug}"' not in html and f'<option value="{second.slug}" selected>' in html


def test_an_answer_whose_author_is_gone_has_no_edit_link_but_for_moderators(
    anonymous: Client, member: Client, moderator: Client, three_answers: tuple[Question, list[Answer]]
) -> None:
    question, answers = three_answers
    Answer.objects.filter(pk=answers[0].pk).update(author=None)  # the account was deleted
    edit = f'href="/answers/{answers[0].pk}/edit/"'
    for reader in (anonymous, member):
        html = reader.get(question.get_absolute_url()).content.decode()
        assert "Former member" in html and edit not in html
    assert edit in moderator.get(question.get_absolute_url()).content.decode()
