"""Spam and abuse defences for every public form and the API. No third-party service:
nothing here sends anyone's text or address anywhere.

- a honeypot field and a minimum fill time (a signed time stamp) on every form;
- rate limits per IP and per account, counted in the shared cache (django-ratelimit);
- a link limit for new accounts and people without one;
- duplicate-post detection (same text from the same person within a window);
- a banned-words list moderators edit: a match holds the post for moderation.
"""

from __future__ import annotations

import hashlib
import re
import time
from functools import lru_cache
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.core import signing
from django.http import HttpRequest
from django.utils import timezone
from django_ratelimit.core import is_ratelimited

from askwell.core.errors import ActionError
from askwell.moderation.models import BannedWord

STAMP_SALT = "askwell.form-started"
# A stamp is made as each page leaves the server (see middleware.py), never cached, so an hour
# is long enough to write a post; an expired form keeps its text and comes back with a new stamp.
FORM_MAX_AGE = 3600
# What forms render instead of a stamp; FormStampMiddleware puts a fresh stamp in its place.
STAMP_PLACEHOLDER = "askwell-form-stamp-pending"
LINK = re.compile(r"(https?://|www\.)", re.IGNORECASE)
NEW_ACCOUNT_DAYS = 7
NEW_ACCOUNT_MAX_LINKS = 1
DUPLICATE_WINDOW_SECONDS = 24 * 3600

# scope -> (per IP, per account)
RATES = {
    "question": ("5/h", "10/h"),
    "answer": ("30/h", "30/h"),
    "comment": ("10/h", "20/h"),
    "vote": ("60/h", "60/h"),
    "flag": ("20/h", "20/h"),
    "api_read": ("300/m", "300/m"),
}


class SpamError(ActionError):
    """A post refused by a defence; the message is safe to show on the form."""


class RateLimited(SpamError):
    """Too many posts in a while: the only refusal that waiting cures (HTTP 429 on the API;
    every other SpamError is a problem with the post itself, a 400)."""


def stamp(now: float | None = None) -> str:
    if now is not None:
        return signing.dumps(int(now), salt=STAMP_SALT)
    return _stamp_of_second(int(time.time()))


@lru_cache(maxsize=2)
def _stamp_of_second(second: int) -> str:
    # A stamp has one-second resolution: every page served in the same second gets the same one,
    # signed once (the signature is an HMAC, and a busy page is served hundreds of times a second).
    return signing.dumps(second, salt=STAMP_SALT)


class GuardedForm(forms.Form):
    """Adds the honeypot and the fill-time stamp; subclass it (or mix it in) for public forms."""

    # Named to tempt form-filling robots; hidden from people and screen readers by the .honeypot class.
    homepage_url = forms.CharField(required=False, label="Leave this field empty", max_length=200)
    form_started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["homepage_url"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        # Re-rendered forms get a fresh stamp, so a person's second try is never "too fast" to fail again.
        # The stamp itself is filled in as the page leaves the server, after any page cache.
        self.initial["form_started"] = STAMP_PLACEHOLDER
        if self.is_bound:
            data = self.data.copy()  # type: ignore[attr-defined]
            self.submitted_stamp = data.get(self.add_prefix("form_started"), "")
            data[self.add_prefix("form_started")] = self.initial["form_started"]
            self.data = data

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if cleaned.get("homepage_url"):
            raise forms.ValidationError("This form could not be sent. Please try again.", code="honeypot")
        check_fill_time(getattr(self, "submitted_stamp", ""))
        return cleaned


def check_fill_time(value: str) -> None:
    try:
        started = int(signing.loads(value, salt=STAMP_SALT, max_age=FORM_MAX_AGE))
    except signing.SignatureExpired as error:
        raise forms.ValidationError(
            "This form was open too long and has expired. Your text is kept: please send it again.", code="expired"
        ) from error
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise forms.ValidationError("This form could not be checked. Please send it again.", code="stamp") from error
    if time.time() - started > FORM_MAX_AGE:
        raise forms.ValidationError(
            "This form was open too long and has expired. Your text is kept: please send it again.", code="expired"
        )
    if time.time() - started < settings.ASKWELL_MIN_FILL_SECONDS:
        raise forms.ValidationError(
            "That was sent very fast, faster than we expect a person to check their text, so nothing is sent yet. "
            "Your text is kept: please look it over and press the button again.", code="fast")


def check_rate(request: HttpRequest, scope: str) -> None:
    per_ip, per_account = RATES[scope]
    limited = is_ratelimited(request, group=f"askwell:{scope}:ip", key="ip", rate=per_ip, increment=True)
    if request.user.is_authenticated:
        limited = (
            is_ratelimited(request, group=f"askwell:{scope}:user", key="user", rate=per_account, increment=True)
            or limited
        )
    if limited:
        raise RateLimited("You have sent a lot in a short time. Please wait a while and try again.")


def is_new_account(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return True
    joined = getattr(user, "date_joined", None)
    return joined is None or (timezone.now() - joined).days < NEW_ACCOUNT_DAYS


def check_links(user: User | AnonymousUser, *texts: str) -> None:
    if not is_new_account(user):
        return
    links = sum(len(LINK.findall(text)) for text in texts)
    if links > NEW_ACCOUNT_MAX_LINKS:
        raise SpamError(
            f"New accounts may include at most {NEW_ACCOUNT_MAX_LINKS} link in a post. Please remove the others."
        )


def banned_phrase(*texts: str) -> str | None:
    joined = " ".join(texts).casefold()
    for phrase in BannedWord.objects.values_list("phrase", flat=True):
        if re.search(rf"\b{re.escape(phrase.casefold())}\b", joined):
            return phrase
    return None


def content_hash(*parts: str) -> str:
    normal = "\n".join(" ".join(part.casefold().split()) for part in parts)
    return hashlib.sha256(normal.encode()).hexdigest()


def email_hash(email: str) -> str:
    return hashlib.sha256(email.strip().casefold().encode()).hexdigest()
