"""Refuse input no page or API field can hold, before any view or database sees it.

A NUL character cannot be stored by PostgreSQL (SQLite would keep it), and a lone UTF-16
surrogate (``"\\ud800"`` in JSON) cannot be encoded at all, so either one anywhere in the
path, the query string, a cookie, a form field or a JSON body is answered with 400, the same
way on every database: JSON ``{"detail": ...}`` under /api/, a plain page elsewhere.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.http.multipartparser import MultiPartParserError

API_PREFIX = "/api/"
NUL = "\x00"
# Instant-answer searches read their query only as text (never stored, never sent to the
# database as a value) and clean control characters themselves: a NUL there is just noise.
SEARCH_PATHS = frozenset({"/api/v1/answers", "/search/"})


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def unusable(text: str) -> bool:
    """True for text with a NUL or a lone surrogate in it."""
    if NUL in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _json_strings(body: bytes) -> Iterable[str]:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return ()  # not JSON: the API's own parser answers that
    return _strings(data)


def _request_texts(request: HttpRequest) -> Iterable[str]:
    yield request.path
    if request.path_info not in SEARCH_PATHS:
        for key, values in request.GET.lists():
            yield key
            yield from values
    for key, value in request.COOKIES.items():
        yield key
        yield value
    if request.method in {"POST", "PUT", "PATCH", "DELETE"}:
        body = request.body  # read once and kept, so the view can still parse it
        if (request.content_type or "").endswith("json"):
            yield from _json_strings(body)
        else:
            for key, values in request.POST.lists():
                yield key
                yield from values


def refuse(request: HttpRequest, detail: str) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": detail}, status=400)
    return HttpResponseBadRequest(detail, content_type="text/plain; charset=utf-8")


class RefuseUnstorableInputMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            bad = any(unusable(text) for text in _request_texts(request))
        except MultiPartParserError:
            return refuse(request, "The form data could not be read.")
        if bad:
            return refuse(request, "The request contains a NUL character or invalid Unicode; remove it and try again.")
        return self.get_response(request)
