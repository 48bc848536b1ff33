"""Whole-page caching for anonymous readers, invalidated when content or settings change.

Anonymous pages that are the same for everyone (home, articles, topic redirects, ...) are
rendered once and kept in the cache as a `CachedPage`: the body, its ETag, and its gzip and
brotli encodings, compressed once when the page is stored, never per request (the HTTP side,
304s and content negotiation, is askwell/core/httpcache.py).

Every stored page carries the content version it was rendered at. A write that changes what
pages show bumps the version (`bump_content_version`, on commit), which retires every cached
page at once. A lookup reads the version and the page in a single `get_many` (one MGET, one
round trip with Redis) and serves the page only when the two versions agree.

Forms in cached pages render a placeholder where their fill-time stamp goes, and
moderation's FormStampMiddleware puts a fresh stamp there as each response leaves. So the
body is kept split at the placeholder, and its gzip form as raw deflate pieces that end on a
byte boundary: the per-request stamp is compressed on its own (a few dozen bytes) and spliced
in between them. Brotli streams cannot be spliced, so a page with a stamp is offered gzip only.
"""

from __future__ import annotations

import hashlib
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache as once

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

VERSION_KEY = "core:content-version"
# Statuses a page may be cached with: a page, or a permanent redirect (the /t/<slug>/ links).
CACHEABLE_STATUSES = frozenset({200, 301})
GZIP_LEVEL = 9  # once per stored page, so the best ratio is worth its few milliseconds
BROTLI_QUALITY = 11
# Headers a view sets that belong to the page itself, so every cached copy carries them.
KEPT_HEADERS = ("Location", "X-Robots-Tag", "Content-Language")
MIN_COMPRESS_BYTES = 200  # below this the encoding's own overhead eats the saving


@once
def placeholder() -> bytes:
    # Imported late: core.models imports this module, and moderation's models import core's.
    from askwell.moderation.spam import STAMP_PLACEHOLDER

    return STAMP_PLACEHOLDER.encode()


@dataclass(frozen=True, slots=True)
class CachedPage:
    version: int
    status: int
    content_type: str
    headers: tuple[tuple[str, str], ...]  # the KEPT_HEADERS the view set (a redirect's Location ...)
    body: bytes  # as the view rendered it, stamp placeholders and all (FormStampMiddleware fills them in)
    etag: str  # weak: copies differ only in their fill-time stamps
    last_modified: float  # when this copy was rendered (epoch seconds)
    deflate_segments: tuple[bytes, ...] | None  # raw deflate, each piece byte-aligned; the last one final
    brotli_body: bytes | None  # only for pages without a stamp

    @property
    def segments(self) -> list[bytes]:
        """The body split at each stamp placeholder."""
        return self.body.split(placeholder())

    @property
    def has_stamp(self) -> bool:
        return placeholder() in self.body


def _deflate_piece(data: bytes, final: bool, level: int = GZIP_LEVEL) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    # Z_FULL_FLUSH ends on a byte boundary with no back-references past it, so independently
    # compressed pieces concatenate into one valid deflate stream; only the last is final.
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


def build_page(version: int, response: HttpResponse) -> CachedPage:
    body = response.content
    segments = body.split(placeholder())
    compress = len(body) >= MIN_COMPRESS_BYTES
    deflate_segments = None
    brotli_body = None
    if compress:
        deflate_segments = tuple(
            _deflate_piece(segment, final=index == len(segments) - 1) for index, segment in enumerate(segments)
        )
        if len(segments) == 1:
            brotli_body = brotli.compress(body, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY)
    return CachedPage(
        version=version,
        status=response.status_code,
        content_type=response["Content-Type"],
        headers=tuple((name, response[name]) for name in KEPT_HEADERS if response.has_header(name)),
        body=body,
        etag='W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
        last_modified=time.time(),
        deflate_segments=deflate_segments,
        brotli_body=brotli_body,
    )


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


def page_key(name: str) -> str:
    return f"page:{name}"


def lookup(name: str, any_version: bool = False) -> tuple[int, CachedPage | None]:
    """The current content version and the stored page if it is of that version (or of any,
    with `any_version`): one round trip."""
    key = page_key(name)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        return 1, None
    page = found.get(key)
    if isinstance(page, CachedPage) and (any_version or page.version == int(version)):
        return int(version), page
    return int(version), None


class CachedPageResponse(HttpResponse):
    """A response served from (or just stored in) the page cache, carrying its `CachedPage`:
    httpcache.HttpCacheMiddleware reads the ETag and the compressed forms from it."""

    cached_page: CachedPage


def response_for(page: CachedPage, hit: bool) -> CachedPageResponse:
    response = CachedPageResponse(page.body, content_type=page.content_type, status=page.status)
    for name, value in page.headers:
        response[name] = value
    response["X-Page-Cache"] = "hit" if hit else "miss"
    response.cached_page = page
    return response


def cached_for_anonymous(request: HttpRequest, name: str, render: Callable[[], HttpResponse],
                         vary_on_query: bool = False, keep_for: int | None = None) -> HttpResponse:
    """The page `name` from the cache for anonymous GETs, else `render()` (and keep it).

    A page with a query string is rendered afresh unless `vary_on_query`: then the caller has
    put every parameter it reads, validated, into `name` (and ignores the rest). With
    `keep_for`, the page is kept that many seconds whatever changes meanwhile (for pages that
    may lag, such as sitemap pages, which are costly to render)."""
    seconds = settings.CACHE_PAGES_SECONDS
    is_anonymous = not request.user.is_authenticated
    if not seconds or not is_anonymous or request.method != "GET" or (request.GET and not vary_on_query):
        return render()
    if keep_for is not None:
        seconds = keep_for
    version, page = lookup(name, any_version=keep_for is not None)
    if page is not None:
        return response_for(page, hit=True)
    response = render()
    if getattr(response, "skip_page_cache", False):
        return response  # the view said this one must be rendered every time
    if response.status_code in CACHEABLE_STATUSES and not response.streaming and not response.cookies:
        page = build_page(version, response)
        cache.set(page_key(name), page, seconds)
        fresh = response_for(page, hit=False)
        for header, value in response.items():
            if not fresh.has_header(header) and header.lower() != "content-length":
                fresh[header] = value
        return fresh
    return response
