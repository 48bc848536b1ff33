"""What the answers engine finds for a question's title or a search of the list: related guides
and related answered questions, kept in the cache until the content changes.

The engine (answers.search.answer) takes milliseconds; signed-in readers get the question page
rendered every time, so its result is kept under the site's content version, which any write
to questions, answers or the guides bumps (the same version the page cache follows).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, TypedDict

from django.core.cache import cache

from askwell.answers.models import DocumentOrigin
from askwell.answers.search import answer
from askwell.core.pagecache import content_version

KEEP_SECONDS = 24 * 3600
# The engine ranks guides and answered questions together, and the guides usually score higher:
# with its largest limit, every answered question among its candidates comes back.
ENGINE_LIMIT = 50
QUESTION_KEY_PREFIX = "question/"


class RelatedGuide(TypedDict):
    title: str
    url: str
    snippet: str


class RelatedQuestion(TypedDict):
    id: int
    title: str
    url: str


@dataclass(frozen=True)
class Found:
    guides: list[RelatedGuide]  # knowledge topics, best first
    questions: list[RelatedQuestion]  # answered community questions

    @property
    def question_ids(self) -> list[int]:
        return [int(item["id"]) for item in self.questions]

    def related_questions(self, than: int, limit: int) -> list[RelatedQuestion]:
        """The answered questions found, but the one with id `than` (a question's own page)."""
        return [item for item in self.questions if item["id"] != than][:limit]


def found_for(text: str) -> Found:
    version = content_version()
    key = f"community:related:{version}:{hashlib.sha256(text.encode()).hexdigest()[:40]}"
    stored = cache.get(key)
    if isinstance(stored, Found):
        return stored
    result = answer(text, limit=ENGINE_LIMIT)
    items = result.get("answers", [])
    guides: list[RelatedGuide] = [
        {"title": item["title"], "url": item["url"], "snippet": item.get("snippet", "")}
        for item in items if item.get("source") == DocumentOrigin.KNOWLEDGE
    ]
    found = Found(guides=guides if result.get("scope") != "not_covered" else [],
                  questions=_questions(items))
    cache.set(key, found, KEEP_SECONDS)
    return found


def _questions(items: list[dict[str, Any]]) -> list[RelatedQuestion]:
    """(Any: the engine's answer items are not typed yet; answers/search.py builds them.)"""
    questions: list[RelatedQuestion] = []
    for item in items:
        key = str(item.get("topic", ""))
        if item.get("source") == DocumentOrigin.QUESTION and key.startswith(QUESTION_KEY_PREFIX):
            number = key[len(QUESTION_KEY_PREFIX):]
            if number.isdigit():
                questions.append({"id": int(number), "title": item["title"], "url": item["url"]})
    return questions
