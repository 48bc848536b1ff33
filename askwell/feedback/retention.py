"""How long reader text is kept, and wiping it when that time is up."""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.utils import timezone

from askwell.env import env_int

TEXT_DAYS = env_int("ASKWELL_FEEDBACK_TEXT_DAYS", 30, minimum=1)
PURGE_EVERY_SECONDS = 60 * 60


def text_cutoff() -> datetime.date:
    """The first day whose free text is still kept."""
    return timezone.localdate() - datetime.timedelta(days=TEXT_DAYS - 1)


def purge_old_text(force: bool = False) -> None:
    """Wipe optional words and unanswered searches older than TEXT_DAYS (votes stay, without words).

    Called on each write and by the editors' page, at most hourly unless forced.
    """
    from askwell.feedback.models import Unanswered, UsefulVote

    if not force and not cache.add("feedback:purged", 1, PURGE_EVERY_SECONDS):
        return
    cutoff = text_cutoff()
    UsefulVote.objects.filter(day__lt=cutoff).with_words().update(words="")
    Unanswered.objects.filter(day__lt=cutoff).delete()
