"""Who a question describes colours the ranking a little, and is never counted as asked."""

from __future__ import annotations

import pytest

from askwell.answers.search import answer, search

pytestmark = pytest.mark.django_db


def _rank(keys: list[str], key: str) -> int:
    return keys.index(key) if key in keys else len(keys)


def test_an_older_person_leans_towards_the_page_for_older_adults() -> None:
    question = "my grandad is 82 and gets leg cramps most nights, what can he do"
    _, plain, _ = search(question, 10)
    _, coloured, _ = search(question, 10, frozenset({"older_adult"}))
    story = "stories/older-adult"
    assert _rank([r.document.key for r in coloured], story) <= _rank([r.document.key for r in plain], story)
    assert story in [item["topic"] for item in answer(question)["answers"][:3]]


def test_the_words_for_who_is_described_are_not_part_of_what_was_asked() -> None:
    question = "my dad is 80 and his calves cramp"
    plain, _, _ = search(question, 10)
    coloured, _, _ = search(question, 10, frozenset({"older_adult"}))
    assert coloured.context and not plain.context
    # Not searched for, not a group of the question (coverage and confidence), not a phrase pair.
    assert coloured.terms == plain.terms and coloured.groups == plain.groups
    assert not set(coloured.context) & coloured.stems


def test_a_page_written_for_someone_else_comes_lower_for_a_question_about_someone() -> None:
    question = "my partner is 28 weeks pregnant and keeps waking with calf cramps, what helps"
    _, plain, _ = search(question, 10)
    _, described, _ = search(question, 10, frozenset({"pregnancy"}))
    story = "stories/older-adult"
    assert _rank([r.document.key for r in described], story) > _rank([r.document.key for r in plain], story)
    assert "causes/pregnancy" in [r.document.key for r in described[:3]]


def test_a_page_written_for_the_person_described_is_not_lowered() -> None:
    question = "my nan is 88 and gets leg cramps in bed every night"
    _, plain, _ = search(question, 10)
    _, described, _ = search(question, 10, frozenset({"older_adult"}))
    story = "stories/older-adult"
    assert _rank([r.document.key for r in described], story) <= _rank([r.document.key for r in plain], story)
