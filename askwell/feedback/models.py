"""What readers tell editors, with no personal data.

No account, IP address, session or time of day is stored: a vote is a page part, yes or
no, optional words and the day. Free text (optional words, searches with no confident
answer) is kept ASKWELL_FEEDBACK_TEXT_DAYS days (retention.py), then wiped; vote counts stay.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone

WORDS_MAX_CHARS = 500
QUERY_MAX_CHARS = 200


def today() -> datetime.date:
    return timezone.localdate()


class Target(models.TextChoices):
    TOPIC = "topic", "Article section"
    ANSWER = "answer", "Expert or member answer"


class UsefulVoteQuerySet(models.QuerySet["UsefulVote"]):
    def since(self, day: datetime.date) -> UsefulVoteQuerySet:
        return self.filter(day__gte=day)

    def with_words(self) -> UsefulVoteQuerySet:
        return self.exclude(words="")


class UsefulVote(models.Model):
    """One tap on "Is this page useful?" under an article section or an answer."""

    target = models.CharField(max_length=10, choices=Target.choices)
    key = models.CharField(max_length=200, help_text="The topic's slug or the answer's id.")
    useful = models.BooleanField()
    words = models.TextField(blank=True, max_length=WORDS_MAX_CHARS)
    day = models.DateField(default=today, db_index=True)

    objects = UsefulVoteQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["target", "key"])]

    def __str__(self) -> str:
        return f"{self.target} {self.key}: {'yes' if self.useful else 'no'}"


class QueryOrigin(models.TextChoices):
    """Where an unanswered query was typed: the search box or the ask form."""

    SEARCH = "search", "Search"
    QUESTION = "question", "Question asked"


class UnansweredQuerySet(models.QuerySet["Unanswered"]):
    def since(self, day: datetime.date) -> UnansweredQuerySet:
        return self.filter(day__gte=day)


class Unanswered(models.Model):
    """A search or question that got no confident answer: its words (cleaned), counted per day."""

    text = models.CharField(max_length=QUERY_MAX_CHARS)
    source = models.CharField(max_length=10, choices=QueryOrigin.choices)
    day = models.DateField(default=today, db_index=True)
    count = models.PositiveIntegerField(default=1)

    objects = UnansweredQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["text", "source", "day"], name="unanswered_once_a_day")]
        verbose_name_plural = "unanswered searches and questions"

    def __str__(self) -> str:
        return f"{self.text} ({self.count})"
