"""Whole-page caching for anonymous readers, invalidated when content or settings change.

Anonymous article and home pages are the same for everyone, so the rendered HTML is kept
in the cache under a key that includes a content version; bumping the version (after a
content load or a settings edit) retires every cached page at once.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

VERSION_KEY = "core:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return int(version)


def bump_content_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def cached_for_anonymous(request: HttpRequest, name: str, render: Callable[[], HttpResponse]) -> HttpResponse:
    seconds = settings.CACHE_PAGES_SECONDS
    is_anonymous = not request.user.is_authenticated
    if not seconds or not is_anonymous or request.method != "GET" or request.GET:
        return render()
    key = f"page:{content_version()}:{name}"
    cached = cache.get(key)
    if cached is not None:
        body, content_type = cached
        response = HttpResponse(body, content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response
    response = render()
    if response.status_code == 200 and not response.streaming:
        cache.set(key, (response.content, response["Content-Type"]), seconds)
        response["X-Page-Cache"] = "miss"
    return response
