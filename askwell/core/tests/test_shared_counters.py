"""allauth's limits count in the shared cache (a database table without Redis), not in each
worker's memory: a caller whose attempts each reach another worker is still limited."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from askwell.test import make_user

pytestmark = pytest.mark.django_db


def test_allauth_counts_failed_sign_ins_across_workers() -> None:
    make_user("walker")
    client = Client(REMOTE_ADDR="10.7.7.7")
    messages = []
    for attempt in range(6):
        cache.clear()  # each attempt reaches a worker whose own memory is empty
        response = client.post("/accounts/login/", {"login": "walker@example.org", "password": f"wrong-{attempt}"})
        messages.append("Too many failed login attempts" in response.content.decode())
    # allauth allows 5 failures per address in 5 minutes; the 6th is refused by allauth itself
    # (django-axes, counting in the database, would lock out only after 10).
    assert messages == [False] * 5 + [True]


def test_allauths_counting_modules_use_the_shared_cache() -> None:
    from allauth.core.internal import ratelimit
    from allauth.mfa.totp.internal import auth
    from django.core.cache import caches

    for module in (ratelimit, auth):
        module.cache.set("askwell-test:shared", module.__name__, 30)
        assert caches["ratelimit"].get("askwell-test:shared") == module.__name__
