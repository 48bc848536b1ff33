"""Forgery checks for the public forms that sit on whole-page-cached pages (comments, reports).

Cached HTML cannot carry a per-person CSRF token. Signed-in people never get cached pages, so
their posts are CSRF-checked as usual. Anonymous posts carry no session or identity a forged
request could abuse, so they are checked by Origin (when the browser sends one), and then by the
form's own defences: the honeypot, the signed fill-time stamp and the rate limits (spam.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlparse

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt, csrf_protect

View = Callable[..., HttpResponse]


def same_origin(request: HttpRequest) -> bool:
    """True when the browser says the post came from this site, or says nothing (old browsers,
    some privacy tools); a post from another site or an opaque origin ("null") is refused."""
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return origin is None
    return urlparse(origin).netloc == request.get_host()


def csrf_for_members_origin_for_anonymous(refusal: str) -> Callable[[View], View]:
    """A view decorator: a signed-in person's POST must carry the CSRF token; an anonymous
    visitor's POST must not come from another site (403 with `refusal` if it does)."""

    def decorate(view: View) -> View:
        protected = csrf_protect(view)

        @csrf_exempt
        @wraps(view)
        def checked(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if request.user.is_authenticated:
                return protected(request, *args, **kwargs)
            if request.method == "POST" and not same_origin(request):
                return HttpResponseForbidden(refusal)
            return view(request, *args, **kwargs)

        return checked

    return decorate
