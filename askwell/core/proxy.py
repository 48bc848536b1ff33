"""The client's real address behind a reverse proxy.

Behind nginx every request comes from the proxy's address, so per-IP rate limits, the sign-in
lockout (django-axes), allauth's limits and the logs would count the whole world as one person.
nginx sets `X-Real-IP` to the address it saw (deploy/nginx.conf.template); this middleware puts
it in REMOTE_ADDR, which every library reads, but only for requests that really come from a
proxy listed in ASKWELL_TRUSTED_PROXIES: anyone else could write that header themselves.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def real_client_address(meta: dict[str, str], trusted: frozenset[str]) -> str | None:
    """The address to use instead of REMOTE_ADDR, or None to keep it."""
    if meta.get("REMOTE_ADDR", "") not in trusted:
        return None
    claimed = meta.get("HTTP_X_REAL_IP", "").strip()
    try:
        return str(ipaddress.ip_address(claimed))
    except ValueError:
        return None


class RealClientAddressMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.trusted = frozenset(settings.ASKWELL_TRUSTED_PROXIES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.trusted:
            address = real_client_address(request.META, self.trusted)
            if address is not None:
                request.META["REMOTE_ADDR"] = address
        return self.get_response(request)
