"""Moderation records: the audit log, reader flags and the banned-words list."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEntry(models.Model):
    """One moderation or role action: who did what to which object, when and why. Never edited."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=60)
    target_type = models.CharField(max_length=40)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.target_type}#{self.target_id}"


class FlagQuerySet(models.QuerySet["Flag"]):
    def unresolved(self) -> FlagQuerySet:
        return self.filter(resolved=False)


class Flag(models.Model):
    """A reader's report that a post breaks the rules; it puts the post in the queue."""

    target_type = models.CharField(max_length=40)  # "question", "answer" or "comment"
    target_id = models.PositiveBigIntegerField()
    reason = models.CharField(max_length=300)
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)
    resolved = models.BooleanField(default=False)

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"flag on {self.target_type}#{self.target_id}"


class BannedWord(models.Model):
    """A word or phrase that holds a post for moderation. Moderators edit the list in the queue."""

    phrase = models.CharField(max_length=100, unique=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["phrase"]

    def __str__(self) -> str:
        return self.phrase
