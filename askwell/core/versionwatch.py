"""The content version in Redis, kept in the process until Redis says it changed.

A page-cache hit needs the current content version (core/pagecache.py). Read with a GET, that
is one round trip per hit, the only one left. Redis can instead tell a client when a key
changes ("server-assisted client-side caching", CLIENT TRACKING): each process keeps one RESP3
connection with tracking on in broadcast mode for the version key, reads the version once, and
forgets it when Redis pushes an invalidation, which it sends as it executes the INCR of any
server's bump (and on FLUSHDB, a restart drops the connection). A hit then costs a non-blocking
check of that connection for pushes, not a round trip. redis-py's own client-side cache does
the same but refuses Redis before 7.4 (Debian 12 has 7.0), and would cache every page too.

Any doubt, and the caller reads the version from Redis as before: no connection yet, an error,
a fork (gunicorn forks workers), a reconnect (tracking is switched on again before the version
is read again). The push of a bump reaches the other processes in the time the writer takes to
read Redis' reply to its INCR, well before a reader's next request could.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from typing import Protocol, cast

import redis


class PushParser(Protocol):
    def set_invalidation_push_handler(self, handler: Callable[[object], None]) -> None: ...


class Connection(Protocol):
    """What is used here of redis-py's Connection (its methods carry no annotations)."""

    _parser: PushParser

    def connect(self) -> None: ...
    def disconnect(self) -> None: ...
    def send_command(self, *args: object) -> None: ...
    def read_response(self, *, push_request: bool = False, timeout: float = ...) -> object: ...
    def can_read(self, timeout: float = 0) -> bool: ...
    def register_connect_callback(self, callback: Callable[[Connection], None]) -> None: ...


# After a failure (Redis down, or CLIENT TRACKING refused, as some hosted Redis services do) the
# callers read the version with a GET, and a new tracking connection is tried this much later,
# not on every request.
RETRY_SECONDS = 30.0


class TrackedVersion:
    def __init__(self) -> None:
        self.connection: Connection | None = None
        self.key = ""
        self.url = ""
        self.pid = 0
        self.value: int | None = None
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def read(self, url: str, key: str) -> int | None:
        """The version under `key` (the full Redis key) at `url`, or None when unknown."""
        with self.lock:
            if (self.pid, self.url, self.key) != (os.getpid(), url, key):
                self.close()  # forked (the parent's socket is not ours) or another cache
            try:
                if self.connection is None:
                    if time.monotonic() < self.retry_at:
                        return None
                    self.open(url, key)
                connection = self.connection
                assert connection is not None
                while connection.can_read(timeout=0):  # pushes waiting: invalidated() runs for each
                    connection.read_response(push_request=True, timeout=0)
                if self.value is None:
                    connection.send_command("GET", key)
                    raw = connection.read_response()
                    self.value = None if raw is None else int(cast(bytes, raw))
                return self.value
            except (redis.RedisError, OSError, ValueError):
                self.close()
                self.retry_at = time.monotonic() + RETRY_SECONDS
                return None

    def open(self, url: str, key: str) -> None:
        self.url, self.key = url, key
        connection = cast(Connection, redis.Redis.from_url(url, protocol=3).connection_pool.make_connection())
        # Invalidation pushes arrive on this connection; redis-py hands them to this handler.
        connection._parser.set_invalidation_push_handler(self.invalidated)
        connection.register_connect_callback(self.tracking_on)  # a bound method: redis-py keeps a weak reference
        connection.connect()
        self.connection, self.pid = connection, os.getpid()

    def tracking_on(self, connected: Connection) -> None:
        # At every (re)connection, before anything is read: a new connection tracks nothing.
        self.value = None
        connected.send_command("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", self.key)
        if connected.read_response() != b"OK":
            raise redis.RedisError("CLIENT TRACKING was refused")

    def invalidated(self, _message: object) -> None:
        self.value = None  # the key changed, was deleted or expired, or the database was flushed

    def close(self) -> None:
        if self.connection is not None and self.pid == os.getpid():
            with contextlib.suppress(redis.RedisError, OSError):
                self.connection.disconnect()
        self.connection, self.value, self.pid = None, None, 0


tracked_version = TrackedVersion()
