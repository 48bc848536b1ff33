"""Django's Redis cache backend, keeping its redis-py client objects instead of making one per call.

Django's RedisCacheClient builds a new `redis.Redis` for every cache operation, and redis-py
(8.x) fills a table of a few hundred response callbacks in each one: as much CPU as the round
trip itself, on every page-cache hit and rate-limit check. A `redis.Redis` is safe to share
between calls and threads (it takes a connection from its pool for each command), so one is
kept for writes and one for reads (with several servers, a process keeps reading from the one
replica it picked first). Used by settings.CACHES when REDIS_URL is set.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient
from django.utils.functional import cached_property
from redis.client import Redis


class RedisCacheClient(DjangoRedisCacheClient):
    @cached_property
    def kept_clients(self) -> dict[bool, Redis]:
        return {}

    def get_client(self, key: str | bytes | memoryview | None = None, *, write: bool = False) -> Redis:
        client = self.kept_clients.get(write)
        if client is None:
            client = self.kept_clients[write] = super().get_client(key, write=write)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server: str | list[str], params: dict[str, object]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient  # the client class Django's backend builds its client from
