"""allauth's own limits (failed sign-ins, password resets, sign-up, TOTP codes used once) count
in the cache every worker and app server shares.

allauth keeps those counters in Django's default cache, which without Redis is each process's
own memory: with five gunicorn workers a caller had five times the failed sign-ins allauth
allows, and a TOTP code accepted by one worker could be used again on another. allauth has no
setting naming a cache, so its two modules that count are pointed at the "ratelimit" cache (a
database table, or Redis when REDIS_URL is set), the one askwell's own rate limits use. The
test (askwell/core/tests/test_shared_counters.py) fails if an allauth upgrade moves them.
"""

from __future__ import annotations

from importlib import import_module

from django.core.cache import caches
from django.utils.connection import ConnectionProxy

SHARED_ALIAS = "ratelimit"
# allauth modules that count or remember in `cache` (imported there as a module-level name).
ALLAUTH_COUNTING_MODULES = ("allauth.core.internal.ratelimit", "allauth.mfa.totp.internal.auth")


def share_allauth_counters() -> None:
    shared = ConnectionProxy(caches, SHARED_ALIAS)  # like django.core.cache.cache: one per thread
    for name in ALLAUTH_COUNTING_MODULES:
        module = import_module(name)
        if not hasattr(module, "cache"):
            raise RuntimeError(f"{name} no longer keeps a module-level `cache`; see askwell/core/sharedcounters.py")
        vars(module)["cache"] = shared  # the module's own namespace: what its functions read
