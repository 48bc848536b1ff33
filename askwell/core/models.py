"""Site-wide settings an admin edits without touching code (contact details and the like)."""

from __future__ import annotations

from django.core.cache import cache
from django.core.validators import RegexValidator
from django.db import models

PHONE = RegexValidator(r"^\+?[0-9 ()-]{6,20}$", "Enter a phone number of digits, spaces and an optional leading +.")
CACHE_KEY = "core:site-settings"


class SiteSettings(models.Model):
    """A single row (pk=1) of site-wide details, cached for every page."""

    site_name = models.CharField(max_length=80, default="askwell")
    tagline = models.CharField(max_length=200, default="Clear, checked answers to health questions, free.")
    postal_address = models.TextField(
        default="askwell\nc/o The Open Health Collective\n1 Example Street\nLondon N1 0AA\nUnited Kingdom"
    )
    phone = models.CharField(max_length=30, default="+44 20 7946 0000", validators=[PHONE])
    whatsapp_number = models.CharField(
        max_length=30, default="+44 7700 900000", validators=[PHONE],
        help_text="Shown as a WhatsApp click-to-chat link. International format.",
    )
    website = models.URLField(default="https://askwell.example")
    contact_hours = models.CharField(max_length=120, default="Monday to Friday, 9am to 5pm (UK time)")
    emergency_advice = models.CharField(
        max_length=200,
        default="In an emergency call 999 (UK), 112 (EU) or 911 (US), or go to the nearest emergency department.",
    )

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self) -> str:
        return "Site settings"

    def save(self, *args: object, **kwargs: object) -> None:
        self.pk = 1
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        cache.delete(CACHE_KEY)

    @property
    def whatsapp_link(self) -> str:
        digits = "".join(ch for ch in self.whatsapp_number if ch.isdigit())
        return f"https://wa.me/{digits}"

    @property
    def phone_link(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @classmethod
    def current(cls) -> SiteSettings:
        settings = cache.get(CACHE_KEY)
        if settings is None:
            settings, _ = cls.objects.get_or_create(pk=1)
            cache.set(CACHE_KEY, settings, 300)
        return settings  # type: ignore[no-any-return]
