"""The named changes readers make: a vote, words added to it, an unanswered search noted."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.db.models import F

from askwell.feedback.cleaning import grouping_key, without_personal_details
from askwell.feedback.models import QUERY_MAX_CHARS, WORDS_MAX_CHARS, QueryOrigin, Target, Unanswered, UsefulVote
from askwell.feedback.retention import purge_old_text

# A flood of distinct nonsense searches must not fill the database: past this many distinct
# searches in a day, new ones are not noted (the counts of known ones still go up).
MAX_DISTINCT_PER_DAY = 5000


def vote(target: Target, key: str, useful: bool) -> UsefulVote:
    purge_old_text()
    return UsefulVote.objects.create(target=target, key=key[:200], useful=useful)


def add_words(vote_id: int, words: str) -> bool:
    """Add the optional words to a vote once; False if there is nothing to add them to."""
    cleaned = without_personal_details(words)[:WORDS_MAX_CHARS]
    if not cleaned:
        return False
    return UsefulVote.objects.filter(pk=vote_id, words="").update(words=cleaned) == 1


def note_unanswered(text: str, source: QueryOrigin = QueryOrigin.SEARCH) -> None:
    """Count a search or question that got no confident answer, by its cleaned words and day."""
    key = grouping_key(text, QUERY_MAX_CHARS)
    if len(key) < 2:
        return
    purge_old_text()
    from askwell.feedback.models import today

    day = today()
    if Unanswered.objects.filter(text=key, source=source, day=day).update(count=F("count") + 1):
        return
    if Unanswered.objects.filter(day=day).count() >= MAX_DISTINCT_PER_DAY:
        return
    try:
        with transaction.atomic():
            Unanswered.objects.create(text=key, source=source, day=day)
    except IntegrityError:  # noted at the same moment by another request
        Unanswered.objects.filter(text=key, source=source, day=day).update(count=F("count") + 1)


def note_answer_result(text: str, result: Mapping[str, object], source: QueryOrigin = QueryOrigin.SEARCH) -> None:
    """The one-line hook for answer views: note the search if it got no confident answer."""
    if not result.get("confident") or result.get("scope") == "not_covered":
        note_unanswered(text, source)
