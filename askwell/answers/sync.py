"""Keeping the search documents in step with the knowledge base and community questions.

Every function here writes inside one transaction; the backend index follows the
documents table in that same transaction (SQLite triggers, PostgreSQL generated column).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from django.db import transaction

from askwell.answers import engine
from askwell.answers.backends import backend
from askwell.answers.lexicon import default_lexicon
from askwell.answers.models import DocumentOrigin, Kind, SearchDocument

if TYPE_CHECKING:
    from askwell.knowledge.models import Topic

logger = logging.getLogger(__name__)

QUESTION_PREFIX = "question/"

# Callables yielding (id, title, body, url) for every answered question; the community app
# registers one in its AppConfig.ready() so that `askwell reindex` rebuilds questions too.
QuestionSource = Callable[[], Iterable[tuple[int, str, str, str]]]
QuestionCount = Callable[[], int]
QUESTION_SOURCES: list[QuestionSource] = []
# How many questions each source will yield, where it can say cheaply (for a progress bar).
QUESTION_COUNTS: dict[QuestionSource, QuestionCount] = {}


def register_question_source(source: QuestionSource, count: QuestionCount | None = None) -> None:
    if source not in QUESTION_SOURCES:
        QUESTION_SOURCES.append(source)
    if count is not None:
        QUESTION_COUNTS[source] = count


def all_questions() -> Iterable[tuple[int, str, str, str]]:
    for source in QUESTION_SOURCES:
        yield from source()


def question_total() -> int | None:
    """How many questions all_questions() will yield, or None when a source cannot say."""
    if any(source not in QUESTION_COUNTS for source in QUESTION_SOURCES):
        return None
    return sum(QUESTION_COUNTS[source]() for source in QUESTION_SOURCES)


def knowledge_total() -> int:
    from askwell.knowledge.models import Topic

    return Topic.objects.published().count()


def question_key(question_id: int) -> str:
    return f"{QUESTION_PREFIX}{int(question_id)}"


def _topic_values(topic: Topic) -> dict[str, object]:
    """The SearchDocument fields of a published topic (update_or_create's defaults)."""
    lexicon = default_lexicon()
    phrases = [str(keyword) for keyword in (topic.keywords or [])]
    expanded = lexicon.expand_text("\n".join([topic.title, *phrases]))
    # The questions it answers in people's words (asks.yaml) count with its keywords: they
    # hold the everyday words ("get rid of", "charley horse") its text may not use.
    asks = [str(question) for question in (topic.asks or [])]
    synonyms = "\n".join([*phrases, *asks, " ".join(dict.fromkeys(expanded))]).strip()
    return {
        "kind": Kind.FAQ if topic.slug.startswith("faq/") else Kind.TOPIC,
        "source": DocumentOrigin.KNOWLEDGE,
        "title": topic.title[:300],
        "synonyms": synonyms,
        "body": f"{topic.summary}\n{topic.body_text}".strip(),
        "url": topic.get_absolute_url()[:300],
    }


def index_topics(slugs: Iterable[str] | None = None) -> int:
    """(Re)index published topics, all of them or the given slugs; unpublished ones leave the index."""
    from askwell.knowledge.models import Topic

    topics = Topic.objects.published().select_related("article__pack")
    wanted = None if slugs is None else set(slugs)
    if wanted is not None:
        topics = topics.filter(slug__in=wanted)
    count = 0
    with transaction.atomic():
        seen: set[str] = set()
        for topic in topics:
            SearchDocument.objects.update_or_create(key=topic.slug, defaults=_topic_values(topic))
            seen.add(topic.slug)
            count += 1
        stale = SearchDocument.objects.filter(source=DocumentOrigin.KNOWLEDGE).exclude(key__in=seen)
        if wanted is not None:
            stale = stale.filter(key__in=wanted)
        stale.delete()
    engine.forget()
    return count


def remove_topics(slugs: Iterable[str]) -> None:
    SearchDocument.objects.filter(source=DocumentOrigin.KNOWLEDGE, key__in=list(slugs)).delete()
    engine.forget()


def on_topics_changed(sender: object, changed: list[str] | None = None, removed: list[str] | None = None,
                      **kwargs: object) -> None:
    """knowledge.signals.topics_changed: sent on commit after a load changed topics."""
    with transaction.atomic():
        if removed:
            remove_topics(removed)
        if changed:
            index_topics(changed)
    # Build the engine's state now: with the semantic model, the topics' passages are run
    # through it once here (and kept on disk) rather than on the first person's question.
    engine.forget()
    engine.state()


def on_post_migrate(sender: object, using: str = "default", **kwargs: object) -> None:
    """Fill an empty index on a database that already had knowledge before this app arrived."""
    from askwell.knowledge.models import Topic

    try:
        if not SearchDocument.objects.using(using).exists() and Topic.objects.using(using).published().exists():
            index_topics()
    except Exception:  # a half-migrated database must not stop `migrate`
        logger.exception("could not fill the answers index after migrate; run `askwell reindex`")


def index_question(question_id: int, title: str, body: str, url: str, answered: bool) -> None:
    """Index an answered community question as "question/<id>"; an unanswered one leaves the index.

    For the community app: call it on commit after a question is answered, edited or
    un-answered. `body` should be the question and its accepted/best answers as plain text.
    """
    key = question_key(question_id)
    with transaction.atomic():
        if not answered:
            SearchDocument.objects.filter(key=key).delete()
            return
        SearchDocument.objects.update_or_create(key=key, defaults=_question_values(title, body, url))


def _question_values(title: str, body: str, url: str) -> dict[str, str]:
    """An answered community question's search document, as index_question and reindex write it."""
    return {
        "kind": Kind.QUESTION,
        "source": DocumentOrigin.QUESTION,
        "title": title[:300],
        "synonyms": "\n".join(dict.fromkeys(default_lexicon().expand_text(title))),
        "body": body,
        "url": url[:300],
    }


def remove_question(question_id: int) -> None:
    """Take a community question out of the index (deleted, hidden or no longer answered)."""
    SearchDocument.objects.filter(key=question_key(question_id)).delete()


def reindex(
    questions: Iterable[tuple[int, str, str, str]] = (),
    progress: Callable[[int, float], None] | None = None,
    batch_size: int = 2000,
) -> int:
    """Rebuild every document from scratch: knowledge topics, then the given answered questions.

    `questions` yields (id, title, body, url). `progress(done, rate)` is called after each batch.
    """
    started = time.perf_counter()
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        done = index_topics()
        batch: list[SearchDocument] = []
        for question_id, title, body, url in questions:
            batch.append(SearchDocument(key=question_key(question_id), **_question_values(title, body, url)))
            if len(batch) >= batch_size:
                SearchDocument.objects.bulk_create(batch)
                done += len(batch)
                batch = []
                if progress:
                    progress(done, done / max(1e-9, time.perf_counter() - started))
        if batch:
            SearchDocument.objects.bulk_create(batch)
            done += len(batch)
        backend().rebuild()
    if progress:
        progress(done, done / max(1e-9, time.perf_counter() - started))
    engine.forget()
    return done
