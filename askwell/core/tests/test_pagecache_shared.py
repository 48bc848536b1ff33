"""The page cache across processes and at the front of the middleware: a write in any process
retires every process's pages at once (the version is machine-wide without Redis, in Redis with
it), a version is never handed out twice, pages fetched from Redis are kept in the process but
never served past a bump, and a reader with no cookie is answered before sessions, CSRF,
authentication and URL resolution with the same headers as the full path."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.handlers.base import BaseHandler
from django.test import Client, override_settings

from askwell.core import pagecache
from askwell.knowledge.models import Article

pytestmark = pytest.mark.django_db

ARTICLE = "/muscle-spasms/causes/"
REDIS_URL = "redis://127.0.0.1:6379/0"
BUMP_ELSEWHERE = "import sys; from pathlib import Path; from askwell.core.pagecache import SharedCounter; " \
                 "SharedCounter(Path(sys.argv[1])).bump()"


def bump_in_another_process(path: Path) -> None:
    subprocess.run([sys.executable, "-c", BUMP_ELSEWHERE, str(path)], check=True, timeout=60,
                   env={"PYTHONPATH": str(Path(pagecache.__file__).resolve().parents[2])})


def retitle(title: str) -> None:
    Article.objects.filter(pack__slug="muscle-spasms", slug="causes").update(title=title)


def test_the_version_without_redis_is_one_counter_for_every_process(settings: pytest.FixtureRequest) -> None:
    counter = pagecache.version_file()
    assert counter is not None, "with the memory cache the version must not live in one process's memory"
    assert counter.path == Path(settings.ASKWELL_CONTENT_VERSION_FILE)  # type: ignore[attr-defined]
    before = pagecache.content_version()
    bump_in_another_process(counter.path)
    assert pagecache.content_version() == before + 1


def test_a_write_in_another_process_retires_this_processs_pages(anonymous: Client) -> None:
    assert anonymous.get(ARTICLE)["X-Page-Cache"] == "miss"
    assert anonymous.get(ARTICLE)["X-Page-Cache"] == "hit"
    retitle("Cramp causes, written by another worker")
    counter = pagecache.version_file()
    assert counter is not None
    bump_in_another_process(counter.path)  # what that worker's on-commit bump does
    response = anonymous.get(ARTICLE)
    assert response["X-Page-Cache"] == "miss"
    assert "Cramp causes, written by another worker" in response.content.decode()


def test_a_new_counter_file_starts_above_every_version_handed_out(tmp_path: Path) -> None:
    old = pagecache.SharedCounter(tmp_path / "old")
    for _ in range(3):
        old.bump()
    assert pagecache.SharedCounter(tmp_path / "new").read() > old.read()
    assert pagecache.SharedCounter(tmp_path / "old").read() == old.read()  # an existing file is kept


def test_a_reader_with_no_cookie_is_served_before_sessions_and_url_resolution(anonymous: Client) -> None:
    full = anonymous.get(ARTICLE)  # through the view: the address is learnt
    with mock.patch.object(BaseHandler, "resolve_request", autospec=True,
                           side_effect=BaseHandler.resolve_request) as resolved, \
            mock.patch("django.contrib.sessions.middleware.SessionMiddleware.process_request") as sessions:
        early = anonymous.get(ARTICLE)
    assert early.status_code == 200 and early["X-Page-Cache"] == "hit"
    assert resolved.call_count == 0 and sessions.call_count == 0
    for header in ("Content-Security-Policy", "X-Frame-Options", "Vary", "Cache-Control", "ETag",
                   "X-Content-Type-Options", "Referrer-Policy"):
        assert early[header] == full[header], header
    assert early.content.replace(b"\n", b"") != b""
    assert b"askwell-form-stamp-pending" not in early.content


def test_long_made_up_addresses_are_not_remembered(anonymous: Client) -> None:
    long_address = "/questions/?utm_source=" + "x" * pagecache.KNOWN_ADDRESS_MAX_CHARS
    anonymous.get(long_address)
    with mock.patch.object(BaseHandler, "resolve_request", autospec=True,
                           side_effect=BaseHandler.resolve_request) as resolved:
        again = anonymous.get(long_address)
    assert again["X-Page-Cache"] == "hit"  # still from the page cache, by way of the view
    assert resolved.call_count == 1


def test_a_signed_in_reader_never_gets_the_anonymous_copy(anonymous: Client, member: Client) -> None:
    anonymous.get(ARTICLE)
    anonymous.get(ARTICLE)
    response = member.get(ARTICLE)
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "private, no-cache"


def test_a_host_not_allowed_is_refused_even_for_a_known_address(anonymous: Client) -> None:
    anonymous.get(ARTICLE)
    assert anonymous.get(ARTICLE, headers={"Host": "evil.example"}).status_code == 400


def test_the_front_serves_nothing_once_the_page_cache_is_off(
        anonymous: Client, settings: pytest.FixtureRequest) -> None:
    anonymous.get(ARTICLE)
    settings.CACHE_PAGES_SECONDS = 0  # type: ignore[attr-defined]
    assert "X-Page-Cache" not in anonymous.get(ARTICLE)


def redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def redis_pages() -> Iterator[None]:
    """The page cache in Redis under a prefix of its own (the machine's Redis, untouched otherwise)."""
    if not redis_answers():
        pytest.skip("no Redis at 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex}"
    backend = {"BACKEND": "askwell.core.rediscache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}
    with override_settings(CACHES={"default": backend, "ratelimit": backend}):
        pagecache.local_copies.clear()
        yield
    pagecache.local_copies.clear()
    delete_keys(f"{prefix}:*")  # never cache.clear(): that is a FLUSHDB of a database others may use


def delete_keys(pattern: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(pattern):
        client.delete(key)


@pytest.fixture
def redis_keys_read() -> Iterator[list[str]]:
    read: list[str] = []
    backend = caches["default"]
    get, get_many = backend.get, backend.get_many

    def counted_get(key: str, *args: object, **kwargs: object) -> object:
        read.append(key)
        return get(key, *args, **kwargs)  # type: ignore[arg-type]

    def counted_get_many(keys: list[str], *args: object, **kwargs: object) -> object:
        read.extend(keys)
        return get_many(keys, *args, **kwargs)  # type: ignore[arg-type]

    with mock.patch.object(backend, "get", counted_get), mock.patch.object(backend, "get_many", counted_get_many):
        yield read


@pytest.mark.usefixtures("redis_pages")
def test_with_redis_a_hit_makes_no_round_trip(anonymous: Client, redis_keys_read: list[str]) -> None:
    from askwell.core.versionwatch import tracked_version

    assert pagecache.version_file() is None
    anonymous.get(ARTICLE)  # stored in Redis and kept here
    anonymous.get(ARTICLE)  # the version read once on the tracking connection
    connection = tracked_version.connection
    assert connection is not None
    redis_keys_read.clear()
    with mock.patch.object(connection, "send_command", wraps=connection.send_command) as sent:
        for _ in range(3):
            assert anonymous.get(ARTICLE)["X-Page-Cache"] == "hit"
    assert redis_keys_read == []  # neither the page nor the version through the cache
    assert sent.call_count == 0  # the version is the one Redis last pushed


@pytest.mark.usefixtures("redis_pages")
def test_with_redis_another_servers_write_retires_the_copy_kept_here(anonymous: Client) -> None:
    import redis

    anonymous.get(ARTICLE)
    assert anonymous.get(ARTICLE)["X-Page-Cache"] == "hit"
    retitle("Cramp causes, written on another server")
    redis.Redis.from_url(REDIS_URL).incr(caches["default"].make_key(pagecache.VERSION_KEY))  # its bump
    response = anonymous.get(ARTICLE)
    assert response["X-Page-Cache"] == "miss"
    assert "Cramp causes, written on another server" in response.content.decode()


@pytest.mark.usefixtures("redis_pages")
def test_with_redis_a_lost_version_never_brings_an_old_copy_back(anonymous: Client) -> None:
    anonymous.get(ARTICLE)
    before = pagecache.content_version()
    retitle("Cramp causes, after Redis restarted")
    delete_keys(caches["default"].make_key("*"))  # Redis restarted empty: this process still has its copy
    response = anonymous.get(ARTICLE)
    assert response["X-Page-Cache"] == "miss"
    assert "Cramp causes, after Redis restarted" in response.content.decode()
    assert pagecache.content_version() > before


def test_a_settings_edit_in_another_process_reaches_this_processs_pages(anonymous: Client) -> None:
    from askwell.core.models import SiteSettings

    SiteSettings.current()  # this worker now holds the settings in its own memory
    anonymous.get("/")
    advice = "In an emergency call 112 or go to the nearest emergency department."
    SiteSettings.objects.filter(pk=1).update(emergency_number="112", emergency_advice=advice)  # another worker
    counter = pagecache.version_file()
    assert counter is not None
    bump_in_another_process(counter.path)  # and its bump once that commits
    assert SiteSettings.current().emergency_advice == advice
    assert advice in anonymous.get("/").content.decode()
