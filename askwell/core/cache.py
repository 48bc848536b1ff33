"""Django's database cache with an atomic `incr`, for counters every worker shares.

Rate limits (django-ratelimit) count in a cache all gunicorn workers and app servers see. With
no Redis that is a table in the database. Django's DatabaseCache increments by reading then
writing, so two workers can both turn 3 into 4, and its `set` also resets the entry's expiry;
here the row is locked first (SELECT ... FOR UPDATE; SQLite's IMMEDIATE transaction locks the
database) and keeps the expiry it was added with, so a limit's window stays the window it is.
"""

from __future__ import annotations

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction


class DatabaseCache(DjangoDatabaseCache):
    def __init__(self, table: str, params: dict[str, object]) -> None:
        super().__init__(table, params)
        self.table_name = table  # Django keeps it as the untyped self._table

    def incr(self, key: object, delta: int = 1, version: int | None = None) -> int:
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        table = connection.ops.quote_name(self.table_name)
        full_key = self.make_and_validate_key(key, version=version)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute(f"SELECT expires FROM {table} WHERE cache_key = %s{lock}", [full_key])
            row = cursor.fetchone()
            value = self.get(key, self._missing_key, version=version)
            if row is None or value is self._missing_key:
                raise ValueError(f"Key '{key}' not found")
            count: int = value + delta  # counters only: a stored number plus delta
            self.set(key, count, version=version)
            cursor.execute(f"UPDATE {table} SET expires = %s WHERE cache_key = %s", [row[0], full_key])
        return count
