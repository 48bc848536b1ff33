"""The questions list: keyset pages (no COUNT, no OFFSET, no bodies), newest first, per topic,
cached for anonymous readers and refreshed by a new question."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from askwell.community import listing
from askwell.community.models import Question, QuestionState
from askwell.community.testing import published_question
from askwell.knowledge.models import Topic

pytestmark = pytest.mark.django_db

OLDER = re.compile(r'href="\?before=(\d+)(?:&amp;topic=[^"]*)?">Older')
NEWER = re.compile(r'href="\?after=(\d+)(?:&amp;topic=[^"]*)?">Newer')
LINK = re.compile(r'<a href="/questions/(\d+)/">')


def many(count: int, topic: Topic | None = None) -> list[Question]:
    """`count` public questions, one minute apart, two of them at the very same moment."""
    start = timezone.now() - datetime.timedelta(days=1)
    made = Question.objects.bulk_create(
        Question(title=f"Question {n} about cramp", body="A long body the list never shows. " * 20,
                 state=QuestionState.OPEN, topic=topic,
                 created_at=start + datetime.timedelta(minutes=n if n != 7 else 6))
        for n in range(count)
    )
    return made


def walk(client: Client, first_url: str) -> tuple[list[int], list[str]]:
    seen: list[int] = []
    sql: list[str] = []
    url: str | None = first_url
    while url:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        seen += [int(pk) for pk in LINK.findall(html)]
        sql += [query["sql"] for query in captured.captured_queries]
        older = OLDER.search(html)
        url = f"{first_url}{'&' if '?' in first_url else '?'}before={older.group(1)}" if older else None
    return seen, sql


def expected_order(questions: list[Question]) -> list[int]:
    return [q.pk for q in sorted(questions, key=lambda q: (q.created_at, q.pk), reverse=True)]


def test_pages_walk_every_public_question_newest_first_without_count_or_offset(anonymous: Client) -> None:
    questions = many(45)
    hidden = Question.objects.create(title="Deleted", body="x", state=QuestionState.OPEN, deleted_at=timezone.now())
    seen, sql = walk(anonymous, "/questions/")
    assert seen == expected_order(questions)
    assert hidden.pk not in seen
    joined = " ".join(sql).upper()
    assert "COUNT(" not in joined and "OFFSET" not in joined
    assert '"BODY"' not in joined, "the list does not fetch the bodies it does not show"


def test_newer_links_lead_back(anonymous: Client) -> None:
    questions = many(45)
    order = expected_order(questions)
    page2 = anonymous.get(f"/questions/?before={order[19]}").content.decode()
    assert [int(pk) for pk in LINK.findall(page2)] == order[20:40]
    newer = NEWER.search(page2)
    assert newer is not None
    page1 = anonymous.get(f"/questions/?after={newer.group(1)}").content.decode()
    assert [int(pk) for pk in LINK.findall(page1)] == order[:20]
    assert NEWER.search(page1) is None


def test_a_topic_lists_only_its_questions(anonymous: Client) -> None:
    topic = Topic.objects.published().first()
    assert topic is not None
    mine = many(25, topic=topic)
    many(5)
    seen, _ = walk(anonymous, f"/questions/?topic={topic.slug}")
    assert seen == expected_order(mine)


@pytest.mark.parametrize("query", ["?before=abc", "?before=99999999", "?after=-1", "?topic=no-such-topic",
                                   "?before=" + "9" * 40])
def test_bad_cursors_are_404_not_500(anonymous: Client, query: str) -> None:
    assert anonymous.get(f"/questions/{query}").status_code == 404


def test_the_list_is_cached_and_a_new_question_shows_at_once(
    anonymous: Client, django_capture_on_commit_callbacks: Any
) -> None:
    many(3)
    anonymous.get("/questions/")
    assert anonymous.get("/questions/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        question = published_question(title="A brand new question about toes")
    response = anonymous.get("/questions/")
    assert response["X-Page-Cache"] == "miss"
    assert "A brand new question about toes" in response.content.decode()
    assert question.pk == int(LINK.findall(response.content.decode())[0])


def test_page_size_is_the_listing_constant() -> None:
    assert listing.PAGE_SIZE == 20
