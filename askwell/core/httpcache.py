"""HTTP caching and compression for every response: ETags and 304s, Cache-Control, gzip/brotli.

Pages from the page cache (core/pagecache.py) arrive with their `CachedPage`: they get its
ETag and Last-Modified, a conditional GET that matches is answered 304 with no body, and the
body is sent in the encoding the page was stored with (brotli or gzip, compressed once when
the page was cached; a page's fill-time stamp is spliced into its gzip form, see pagecache).
They are `public` but revalidated on every use (`max-age=0, must-revalidate`), so a new
answer or comment shows at once, and they vary on Cookie: signed-in people see other pages.

Everything else that is HTML gets `private, no-cache` unless its view said otherwise (a page
for a signed-in person, or one with a CSRF token, must never be kept by a shared cache),
and text responses are gzipped per request by Django's GZipMiddleware (with its BREACH
mitigation), since they differ every time.

Sits right after SecurityMiddleware, so it sees each response after every other middleware
(including FormStampMiddleware) has finished with the body.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from askwell.core.pagecache import CachedPage, StampedCopy, spliced_gzip

PUBLIC_REVALIDATE = "public, max-age=0, must-revalidate"
PRIVATE = "private, no-cache"
COMPRESSIBLE_TYPES = ("text/", "application/json", "application/xml", "application/rss", "application/atom",
                      "application/javascript", "image/svg+xml")


def accepted_encodings(request: HttpRequest) -> set[str]:
    """Codings the client accepts (q=0 means refused)."""
    accepted = set()
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").lower().split(","):
        coding, _, params = part.strip().partition(";")
        quality = params.strip()
        if quality.startswith("q=") and quality[2:].strip() in {"0", "0.0", "0.00", "0.000"}:
            continue
        if coding:
            accepted.add(coding.strip())
    return accepted


def filled_stamp(page: CachedPage, content: bytes) -> bytes | None:
    """The text that was put in place of the page's placeholders, or None when the body is not
    the stored page with one stamp filled in (then it is compressed afresh, not spliced)."""
    segments = page.segments
    gaps = len(segments) - 1
    extra = len(content) - sum(len(segment) for segment in segments)
    if gaps == 0:
        return b"" if extra == 0 and content == segments[0] else None
    if extra < 0 or extra % gaps:
        return None
    start = len(segments[0])
    stamp = content[start:start + extra // gaps]
    return stamp if stamp.join(segments) == content else None


def gzip_from_page(page: CachedPage, content: bytes) -> bytes | None:
    stamp = filled_stamp(page, content)
    return None if stamp is None else spliced_gzip(page, stamp, content)


def encode_page(request: HttpRequest, response: HttpResponse, page: CachedPage) -> bool:
    """Send the stored encoding of the page; False when none applies."""
    if page.deflate_segments is None or response.status_code != 200:
        return False
    patch_vary_headers(response, ("Accept-Encoding",))
    accepted = accepted_encodings(request)
    body: bytes | None = None
    coding = ""
    content = response.content
    # The copy with this second's stamp, gzipped once per second (pagecache.stamped_copy), when
    # nothing has changed the body since; otherwise the stamp is found and spliced in here.
    stamped = getattr(response, "stamped", None)
    if not (isinstance(stamped, StampedCopy) and stamped.page.etag == page.etag and content == stamped.body):
        stamped = None
    if "br" in accepted and page.brotli_body is not None and content == page.body:
        body, coding = page.brotli_body, "br"
    elif "gzip" in accepted:
        body = stamped.gzip_body if stamped is not None else gzip_from_page(page, content)
        coding = "gzip"
    if body is None:
        return False
    response.content = body
    response["Content-Encoding"] = coding
    response["Content-Length"] = str(len(body))
    return True


def is_compressible(response: HttpResponseBase) -> bool:
    return (not response.streaming and not response.has_header("Content-Encoding")
            and response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES))


class HttpCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.gzip = GZipMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        page = getattr(response, "cached_page", None)
        if isinstance(page, CachedPage) and isinstance(response, HttpResponse):
            return self.cached(request, response, page)
        if response.get("Content-Type", "").startswith("text/html") and not response.has_header("Cache-Control"):
            response["Cache-Control"] = PRIVATE
        return self.gzipped(request, response)

    def gzipped(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        # GZipMiddleware alone would also gzip for "gzip;q=0".
        if is_compressible(response) and "gzip" in accepted_encodings(request):
            return self.gzip.process_response(request, response)
        return response

    def cached(self, request: HttpRequest, response: HttpResponse, page: CachedPage) -> HttpResponseBase:
        response["ETag"] = page.etag
        response["Last-Modified"] = http_date(int(page.last_modified))
        response["Cache-Control"] = PUBLIC_REVALIDATE
        patch_vary_headers(response, ("Cookie",))
        conditional = get_conditional_response(
            request, etag=page.etag, last_modified=int(page.last_modified), response=response
        )
        if conditional is not None and conditional is not response:
            return conditional  # 304 Not Modified (or 412 for a failed If-Match)
        if encode_page(request, response, page):
            return response
        return self.gzipped(request, response)
