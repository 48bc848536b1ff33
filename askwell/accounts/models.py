"""Roles beyond a plain member: verified experts (by application) and moderators (a group)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from askwell.knowledge.models import Topic

MODERATORS_GROUP = "moderators"


class ExpertStatus(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    VERIFIED = "verified", "Verified"
    DECLINED = "declined", "Declined"


class ExpertProfile(models.Model):
    """A person's application to answer as an expert; once verified, their public expert profile."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_profile")
    profession = models.CharField(max_length=120)
    registration_body = models.CharField(max_length=160)
    registration_number = models.CharField(max_length=60)
    bio = models.TextField(max_length=2000)
    status = models.CharField(max_length=20, choices=ExpertStatus.choices, default=ExpertStatus.PENDING)
    decline_reason = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    topics = models.ManyToManyField(Topic, blank=True, related_name="experts")

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.profession}, {self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("accounts:expert", kwargs={"username": self.user.get_username()})

    @property
    def is_verified(self) -> bool:
        return self.status == ExpertStatus.VERIFIED
