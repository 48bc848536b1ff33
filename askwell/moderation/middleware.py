"""Fill-time stamps are made as each response leaves the server, never served from a cache.

Article and home pages are whole-page cached for anonymous readers (core/pagecache.py), and
their comment and report forms carry the signed "form opened at" stamp the fill-time check
reads. A stamp baked into cached HTML would be the same for every reader for minutes, so a
robot loading the page and posting at once would pass the minimum fill time. Forms therefore
render a placeholder (spam.STAMP_PLACEHOLDER) and this middleware, which runs after the view
and its page cache, puts a stamp of this very moment in its place: the cached HTML holds no
stamp, and every copy served, cached or not, gets its own. No JavaScript needed.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from askwell.core.pagecache import CachedPageResponse, fill_stamps
from askwell.moderation.spam import STAMP_PLACEHOLDER, stamp

PLACEHOLDER = STAMP_PLACEHOLDER.encode()


class FormStampMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if isinstance(response, CachedPageResponse):
            fill_stamps(response)  # the page with this second's stamp, made once per second
            return response
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and PLACEHOLDER in response.content
        ):
            response.content = response.content.replace(PLACEHOLDER, stamp().encode())
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
