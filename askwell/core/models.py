"""Site-wide settings an admin edits without touching code (contact details, help numbers)."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import DatabaseError, models, transaction

from askwell.core.pagecache import bump_content_version, version_with

PHONE = RegexValidator(r"^\+?[0-9 ()-]{6,20}$", "Enter a phone number of digits, spaces and an optional leading +.")
# Help numbers are often short (999, 111, 988, 85258) or grouped ("116 123", "1-800-273-8255").
HELP_NUMBER = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{1,19}$",
    "Enter the number as people dial it: digits, with optional spaces, dashes or a leading +.",
)
TEXT_KEYWORD = RegexValidator(r"^[A-Za-z0-9]{1,20}$", "Enter one word of letters or digits, e.g. SHOUT.")
CACHE_KEY = "core:site-settings"

# The last settings this process read. The 500 page and the command line fall back to it
# when the cache and the database cannot be reached (see SiteSettings.without_database).
_last_known: SiteSettings | None = None


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

    # Help numbers: every page, the API and the command line read them from here, so a site
    # in another country changes them in the admin, not in code (docs/help-numbers.md).
    emergency_number = models.CharField(
        max_length=20, default="999", validators=[HELP_NUMBER],
        help_text="The number to call for an ambulance in an emergency (999 in the UK, 911 in the US, 112 in the EU).",
    )
    emergency_department = models.CharField(
        max_length=60, default="A&E",
        help_text="What people call the hospital emergency department, as in “go to the nearest …” "
                  "(A&E in the UK, the emergency room in the US).",
    )
    emergency_advice = models.CharField(
        max_length=200,
        default="In an emergency call 999 or go to the nearest A&E.",
        help_text="The one-sentence emergency advice at the foot of every page. It must contain the emergency number.",
    )
    urgent_line_name = models.CharField(
        max_length=80, default="NHS 111", blank=True,
        help_text="Where to get medical advice today when it is not an emergency (a nurse or doctor line), "
                  "or, without one national line, where to go instead (“your doctor or an urgent care center”). "
                  "Leave the urgent-line fields empty to show none.",
    )
    urgent_line_number = models.CharField(
        max_length=20, default="111", blank=True, validators=[HELP_NUMBER],
        help_text="The urgent advice line's phone number, if it has one.",
    )
    urgent_line_url = models.URLField(
        default="https://111.nhs.uk/", blank=True, help_text="The urgent advice line's website, if it has one.",
    )
    urgent_line_hours = models.CharField(
        max_length=80, default="open 24 hours", blank=True,
        help_text="When the urgent advice line is open, e.g. “open 24 hours”.",
    )
    crisis_intro = models.CharField(
        max_length=200,
        default="You do not have to face this alone. You can talk to someone right now, whatever the time.",
        help_text="The first words shown to someone who writes about suicidal thoughts or self-harm.",
    )
    crisis_line_name = models.CharField(
        max_length=80, default="Samaritans",
        help_text="A crisis line open 24 hours for people thinking about suicide or self-harm.",
    )
    crisis_line_number = models.CharField(max_length=20, default="116 123", validators=[HELP_NUMBER])
    crisis_line_hours = models.CharField(
        max_length=80, default="free, open 24 hours, every day",
        help_text="When the crisis line answers and what it costs. It should be open 24 hours.",
    )
    crisis_line_url = models.URLField(default="https://www.samaritans.org/", blank=True)
    crisis_text_keyword = models.CharField(
        max_length=20, default="SHOUT", blank=True, validators=[TEXT_KEYWORD],
        help_text="A crisis text service: the word to text (leave both text fields empty if there is none).",
    )
    crisis_text_number = models.CharField(
        max_length=20, default="85258", blank=True, validators=[HELP_NUMBER],
        help_text="The number to send that word to.",
    )
    crisis_text_name = models.CharField(
        max_length=80, default="Shout", blank=True,
        help_text="Who answers the texts, e.g. Shout (UK) or Crisis Text Line (US).",
    )
    crisis_text_hours = models.CharField(max_length=80, default="free, 24 hours a day", blank=True)

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self) -> str:
        return "Site settings"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(CACHE_KEY)
        _remember(self)
        # Cached pages carry the help numbers: retire them all once the change is committed.
        transaction.on_commit(bump_content_version)

    def clean(self) -> None:
        """The help numbers must be usable as a set: a half-filled line would send people nowhere."""
        problems: dict[str, str] = {}
        number = self.emergency_number.strip()
        if number and number not in self.emergency_advice:
            problems["emergency_advice"] = (
                f"Say the emergency number ({number}) in the advice, so every page gives the same number."
            )
        # A country without one national line may name where to go instead ("your doctor's
        # after-hours line or an urgent care center"), with no number; a number needs a name.
        if not self.urgent_line_name.strip() and (self.urgent_line_number.strip() or self.urgent_line_url.strip()):
            problems["urgent_line_name"] = "Name the urgent advice line, so people know who they are calling."
        if bool(self.crisis_text_keyword.strip()) != bool(self.crisis_text_number.strip()):
            problems["crisis_text_number"] = "Give both the word to text and the number to text it to, or neither."
        elif self.crisis_text_number.strip() and not self.crisis_text_name.strip():
            problems["crisis_text_name"] = "Name the crisis text service."
        if problems:
            raise ValidationError(problems)

    @property
    def whatsapp_link(self) -> str:
        digits = "".join(ch for ch in self.whatsapp_number if ch.isdigit())
        return f"https://wa.me/{digits}"

    @property
    def phone_link(self) -> str:
        return tel_link(self.phone)

    @property
    def has_urgent_line(self) -> bool:
        return bool(self.urgent_line_name.strip())

    @property
    def has_crisis_text(self) -> bool:
        return bool(self.crisis_text_keyword.strip() and self.crisis_text_number.strip())

    @classmethod
    def current(cls) -> SiteSettings:
        # Kept with the content version it was read at: an edit bumps the version once it
        # commits, so every worker reads the row again at once (with the memory cache, each
        # worker holds its own copy, which cache.delete in save() reaches in one worker only).
        version, cached = version_with(CACHE_KEY)
        kept = _kept_settings(cached, cls)
        if kept is not None and isinstance(cached, tuple) and cached[0] == version:
            settings = kept
        else:
            settings, _ = cls.objects.get_or_create(pk=1)
            cache.set(CACHE_KEY, (version, settings), 300)
        _remember(settings)
        return settings

    @classmethod
    def current_or_fallback(cls) -> SiteSettings:
        """For the command line, which also works before the database exists."""
        try:
            return cls.current()
        except DatabaseError:
            return cls.without_database()

    @classmethod
    def without_database(cls) -> SiteSettings:
        """The settings without touching the database, for the 500 page and for commands run
        before the database exists: the cached row, else the last row this process read, else
        the defaults. The error being shown may be the database itself, and a help number
        must never be the thing that fails."""
        try:
            cached = cache.get(CACHE_KEY)
        except Exception:  # noqa: BLE001 - a cache outage (Redis down) must not hide the help numbers
            cached = None
        kept = _kept_settings(cached, cls)
        if kept is not None:
            return kept
        return _last_known if _last_known is not None else cls()


def _kept_settings(cached: object, kind: type[SiteSettings]) -> SiteSettings | None:
    """The settings in a cache entry (version, settings), whatever the version."""
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[1], kind):
        return cached[1]
    return None


def _remember(settings: SiteSettings) -> None:
    global _last_known
    _last_known = settings


def tel_link(number: str) -> str:
    """A tel: link for a number as written ("116 123" -> "tel:116123")."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")
