"""Bad input never 500s: a clear 4xx, JSON {"detail": ...} on the API, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from askwell.community import tokens

pytestmark = pytest.mark.django_db


def api_error(response: Any, status: int) -> str:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail
    return detail


def test_an_offset_past_any_database_integer_is_a_400(anonymous: Client) -> None:
    api_error(anonymous.get("/api/v1/questions?offset=9223372036854775808"), 400)
    api_error(anonymous.get("/api/v1/questions?offset=1000001"), 400)
    assert anonymous.get("/api/v1/questions?offset=1000000").status_code == 200


def test_a_lone_surrogate_in_a_json_body_is_a_400(anonymous: Client) -> None:
    body = '{"text": "calf \\ud800 cramp"}'
    detail = api_error(anonymous.post("/api/v1/check", body, content_type="application/json"), 400)
    assert "Unicode" in detail


@pytest.mark.parametrize("path,body", [
    ("/api/v1/check", {"text": "calf \x00 cramp"}),
    ("/api/v1/check", {"text": "calf cramp", "medicines": ["stat\x00ins"]}),
    ("/api/v1/questions", {"title": "Why do my calves \x00 cramp?", "body": "Every night.",
                           "email": "someone@example.org"}),
    ("/api/v1/questions", {"title": "Why do my calves cramp at night?", "body": "Every night.",
                           "topic": "\x00", "email": "someone@example.org"}),
])
def test_a_nul_in_any_api_text_field_is_a_400(anonymous: Client, path: str, body: dict[str, Any]) -> None:
    assert "NUL" in api_error(anonymous.post(path, body, content_type="application/json"), 400)


@pytest.mark.parametrize("url", [
    "/api/v1/questions?topic=%00",
    "/api/v1/questions/1%00",
])
def test_a_nul_in_an_api_url_is_a_json_400(anonymous: Client, url: str) -> None:
    api_error(anonymous.get(url), 400)


@pytest.mark.parametrize("url", [
    "/experts/some%00one/",
    "/questions/topic/muscle%00spasms/feed/",
    "/questions/topic/%00/atom/",
    "/questions/?topic=%00",
])
def test_a_nul_in_a_page_url_is_a_400(anonymous: Client, url: str) -> None:
    assert anonymous.get(url).status_code == 400


def test_a_nul_in_a_search_is_ignored_like_any_control_character(anonymous: Client) -> None:
    # Searches are read as text only (never stored); the answers app cleans them itself.
    assert anonymous.get("/api/v1/answers?q=calf%00cramp").status_code == 200
    assert anonymous.get("/search/?q=calf%00cramp").status_code == 200


def test_a_signed_in_form_post_to_the_api_is_still_refused_cleanly(asker: Client) -> None:
    response = asker.post("/api/v1/questions", {"title": "Why do my calves cramp", "body": "x"})
    assert response.status_code in (400, 415, 422) and response.json()["detail"]


def test_a_nul_in_a_form_or_cookie_is_a_400(anonymous: Client) -> None:
    assert anonymous.post("/questions/ask/", {"title": "cramp\x00"}).status_code == 400
    anonymous.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert anonymous.get("/").status_code == 400


def test_an_unexpected_api_error_is_json_not_html(monkeypatch: pytest.MonkeyPatch) -> None:
    import askwell.answers.api

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(askwell.answers.api, "cached_answer", broken)  # the API reads answers through the cache
    client = Client(raise_request_exception=False)
    assert "wrong on our side" in api_error(client.get("/api/v1/answers?q=calf+cramp"), 500)


def test_an_unknown_api_address_is_a_json_404(anonymous: Client) -> None:
    api_error(anonymous.get("/api/v1/no-such-thing"), 404)


def test_removing_a_banned_word_by_a_non_number_is_a_404(moderator: Client) -> None:
    for remove in ("abc", "1.5", "²", "9" * 40):
        assert moderator.post("/moderation/banned-words/", {"remove": remove}).status_code == 404


@pytest.mark.parametrize("value", [[1, 2], {"q": "x", "a": 1}, {"q": 1}, 7, None, {"q": True, "a": 1}])
def test_an_accept_link_with_a_wrong_payload_shape_is_a_404(anonymous: Client, value: Any) -> None:
    token = tokens.make(value, tokens.ACCEPT_SALT)
    assert anonymous.get(f"/questions/accept/{token}/").status_code == 404
    assert anonymous.post(f"/questions/accept/{token}/").status_code == 404


@pytest.mark.parametrize("value", [[1], {"e": 1, "k": "all"}, {"k": "all"}, "x"])
def test_an_unsubscribe_link_with_a_wrong_payload_shape_is_a_404(anonymous: Client, value: Any) -> None:
    token = tokens.make(value, tokens.UNSUBSCRIBE_SALT)
    assert anonymous.get(f"/community/unsubscribe/{token}/").status_code == 404
    assert anonymous.post(f"/community/unsubscribe/{token}/").status_code == 404


@pytest.mark.parametrize("value", [[1], {"q": 1}, "1"])
def test_a_confirm_link_with_a_wrong_payload_shape_is_a_404(anonymous: Client, value: Any) -> None:
    token = tokens.make(value, tokens.CONFIRM_SALT)
    assert anonymous.post(f"/questions/confirm/{token}/").status_code == 404
