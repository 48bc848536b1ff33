"""/api/v1/questions: list, detail, create with the same checks as the form; errors are JSON."""

from __future__ import annotations

import json

from django.test import Client

from askwell.community.models import Question, QuestionState
from askwell.community.testing import published_question


def post(client: Client, payload: object, **extra: str) -> object:
    return client.post("/api/v1/questions", json.dumps(payload), content_type="application/json", **extra)


def test_the_list_and_detail_show_public_questions_only(anonymous: Client) -> None:
    public = published_question(title="Public question about cramps")
    from django.contrib.auth.models import AnonymousUser

    from askwell.community import actions

    hidden = actions.ask_question(user=AnonymousUser(), title="Not confirmed yet, stays hidden", body="x", topic=None,
                                  tags=[], contact_email="hidden@example.net")
    listing = anonymous.get("/api/v1/questions").json()
    assert [q["id"] for q in listing] == [public.pk]
    assert anonymous.get(f"/api/v1/questions/{public.pk}").json()["title"] == "Public question about cramps"
    missing = anonymous.get(f"/api/v1/questions/{hidden.pk}")
    assert missing.status_code == 404 and "detail" in missing.json()


def test_creating_without_an_account_needs_an_email_and_waits_for_confirmation(anonymous: Client) -> None:
    response = post(anonymous, {"title": "Why do my toes curl at night?", "body": "It hurts."})
    assert response.status_code == 400 and "email" in response.json()["detail"]  # type: ignore[attr-defined]
    response = post(anonymous, {"title": "Why do my toes curl at night?", "body": "It hurts.", "email": "bad"})
    assert response.status_code == 400  # type: ignore[attr-defined]
    response = post(anonymous, {"title": "Why do my toes curl at night?", "body": "It hurts.",
                                "email": "toes@example.net"})
    assert response.status_code == 201  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["state"] == QuestionState.PENDING_CONFIRMATION and body["url"] is None
    assert "toes@example.net" not in response.content.decode()  # type: ignore[attr-defined]


def test_bad_input_is_a_4xx_with_a_detail(asker: Client) -> None:
    for payload in ({}, {"title": "short", "body": "x"}, {"title": "x" * 151, "body": "y"},
                    {"title": "A good long title here", "body": "y", "topic": "no/such-topic"}):
        response = post(asker, payload)
        assert 400 <= response.status_code < 500, payload  # type: ignore[attr-defined]
        assert "detail" in response.json()  # type: ignore[attr-defined]
    assert not Question.objects.exists()
    response = asker.post("/api/v1/questions", "not json", content_type="application/json")
    assert 400 <= response.status_code < 500


def test_duplicates_and_rate_limits_apply_to_the_api(asker: Client) -> None:
    payload = {"title": "Why do my calves cramp after football?", "body": "Always in the second half."}
    assert post(asker, payload).status_code == 201  # type: ignore[attr-defined]
    assert post(asker, payload).status_code == 409  # type: ignore[attr-defined]
    statuses = [post(asker, {**payload, "title": f"Question {n} about calves and football"}).status_code
                for n in range(12)]  # type: ignore[attr-defined]
    assert 429 in statuses


def test_signed_in_posts_must_be_json(asker: Client) -> None:
    response = asker.post("/api/v1/questions", {"title": "Why do my calves cramp", "body": "x"})
    assert response.status_code in (400, 415, 422)
    assert not Question.objects.exists()


def test_the_openapi_schema_describes_the_questions_endpoints(anonymous: Client) -> None:
    schema = anonymous.get("/api/v1/openapi.json").json()
    assert "/api/v1/questions" in schema["paths"] and "/api/v1/questions/{question_id}" in schema["paths"]
