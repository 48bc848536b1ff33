"""What a question is about leads its answers, however the question is put."""

from __future__ import annotations

import pytest

from askwell.answers.search import answer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("question", "page"), [
    # The place a "what does ~ feel like" question steps over is what it asks about.
    ("what do back spasms actually feel like?", "locations/back"),
    ("what does a neck spasm actually feel like?", "locations/neck"),
    ("what do foot cramps really feel like", "locations/foot"),
])
def test_a_place_inside_the_question_words_leads_the_answers(question: str, page: str) -> None:
    assert answer(question)["answers"][0]["topic"] == page
