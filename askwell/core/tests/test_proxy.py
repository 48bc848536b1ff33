"""Behind nginx, the client's address comes from X-Real-IP, believed only from a trusted proxy."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from askwell.core.proxy import real_client_address

PROXY = frozenset({"127.0.0.1"})


def test_the_proxys_header_names_the_client() -> None:
    assert real_client_address({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "203.0.113.9"}, PROXY) == "203.0.113.9"
    assert real_client_address({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": " 2001:db8::1 "}, PROXY) == "2001:db8::1"


@pytest.mark.parametrize("meta", [
    {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_REAL_IP": "203.0.113.9"},  # not from the proxy: a forged header
    {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "not an address"},
    {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "203.0.113.9, 10.0.0.1"},
    {"REMOTE_ADDR": "127.0.0.1"},
])
def test_anything_else_keeps_the_connections_address(meta: dict[str, str]) -> None:
    assert real_client_address(meta, PROXY) is None


@pytest.mark.django_db
def test_rate_limits_count_each_client_behind_the_proxy() -> None:
    """Five questions an hour per address: behind the proxy, another person is not refused."""
    def ask(client: Client, i: int) -> int:
        return client.post("/api/v1/questions", {"title": f"Why do my calves cramp at night {i}",
                                                 "body": "Every night.", "email": f"p{i}@example.org"},
                           content_type="application/json").status_code

    with override_settings(ASKWELL_TRUSTED_PROXIES=["127.0.0.1"]):
        first = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.1")
        assert [ask(first, i) for i in range(6)] == [201] * 5 + [429]
        second = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.2")
        assert ask(second, 6) == 201
        forger = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_REAL_IP="203.0.113.3")
        assert [ask(forger, 10 + i) for i in range(6)][-1] == 429
        assert ask(Client(REMOTE_ADDR="198.51.100.7", HTTP_X_REAL_IP="203.0.113.4"), 20) == 429
