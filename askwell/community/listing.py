"""The questions list, newest first, in pages reached by keyset ("older than this question"),
never by COUNT(*) or OFFSET: any page of any topic costs the same at a thousand questions or a
million. The order is (created_at, id) descending, served by the partial indexes on questions
not deleted (see Question.Meta.indexes). Rows carry only what the list shows, not the bodies.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from askwell.community.forms import topic_choices
from askwell.community.models import Answer, Question, QuestionQuerySet, QuestionState
from askwell.core.pagecache import content_version
from askwell.knowledge.models import Topic

PAGE_SIZE = 20
# The list's "show" filter, in the words the page offers: what each keeps.
ANSWERED, UNANSWERED = "answered", "unanswered"
STATUSES = {ANSWERED: "Answered", UNANSWERED: "Not answered yet"}
LIST_FIELDS = ("pk", "title", "state", "created_at", "topic_id", "author_id",
               "topic__slug", "topic__title", "author__username")


class NoSuchPage(Exception):
    """The cursor names no public question of this list."""


@dataclass(frozen=True)
class QuestionPage:
    questions: list[Question]
    older: int | None  # cursor for the next (older) page
    newer: int | None  # cursor for the previous (newer) page


def listed(topic: Topic | None, status: str = "") -> QuestionQuerySet:
    questions = Question.objects.public()
    if topic is not None:
        questions = questions.filter(topic=topic)
    if status == ANSWERED:
        questions = questions.filter(state=QuestionState.ANSWERED)
    elif status == UNANSWERED:
        questions = questions.filter(state=QuestionState.OPEN)
    return questions


def with_answer_counts(questions: list[Question]) -> list[Question]:
    """Sets `answer_count` on each row from one query over the page's answers (their question
    ids only), not a COUNT per row nor a COUNT over the whole list."""
    counts: dict[int, int] = {}
    shown = Answer.objects.shown().filter(question_id__in=[q.pk for q in questions])
    for question_id in shown.values_list("question_id", flat=True):
        counts[question_id] = counts.get(question_id, 0) + 1
    for question in questions:
        question.answer_count = counts.get(question.pk, 0)  # type: ignore[attr-defined]
    return questions


def search_page(question_ids: list[int], topic: Topic | None, status: str = "") -> QuestionPage:
    """The questions named (best match first, as the answers engine ranked them) that this list
    shows: one page, no cursors."""
    rows = listed(topic, status).filter(pk__in=question_ids).select_related("topic", "author").only(*LIST_FIELDS)
    rank = {pk: position for position, pk in enumerate(question_ids)}
    found = sorted(rows[:PAGE_SIZE], key=lambda question: rank[question.pk])
    return QuestionPage(with_answer_counts(found), older=None, newer=None)


def _position(questions: QuestionQuerySet, pk: int) -> tuple[datetime.datetime, int]:
    row = questions.filter(pk=pk).values_list("created_at", "pk").first()
    if row is None:
        raise NoSuchPage(pk)
    return row


def question_page(topic: Topic | None, before: int | None = None, after: int | None = None,
                  status: str = "") -> QuestionPage:
    """PAGE_SIZE questions older than `before`, or newer than `after`, or the newest."""
    base = listed(topic, status)
    rows = base.select_related("topic", "author").only(*LIST_FIELDS)
    if after is not None:
        created, pk = _position(base, after)
        newer_first = rows.filter(created_at__gte=created).exclude(created_at=created, pk__lte=pk)
        found = list(newer_first.order_by("created_at", "pk")[: PAGE_SIZE + 1])
        has_newer = len(found) > PAGE_SIZE
        questions = with_answer_counts(list(reversed(found[:PAGE_SIZE])))
        return QuestionPage(questions, older=questions[-1].pk if questions else None,
                            newer=questions[0].pk if has_newer and questions else None)
    if before is not None:
        created, pk = _position(base, before)
        # "(created_at, id) < (created, pk)" written so that both databases start an index range
        # scan at `created` (an OR of the two cases makes SQLite scan from the newest row).
        rows = rows.filter(created_at__lte=created).exclude(created_at=created, pk__gte=pk)
    found = list(rows.order_by("-created_at", "-pk")[: PAGE_SIZE + 1])
    questions = with_answer_counts(found[:PAGE_SIZE])
    has_older = len(found) > PAGE_SIZE
    return QuestionPage(questions, older=questions[-1].pk if has_older else None,
                        newer=questions[0].pk if before is not None and questions else None)


@dataclass(frozen=True)
class TopicFilter:
    """The published topics the list filters by, as of one content version: found by slug with
    no query, and the filter's <optgroup>s of them under their guides, rendered once."""

    version: int
    by_slug: dict[str, Topic]  # pk, slug and title loaded
    options: str  # community/_topic_options.html


# Kept per process for the current content version (topics change only when the knowledge packs
# are loaded, which bumps it). Before, each list page read every published topic with its
# article, bodies and all, and walked ~60 options in the template; a topic's page read it again.
_topic_filter: list[TopicFilter] = []


def topic_filter() -> TopicFilter:
    version = content_version()
    if _topic_filter and _topic_filter[0].version == version and not settings.DEBUG:
        return _topic_filter[0]
    topics = list(topic_choices().only("pk", "slug", "title", "article__title"))
    groups = [(guide, [(topic.slug, topic.title) for topic in grouped])
              for guide, grouped in itertools.groupby(topics, key=lambda topic: topic.article.title)]
    found = TopicFilter(version, {topic.slug: topic for topic in topics},
                        render_to_string("community/_topic_options.html", {"groups": groups}).strip())
    _topic_filter[:] = [found]
    return found


def published_topic(slug: str) -> Topic | None:
    return topic_filter().by_slug.get(slug)


def topic_options(selected: Topic | None) -> SafeString:
    """The topic filter's options, `selected` marked as the template did."""
    html = topic_filter().options
    if selected is not None:
        option = f'<option value="{escape(selected.slug)}">'
        html = html.replace(option, f"{option[:-1]} selected>", 1)
    return mark_safe(html)  # noqa: S308 - rendered by a template; the slug escaped as it did
