"""Questions, answers, votes, comments and their edit history.

Email addresses given by people without an account (askers, commenters) are stored only
to reach them; no template, feed, API schema or __str__ ever reads those fields.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from askwell.knowledge.models import Article, Topic
from askwell.medical.vocabulary import TriageLevel


class QuestionState(models.TextChoices):
    PENDING_CONFIRMATION = "pending_confirmation", "Waiting for email confirmation"
    AWAITING_MODERATION = "awaiting_moderation", "Waiting for a moderator"
    OPEN = "open", "Open"
    ANSWERED = "answered", "Answered"
    CLOSED = "closed", "Closed"


PUBLIC_STATES = (QuestionState.OPEN, QuestionState.ANSWERED, QuestionState.CLOSED)


class CloseReason(models.TextChoices):
    DUPLICATE = "duplicate", "Duplicate of another question"
    OFF_TOPIC = "off_topic", "Off-topic"
    EMERGENCY = "emergency", "Emergency: needs urgent care, not an online answer"


class TopicPolicy(models.Model):
    """Per-topic rules a moderator sets: whether members without the badge may answer."""

    topic = models.OneToOneField(Topic, on_delete=models.CASCADE, related_name="community_policy")
    members_may_answer = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"policy for {self.topic.slug}"


class QuestionQuerySet(models.QuerySet["Question"]):
    """The states of a question, named once (in the style of Kitsune's questions/managers.py)."""

    def not_deleted(self) -> QuestionQuerySet:
        return self.filter(deleted_at__isnull=True)

    def public(self) -> QuestionQuerySet:
        """What any reader may see: open, answered or closed, and not deleted."""
        return self.not_deleted().filter(state__in=PUBLIC_STATES)

    def answered(self) -> QuestionQuerySet:
        """Public and answered: what the instant-answer index holds."""
        return self.public().filter(state=QuestionState.ANSWERED)

    def awaiting_moderation(self) -> QuestionQuerySet:
        return self.not_deleted().filter(state=QuestionState.AWAITING_MODERATION)


class Question(models.Model):
    title = models.CharField(max_length=150)
    body = models.TextField(max_length=5000)
    body_html = models.TextField(blank=True)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions")
    tags = models.JSONField(default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    # Only for askers without an account: where the confirmation and answer emails go. Never shown.
    contact_email = models.EmailField(blank=True)
    state = models.CharField(max_length=30, choices=QuestionState.choices, default=QuestionState.OPEN, db_index=True)
    close_reason = models.CharField(max_length=20, choices=CloseReason.choices, blank=True)
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    triage_level = models.CharField(max_length=20, blank=True)
    triage_reasons = models.JSONField(default=list, blank=True)
    # The text describes suicidal thoughts or self-harm: every page of it leads with the crisis
    # lines, and the question waits for a moderator before it is public.
    triage_crisis = models.BooleanField(default=False)
    accepted_answer = models.ForeignKey(
        "Answer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        # The questions list (community/listing.py): newest first, all or by topic, read by
        # keyset. Partial on "not deleted" only: SQLite uses a partial index only when the query
        # repeats its condition literally, and the state filter is a bound parameter.
        indexes = [
            models.Index(
                models.F("created_at").desc(), models.F("id").desc(), name="question_listed_newest",
                condition=models.Q(deleted_at__isnull=True),
            ),
            models.Index(
                "topic", models.F("created_at").desc(), models.F("id").desc(), name="question_listed_topic_newest",
                condition=models.Q(deleted_at__isnull=True),
            ),
            # The list's "answered" / "not answered yet" filters, alone and within a topic: an
            # index range per state, not a walk through every question to find the rare ones.
            models.Index(
                "state", models.F("created_at").desc(), models.F("id").desc(), name="question_listed_state_newest",
                condition=models.Q(deleted_at__isnull=True),
            ),
            models.Index(
                "topic", "state", models.F("created_at").desc(), models.F("id").desc(),
                name="question_listed_topic_state", condition=models.Q(deleted_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"Question {self.pk}: {self.title[:80]}"

    def get_absolute_url(self) -> str:
        # Kept on the instance: every answer and comment on a question page links through it.
        known = self.__dict__.get("_absolute_url")
        if known is None or known[0] != self.pk:
            known = self.__dict__["_absolute_url"] = (self.pk, reverse("community:question", kwargs={"pk": self.pk}))
        return str(known[1])

    @property
    def is_public(self) -> bool:
        return self.state in PUBLIC_STATES and self.deleted_at is None

    @property
    def asker_name(self) -> str:
        return self.author.get_username() if self.author else "A reader"

    @property
    def triage_info(self) -> dict[str, object]:
        """The stored triage in the shape pages show ({% triage_help %}); a question a moderator
        closed as an emergency is shown as one, whatever the rules said."""
        if self.close_reason == CloseReason.EMERGENCY and self.triage_level != TriageLevel.EMERGENCY:
            return {"level": TriageLevel.EMERGENCY.value, "crisis": self.triage_crisis,
                    "reasons": ["A moderator closed this question because it describes a possible emergency.",
                                *self.triage_reasons]}
        return {"level": self.triage_level, "reasons": self.triage_reasons, "crisis": self.triage_crisis}

    @property
    def is_emergency(self) -> bool:
        return self.triage_level == TriageLevel.EMERGENCY or self.close_reason == CloseReason.EMERGENCY

    def visible_answers(self) -> AnswerQuerySet:
        """The answers shown on this question's page to whoever may see the question."""
        return self.answers.shown()

    def mark_answered(self) -> None:
        """The one rule for becoming answered: an open question that gets a shown answer (posted,
        approved or accepted) is answered; a closed one stays closed."""
        if self.state == QuestionState.OPEN:
            self.state = QuestionState.ANSWERED
            self.save(update_fields=["state"])


class AnswerQuerySet(models.QuerySet["Answer"]):
    def not_deleted(self) -> AnswerQuerySet:
        return self.filter(deleted_at__isnull=True)

    def shown(self) -> AnswerQuerySet:
        """Not deleted and not hidden (an answer awaiting moderation is hidden too): shown on its
        question's page, whatever the state of the question."""
        return self.not_deleted().filter(hidden=False)

    def visible(self) -> AnswerQuerySet:
        """What any reader may see: shown, on a public question."""
        return self.shown().filter(question__state__in=PUBLIC_STATES, question__deleted_at__isnull=True)

    def by_experts(self) -> AnswerQuerySet:
        return self.filter(by_expert=True)

    def awaiting_moderation(self) -> AnswerQuerySet:
        return self.not_deleted().filter(awaiting_moderation=True)


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="community_answers"
    )
    # The badge is what the author was when they wrote it; a later loss of status is shown by expert_profile.
    by_expert = models.BooleanField(default=False)
    body = models.TextField(max_length=10000)
    body_html = models.TextField(blank=True)
    helpful_count = models.PositiveIntegerField(default=0)
    hidden = models.BooleanField(default=False)
    # A member's first answer waits for a moderator like a first question; while it waits it is
    # also hidden, so every "visible answers" filter leaves it out without knowing about this flag.
    awaiting_moderation = models.BooleanField(default=False, db_index=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["-by_expert", "-helpful_count", "created_at"]

    def __str__(self) -> str:
        return f"Answer {self.pk} to question {self.question_id}"

    def get_absolute_url(self) -> str:
        return f"{self.question.get_absolute_url()}#answer-{self.pk}"

    @property
    def author_name(self) -> str:
        return self.author.get_username() if self.author else "Former member"


class Vote(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["answer", "user"], name="one_vote_per_answer")]

    def __str__(self) -> str:
        return f"vote on answer {self.answer_id}"


class CommentStatus(models.TextChoices):
    PENDING = "pending", "Held for moderation"
    VISIBLE = "visible", "Visible"
    HIDDEN = "hidden", "Hidden by a moderator"
    REJECTED = "rejected", "Rejected"


class CommentQuerySet(models.QuerySet["Comment"]):
    def visible(self) -> CommentQuerySet:
        return self.filter(status=CommentStatus.VISIBLE)

    def awaiting_moderation(self) -> CommentQuerySet:
        return self.filter(status=CommentStatus.PENDING)


class Comment(models.Model):
    """A blog-style reply on an article or an answer; one level of replies."""

    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.CASCADE, related_name="comments")
    answer = models.ForeignKey(Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="community_comments"
    )
    name = models.CharField(max_length=80)
    email = models.EmailField()  # never shown: used to recognise returning commenters and nothing else
    website = models.URLField(max_length=200, blank=True)
    body = models.TextField(max_length=3000)
    body_html = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(article__isnull=False, answer__isnull=True)
                | models.Q(article__isnull=True, answer__isnull=False),
                name="comment_on_article_or_answer",
            )
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} by {self.name[:40]}"

    def get_absolute_url(self) -> str:
        target = self.article if self.article_id else self.answer
        assert target is not None
        return f"{target.get_absolute_url().split('#')[0]}#comment-{self.pk}"

    @property
    def is_visible(self) -> bool:
        return self.status == CommentStatus.VISIBLE

    @property
    def link(self) -> str:
        """The commenter's website, only when it is a plain web address (never javascript: and the like)."""
        return self.website if self.website.lower().startswith(("http://", "https://")) else ""


class RevisionKind(models.TextChoices):
    QUESTION = "question", "Question"
    ANSWER = "answer", "Answer"


class Revision(models.Model):
    """The text of a question or answer before an edit: the edit history."""

    kind = models.CharField(max_length=20, choices=RevisionKind.choices)
    object_id = models.PositiveBigIntegerField(db_index=True)
    title = models.CharField(max_length=150, blank=True)
    body = models.TextField()
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"revision of {self.kind} {self.object_id}"


class EmailOptOut(models.Model):
    """Addresses that unsubscribed, kept as a hash so the list itself reveals nobody."""

    email_hash = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=20, default="all")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return "opt-out"
