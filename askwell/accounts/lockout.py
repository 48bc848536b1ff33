"""django-axes: failed sign-ins are counted in the database (so every worker and app server
sees the same count) and lock out the address-and-IP pair, and an IP, for an hour.

allauth's own login_failed rate limit counts in the cache as well; axes is the lockout that
holds even when the cache is per process."""

from __future__ import annotations

from collections.abc import Mapping

from django.http import HttpRequest


def login_name(request: HttpRequest, credentials: Mapping[str, object] | None) -> str:
    """The name a sign-in tried: allauth passes the address as email= (or username=); the
    form field is "login"."""
    for key in ("email", "username", "login"):
        value = (credentials or {}).get(key) or (request.POST.get(key) if request.method == "POST" else None)
        if value:
            return str(value).strip().lower()[:255]
    return ""
