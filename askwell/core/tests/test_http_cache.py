"""HTTP caching of anonymous pages: ETag and 304, Cache-Control, gzip and brotli made once per
cached body (with the per-request form stamp spliced into the gzip form), one cache round trip
per hit, and invalidation by a write."""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any
from unittest import mock

import brotli
import pytest
from django.core import signing
from django.core.cache import caches
from django.test import Client

from askwell.core import pagecache
from askwell.core.pagecache import bump_content_version
from askwell.knowledge import viewcount
from askwell.knowledge.models import Article
from askwell.moderation.spam import STAMP_PLACEHOLDER, STAMP_SALT

pytestmark = pytest.mark.django_db

ARTICLE = "/muscle-spasms/causes/"
STAMP = re.compile(rb'name="form_started" value="([^"]+)"')


@pytest.fixture(autouse=True)
def no_pending_views() -> Iterator[None]:
    viewcount.reset()
    yield
    viewcount.reset()


@pytest.fixture
def cache_calls() -> Iterator[Counter[str]]:
    """Counts every call to the default cache's methods (each is one round trip with Redis)."""
    backend = caches["default"]
    calls: Counter[str] = Counter()
    names = ("get", "get_many", "set", "add", "incr", "delete", "has_key", "set_many", "touch")
    patches = []
    depth = [0]  # the memory cache's get_many calls its own get: count only the outermost call
    for name in names:
        original = getattr(backend, name)

        def counted(*args: Any, _name: str = name, _original: Any = original, **kwargs: Any) -> Any:
            if not depth[0]:
                calls[_name] += 1
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        patches.append(mock.patch.object(backend, name, counted))
    for patch in patches:
        patch.start()
    yield calls
    for patch in patches:
        patch.stop()


def test_an_anonymous_page_carries_an_etag_and_public_revalidated_caching(anonymous: Client) -> None:
    response = anonymous.get("/")
    assert response.status_code == 200
    assert response["ETag"].startswith('W/"')
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert "Cookie" in response["Vary"] and "Accept-Encoding" in response["Vary"]
    assert response.has_header("Last-Modified")


def test_a_conditional_get_with_the_etag_is_answered_304_with_no_body(anonymous: Client) -> None:
    etag = anonymous.get(ARTICLE)["ETag"]
    again = anonymous.get(ARTICLE, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    other = anonymous.get(ARTICLE, headers={"If-None-Match": 'W/"something-else"'})
    assert other.status_code == 200


def test_if_modified_since_is_answered_304(anonymous: Client) -> None:
    last_modified = anonymous.get("/")["Last-Modified"]
    assert anonymous.get("/", headers={"If-Modified-Since": last_modified}).status_code == 304


def test_a_write_changes_the_page_and_its_etag_so_the_old_etag_gets_the_new_page(anonymous: Client) -> None:
    first = anonymous.get(ARTICLE)
    article = Article.objects.get(pack__slug="muscle-spasms", slug="causes")
    Article.objects.filter(pk=article.pk).update(title="Why muscles cramp, revised")
    bump_content_version()  # what every content-changing action does on commit
    after = anonymous.get(ARTICLE, headers={"If-None-Match": first["ETag"]})
    assert after.status_code == 200
    assert after["X-Page-Cache"] == "miss"
    assert after["ETag"] != first["ETag"]
    assert "Why muscles cramp, revised" in after.content.decode()


def test_signed_in_pages_are_private_and_never_carry_the_page_cache_etag(member: Client) -> None:
    response = member.get("/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    assert "X-Page-Cache" not in response
    assert member.get("/", headers={"If-None-Match": response.get("ETag", '"x"')}).status_code == 200


def test_brotli_is_served_from_the_stored_body(anonymous: Client) -> None:
    plain = anonymous.get("/")
    assert STAMP_PLACEHOLDER.encode() not in plain.content
    if STAMP.search(plain.content):
        pytest.skip("the home page carries a form stamp: brotli is offered for stamp-free pages only")
    encoded = anonymous.get("/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert encoded["Content-Encoding"] == "br"
    assert encoded["X-Page-Cache"] == "hit"
    assert brotli.decompress(encoded.content) == plain.content


def test_a_page_with_a_form_stamp_is_gzipped_with_a_fresh_valid_stamp_spliced_in(anonymous: Client) -> None:
    anonymous.get(ARTICLE)  # stored
    encoded = anonymous.get(ARTICLE, headers={"Accept-Encoding": "br;q=1, gzip;q=0.8"})
    assert encoded["X-Page-Cache"] == "hit"
    assert encoded["Content-Encoding"] == "gzip"  # a stamp cannot be spliced into brotli
    assert int(encoded["Content-Length"]) == len(encoded.content)
    body = gzip.decompress(encoded.content)  # checks the CRC and length too
    assert STAMP_PLACEHOLDER.encode() not in body
    stamps = set(STAMP.findall(body))
    assert stamps, "the article's comment form should carry a stamp"
    for stamp in stamps:
        assert isinstance(signing.loads(stamp.decode(), salt=STAMP_SALT), int)
    plain = anonymous.get(ARTICLE)
    assert len(gzip.decompress(encoded.content)) == len(plain.content)
    assert len(encoded.content) < len(plain.content) / 3


def test_gzip_is_refused_when_the_client_says_q0(anonymous: Client) -> None:
    anonymous.get("/")
    response = anonymous.get("/", headers={"Accept-Encoding": "gzip;q=0"})
    assert not response.has_header("Content-Encoding")


def test_pages_are_compressed_once_when_stored_not_per_request(anonymous: Client) -> None:
    with mock.patch.object(pagecache, "build_page", wraps=pagecache.build_page) as build, \
            mock.patch.object(pagecache.brotli, "compress", wraps=brotli.compress) as compress:
        for _ in range(5):
            response = anonymous.get("/", headers={"Accept-Encoding": "gzip, br"})
            assert response.status_code == 200 and response.has_header("Content-Encoding")
    assert build.call_count == 1
    assert compress.call_count <= 1


def test_a_cached_hit_makes_one_cache_call(anonymous: Client, cache_calls: Counter[str]) -> None:
    # With the memory cache: the page (the version is in the shared file). With Redis: the
    # version, a few bytes (the page is this process's copy, see test_pagecache_shared.py).
    anonymous.get(ARTICLE)  # miss: stored
    cache_calls.clear()
    for _ in range(3):
        response = anonymous.get(ARTICLE, headers={"Accept-Encoding": "gzip"})
        assert response["X-Page-Cache"] == "hit"
    assert cache_calls == Counter({"get": 3})


def test_article_views_are_counted_without_the_cache(anonymous: Client) -> None:
    article = Article.objects.get(pack__slug="muscle-spasms", slug="causes")
    before = article.views
    for _ in range(viewcount.FLUSH_EVERY - 1):
        anonymous.get(ARTICLE)
    article.refresh_from_db()
    assert article.views == before
    assert viewcount.pending("muscle-spasms", "causes") == viewcount.FLUSH_EVERY - 1
    anonymous.get(ARTICLE)
    article.refresh_from_db()
    assert article.views == before + viewcount.FLUSH_EVERY
    assert viewcount.pending("muscle-spasms", "causes") == 0


def test_topic_redirects_are_cached_too(anonymous: Client) -> None:
    first = anonymous.get("/t/faq/night-spasms/")
    second = anonymous.get("/t/faq/night-spasms/")
    assert first.status_code == second.status_code == 301
    assert second["X-Page-Cache"] == "hit"
    assert second["Location"] == first["Location"]
    assert anonymous.get("/t/no-such-topic/").status_code == 404


def test_uncached_html_is_gzipped_per_request_and_private(anonymous: Client) -> None:
    response = anonymous.get("/about/", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    assert response["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(response.content)
