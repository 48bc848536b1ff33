"""Whole-page caching for anonymous readers, invalidated when content or settings change.

Anonymous pages that are the same for everyone (home, articles, topic redirects, ...) are
rendered once and kept in the cache as a `CachedPage`: the body, its ETag, and its gzip and
brotli encodings, compressed once when the page is stored, never per request (the HTTP side,
304s and content negotiation, is askwell/core/httpcache.py).

Every stored page carries the content version it was rendered at. A write that changes what
pages show bumps the version (`bump_content_version`, on commit), which retires every cached
page at once, in every worker and on every server. The version lives where every process
that serves pages reads it: in Redis when there is one (one small GET per hit; a page fetched
from Redis is kept in this process too, so only the version travels), otherwise, with the
per-process memory cache, in a memory-mapped file beside the database that every worker on the
machine reads without a system call (`SharedCounter`). A version is never reused: a missing one
starts from the clock, so a flushed Redis or a new file cannot bring back an old page.

`CachedPageMiddleware` serves a hit near the top of the middleware, before sessions, CSRF,
authentication, messages and URL resolution: for a GET with no cookie (so the reader cannot be
signed in) to an address whose view said, earlier in this process, which cached page it is.

Forms in cached pages render a placeholder where their fill-time stamp goes, and
moderation's FormStampMiddleware puts a fresh stamp there as each response leaves. So the
body is kept split at the placeholder, and its gzip form as raw deflate pieces that end on a
byte boundary: the per-request stamp is compressed on its own (a few dozen bytes) and spliced
in between them. Brotli streams cannot be spliced, so a page with a stamp is offered gzip only.
"""

from __future__ import annotations

import fcntl
import hashlib
import mmap
import os
import struct
import sys
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache as once
from functools import lru_cache
from pathlib import Path

import brotli
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseBase

VERSION_KEY = "core:content-version"
# Statuses a page may be cached with: a page, or a permanent redirect (the /t/<slug>/ links).
CACHEABLE_STATUSES = frozenset({200, 301})
GZIP_LEVEL = 9  # once per stored page, so the best ratio is worth its few milliseconds
# Not 11, brotli's best: a page is compressed again after every content change (any new comment
# or answer), and a search or API answer for every question asked, where quality 11 cost 53 ms
# for an article and 6 ms for an answer (more than the engine) against 1.5 and 0.24 ms at 5,
# for files 13% larger, still smaller than gzip's.
BROTLI_QUALITY = 5
# Headers a view sets that belong to the page itself, so every cached copy carries them.
KEPT_HEADERS = ("Location", "X-Robots-Tag", "Content-Language")
MIN_COMPRESS_BYTES = 200  # below this the encoding's own overhead eats the saving
# Pages fetched from a shared cache (Redis) are kept in each process up to this many bytes
# (body and its compressed forms), the least recently served dropped first.
LOCAL_COPIES_BYTES = 32 * 1024 * 1024
# Addresses the middleware knows the page of, per process (most recently served kept), and the
# longest it remembers: a page read with any query string would otherwise let anyone fill
# memory with long made-up addresses (those still get the page from the view's cache lookup).
KNOWN_ADDRESSES = 20_000
KNOWN_ADDRESS_MAX_CHARS = 400


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
    seconds: int  # how long it is kept
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


def build_page(version: int, response: HttpResponse, seconds: int) -> CachedPage:
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
        seconds=seconds,
        deflate_segments=deflate_segments,
        brotli_body=brotli_body,
    )


def fresh_version() -> int:
    """Where a missing version starts: microseconds of the clock, above any version handed out
    before (a bump adds one), so no page stored under an old version is ever current again."""
    return time.time_ns() // 1000


class SharedCounter:
    """A 64-bit counter in a memory-mapped file: every process on this machine that maps it
    reads the same value, with no system call; a bump holds an exclusive lock on the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            if os.fstat(descriptor).st_size < 8:
                os.ftruncate(descriptor, 8)
                os.pwrite(descriptor, fresh_version().to_bytes(8, "little"), 0)
            self.map = mmap.mmap(descriptor, 8)  # stays valid once the descriptor is closed
        finally:
            # Unlocked by hand: the map keeps a duplicate of the descriptor, which would hold the lock.
            fcntl.flock(descriptor, fcntl.LOCK_UN)
            os.close(descriptor)

    def read(self) -> int:
        while True:  # read twice: a read that raced a bump's write is read again
            first, second = self.map[:8], self.map[:8]
            if first == second:
                return int.from_bytes(first, "little")

    def bump(self) -> int:
        descriptor = os.open(self.path, os.O_RDWR)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            value = self.read() + 1
            self.map[:8] = value.to_bytes(8, "little")
            return value
        finally:
            os.close(descriptor)


_counters: dict[str, SharedCounter] = {}


def version_file() -> SharedCounter | None:
    """The machine-wide counter when pages are kept in each process's own memory (no Redis):
    a version in that memory would be bumped in one worker only, and the others would serve
    their old pages. None when the cache is shared (Redis), which then keeps the version."""
    if not isinstance(caches["default"], LocMemCache):
        return None
    path = str(settings.ASKWELL_CONTENT_VERSION_FILE)
    counter = _counters.get(path)
    if counter is None:
        counter = _counters[path] = SharedCounter(Path(path))
    return counter


def content_version() -> int:
    counter = version_file()
    if counter is not None:
        return counter.read()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, fresh_version(), None)
        version = cache.get(VERSION_KEY, 0)
    return int(version)


def bump_content_version() -> None:
    counter = version_file()
    if counter is not None:
        counter.bump()
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, fresh_version(), None)


def page_key(name: str) -> str:
    return f"page:2:{name}"  # 2: the CachedPage with `seconds`; older pickles are never read


class LocalCopies:
    """Pages this process fetched from a shared cache, so a hit reads only the version from
    Redis, not the page (tens of kilobytes, unpickled each time). A copy is used only while the
    version it was rendered at is current and its lifetime has not run out."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self.pages: OrderedDict[str, CachedPage] = OrderedDict()
        self.lock = threading.Lock()

    @staticmethod
    def weight(page: CachedPage) -> int:
        return len(page.body) + sum(map(len, page.deflate_segments or ())) + len(page.brotli_body or b"")

    def get(self, name: str, version: object) -> CachedPage | None:
        page = self.pages.get(name)
        if page is None or page.version != version or time.time() > page.last_modified + page.seconds:
            return None
        return page

    def keep(self, name: str, page: CachedPage) -> None:
        with self.lock:
            old = self.pages.pop(name, None)
            if old is not None:
                self.size -= self.weight(old)
            self.pages[name] = page
            self.size += self.weight(page)
            while self.size > self.budget and self.pages:
                _, dropped = self.pages.popitem(last=False)
                self.size -= self.weight(dropped)

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()
            self.size = 0


local_copies = LocalCopies(LOCAL_COPIES_BYTES)


def _is_redis(backend: object) -> bool:
    """Whether a cache is the Redis one, without importing redis-py (a tenth of a second of
    start-up) in processes that have no Redis: a RedisCache exists only once its module is loaded."""
    rediscache = sys.modules.get("askwell.core.rediscache")
    return rediscache is not None and isinstance(backend, rediscache.RedisCache)


def redis_version() -> int | None:
    """The version in the shared cache: Redis' last word, kept in this process until Redis
    pushes a change (core/versionwatch.py, no round trip), else one GET."""
    location = settings.CACHES["default"].get("LOCATION")
    if _is_redis(caches["default"]) and isinstance(location, str):
        from askwell.core.versionwatch import tracked_version

        kept = tracked_version.read(location, cache.make_key(VERSION_KEY))
        if kept is not None:
            return kept
    version = cache.get(VERSION_KEY)
    return None if version is None else int(version)


def version_with(key: str) -> tuple[int, object]:
    """The current content version and whatever the cache holds under `key`: at most one round
    trip (one MGET with Redis; none with the memory cache, whose version is the shared file)."""
    counter = version_file()
    if counter is not None:
        return counter.read(), cache.get(key)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        return content_version(), None
    return int(version), found.get(key)


def lookup(name: str, any_version: bool = False) -> tuple[int, CachedPage | None]:
    """The current content version and the stored page if it is of that version (or of any,
    with `any_version`): at most one round trip to a shared cache, and with Redis only the
    version (a few bytes) when this process already holds the current page."""
    key = page_key(name)
    if version_file() is None and not any_version and name in local_copies.pages:
        version = redis_version()
        if version is not None:
            kept = local_copies.get(name, version)
            if kept is not None:
                return int(version), kept
    version, page = version_with(key)
    if not isinstance(page, CachedPage) or not (any_version or page.version == version):
        return version, None
    if not any_version and version_file() is None:
        local_copies.keep(name, page)
    return version, page


@dataclass(frozen=True, slots=True)
class StampedCopy:
    """A page as served this second: the body with this second's fill-time stamp in place of
    every placeholder, and its gzip form spliced from the stored pieces (None when the page
    was too small to compress). Made once per page per second (a stamp has one-second
    resolution), not per request."""

    page: CachedPage
    body: bytes
    gzip_body: bytes | None


GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # RFC 1952: deflate, no name, no mtime
_copies: dict[tuple[str, str], StampedCopy] = {}
_copies_lock = threading.Lock()


@lru_cache(maxsize=8)
def deflated_stamp(stamp: bytes) -> bytes:
    # A stamp has one-second resolution, so the same one serves every request in that second.
    compressor = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(stamp) + compressor.flush(zlib.Z_FULL_FLUSH)


def spliced_gzip(page: CachedPage, stamp: bytes, body: bytes) -> bytes:
    """The gzip form of `body`, the page with `stamp` in every placeholder, from the stored
    deflate pieces: only the stamp is compressed."""
    assert page.deflate_segments is not None
    pieces = [page.deflate_segments[0]]
    if len(page.deflate_segments) > 1:
        spliced = deflated_stamp(stamp)
        for piece in page.deflate_segments[1:]:
            pieces += (spliced, piece)
    trailer = struct.pack("<II", zlib.crc32(body), len(body) & 0xFFFFFFFF)
    return GZIP_HEADER + b"".join(pieces) + trailer


def stamped_copy(page: CachedPage) -> StampedCopy:
    from askwell.moderation.spam import stamp  # late, as in placeholder()

    now = stamp()
    key = (page.etag, now)
    copy = _copies.get(key)
    if copy is None:
        body = now.encode().join(page.segments) if page.has_stamp else page.body
        gzip_body = spliced_gzip(page, now.encode(), body) if page.deflate_segments is not None else None
        copy = StampedCopy(page=page, body=body, gzip_body=gzip_body)
        with _copies_lock:
            if any(stamp_text != now for _, stamp_text in _copies):
                _copies.clear()  # last second's copies are never served again
            _copies[key] = copy
    return copy


class CachedPageResponse(HttpResponse):
    """A response served from (or just stored in) the page cache, carrying its `CachedPage`:
    httpcache.HttpCacheMiddleware reads the ETag and the compressed forms from it."""

    cached_page: CachedPage
    stamped: StampedCopy | None = None  # set by fill_stamps
    front_door: KnownAddress | None = None  # what CachedPageMiddleware needs to serve it itself


def fill_stamps(response: CachedPageResponse) -> None:
    """Put this second's stamp in the page's forms (moderation's FormStampMiddleware, or
    CachedPageMiddleware for the hits it serves itself)."""
    copy = stamped_copy(response.cached_page)
    response.content = copy.body
    response["Content-Length"] = str(len(copy.body))  # as CommonMiddleware sets it for other pages
    response.stamped = copy


def response_for(page: CachedPage, hit: bool) -> CachedPageResponse:
    response = CachedPageResponse(page.body, content_type=page.content_type, status=page.status)
    for name, value in page.headers:
        response[name] = value
    response["X-Page-Cache"] = "hit" if hit else "miss"
    response.cached_page = page
    return response


@dataclass(frozen=True, slots=True)
class KnownAddress:
    """Which cached page an address is, as its view said, and what serving it involves."""

    name: str
    any_version: bool
    on_serve: Callable[[], object] | None  # the view's own work for each reader (article view counts)
    headers: tuple[tuple[str, str], ...] = ()  # added by the middleware below CachedPageMiddleware


def cached_for_anonymous(request: HttpRequest, name: str, render: Callable[[], HttpResponse],
                         vary_on_query: bool = False, keep_for: int | None = None,
                         on_serve: Callable[[], object] | None = None) -> HttpResponse:
    """The page `name` from the cache for anonymous GETs, else `render()` (and keep it).

    A page with a query string is rendered afresh unless `vary_on_query`: then the caller has
    put every parameter it reads, validated, into `name` (and ignores the rest). With
    `keep_for`, the page is kept that many seconds whatever changes meanwhile (for pages that
    may lag, such as sitemap pages, which are costly to render). `on_serve` is what the view
    does after this for every reader: CachedPageMiddleware calls it when it serves the page
    without reaching the view. The name must follow from the address alone (its path and
    query string): the middleware serves the same page to the same address."""
    seconds = settings.CACHE_PAGES_SECONDS
    is_anonymous = not request.user.is_authenticated
    if not seconds or not is_anonymous or request.method != "GET" or (request.GET and not vary_on_query):
        return render()
    if keep_for is not None:
        seconds = keep_for
    door = KnownAddress(name=name, any_version=keep_for is not None, on_serve=on_serve)
    version, page = lookup(name, any_version=door.any_version)
    if page is not None:
        hit = response_for(page, hit=True)
        hit.front_door = door
        return hit
    response = render()
    if getattr(response, "skip_page_cache", False):
        return response  # the view said this one must be rendered every time
    if response.status_code in CACHEABLE_STATUSES and not response.streaming and not response.cookies:
        page = build_page(version, response, seconds)
        cache.set(page_key(name), page, seconds)
        if not door.any_version and version_file() is None:
            local_copies.keep(name, page)
        fresh = response_for(page, hit=False)
        for header, value in response.items():
            if not fresh.has_header(header) and header.lower() != "content-length":
                fresh[header] = value
        fresh.front_door = door
        return fresh
    return response


class CachedPageMiddleware:
    """Serves cached pages to readers who cannot be signed in, before the rest of the middleware.

    A GET with no cookie at all (no session, so anonymous; no messages waiting) and no
    Authorization header, to an address this process has served from the page cache before
    (the view said which page: `KnownAddress`), is answered here from the page cache: no
    session, CSRF, authentication, messages or URL resolution. The headers the middleware
    further in added when the view served it (Content-Security-Policy, X-Frame-Options, Vary)
    are added again; fill-time stamps are filled in; the view's `on_serve` is called. Anything
    else, or a page that is missing or out of date, goes the normal way (and is cached there).
    Sits after HttpCacheMiddleware, which still answers 304s and compresses.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.known: OrderedDict[str, KnownAddress] = OrderedDict()
        self.lock = threading.Lock()

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        meta = request.META
        if (request.method != "GET" or meta.get("HTTP_COOKIE") or meta.get("HTTP_AUTHORIZATION")
                or not settings.CACHE_PAGES_SECONDS):
            return self.get_response(request)
        address = request.path + "?" + meta.get("QUERY_STRING", "")
        known = self.known.get(address)
        if known is not None and self.valid_host(request):
            _, page = lookup(known.name, any_version=known.any_version)
            if page is not None:
                served = response_for(page, hit=True)
                for header, value in known.headers:
                    served[header] = value
                fill_stamps(served)
                if known.on_serve is not None:
                    known.on_serve()
                return served
        response = self.get_response(request)
        door = getattr(response, "front_door", None)
        if (isinstance(response, CachedPageResponse) and door is not None and not response.cookies
                and len(address) <= KNOWN_ADDRESS_MAX_CHARS):
            self.remember(address, door, response)
        return response

    @staticmethod
    def valid_host(request: HttpRequest) -> bool:
        try:
            request.get_host()  # ALLOWED_HOSTS, as CommonMiddleware would check
        except DisallowedHost:
            return False
        return True

    def remember(self, address: str, door: KnownAddress, response: CachedPageResponse) -> None:
        own = {"content-length", "x-page-cache", "content-type"}
        own.update(name.lower() for name, _ in response.cached_page.headers)
        headers = tuple((name, value) for name, value in response.items() if name.lower() not in own)
        with self.lock:
            self.known[address] = KnownAddress(door.name, door.any_version, door.on_serve, headers)
            while len(self.known) > KNOWN_ADDRESSES:
                self.known.popitem(last=False)
