"""Sending an expert, moderator or admin to set up two-factor, and back to where they were going.

allauth's TOTP set-up ends on the recovery-codes page and knows nothing of `next`; the page
they were going to is kept in the session so that page can offer "Continue".
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

AFTER_TWO_FACTOR_KEY = "askwell_after_two_factor"


def safe_next(request: HttpRequest, url: str) -> str:
    """`url` if it stays on this site, else ""."""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return ""


def login_url_for(request: HttpRequest) -> str:
    """The sign-in page, coming back to this exact page (query string included) afterwards."""
    return f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}"


def send_to_two_factor_setup(request: HttpRequest, next_url: str, why: str) -> HttpResponse:
    """Explain why, remember where they were going, and open the authenticator-app set-up."""
    request.session[AFTER_TWO_FACTOR_KEY] = safe_next(request, next_url)
    messages.info(request, why)
    return redirect("mfa_activate_totp")


def after_two_factor_url(request: HttpRequest) -> str:
    """Where "Continue" leads once two-factor is set up: the page they wanted, else their account."""
    remembered = str(request.session.get(AFTER_TWO_FACTOR_KEY, ""))
    return safe_next(request, remembered) or reverse("accounts:account")
