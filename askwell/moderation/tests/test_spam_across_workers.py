"""Spam defences that hold in the default set-up (several workers, no Redis): rate limits in a
shared database cache, fill-time stamps never served from the page cache and at most an hour
old, no moderation skipped by typing an approved commenter's address, members' API posts
checked too, and a link-limit refusal that is a 400, not a 429 clients would retry."""

from __future__ import annotations

import datetime
import json
import re
import time
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.utils import timezone

from askwell.community.models import Comment, CommentStatus, Question, QuestionState
from askwell.community.testing import ask, guard, published_question, user_of
from askwell.knowledge.models import Article
from askwell.moderation import spam

pytestmark = pytest.mark.django_db
ARTICLE = "/muscle-spasms/causes/"


def stamps_in(html: str) -> list[int]:
    values = re.findall(r'name="form_started" value="([^"]+)"', html)
    return [int(signing.loads(value, salt=spam.STAMP_SALT)) for value in values]


def test_rate_limits_count_in_a_cache_every_worker_shares() -> None:
    if not settings.REDIS_URL:
        assert settings.CACHES[settings.RATELIMIT_USE_CACHE]["BACKEND"] == "askwell.core.cache.DatabaseCache"
    ratelimit = caches[settings.RATELIMIT_USE_CACHE]
    ratelimit.add("counter", 1, 3600)
    assert [ratelimit.incr("counter") for _ in range(3)] == [2, 3, 4]
    if not settings.REDIS_URL:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM askwell_ratelimit_cache")
            assert cursor.fetchone()[0] == 1, "the counter is a row of the database, seen by every process"


def test_incrementing_keeps_the_window_a_counter_was_added_with() -> None:
    ratelimit = caches["ratelimit"]
    if settings.REDIS_URL:
        pytest.skip("Redis keeps expiry on INCR itself")
    ratelimit.add("window", 1, 3600)
    ratelimit.incr("window")
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM askwell_ratelimit_cache")
        (expires,) = cursor.fetchone()
    expires = expires if isinstance(expires, datetime.datetime) else datetime.datetime.fromisoformat(str(expires))
    if timezone.is_naive(expires):
        expires = timezone.make_aware(expires, datetime.UTC)
    assert expires - timezone.now() > datetime.timedelta(minutes=59), "not reset to the 300 s default timeout"


def test_a_cached_page_never_hands_out_its_stamp(anonymous: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    first = anonymous.get(ARTICLE)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    stamps = stamps_in(first.content.decode())
    assert stamps and all(abs(value - time.time()) < 5 for value in stamps)
    later = time.time() + 120
    monkeypatch.setattr(spam.time, "time", lambda: later)
    second = anonymous.get(ARTICLE)
    assert second["X-Page-Cache"] == "hit"
    assert set(stamps_in(second.content.decode())) == {int(later)}, "each copy gets a stamp of when it was served"
    assert second["Content-Length"] == str(len(second.content))
    cached = [value for key, value in caches["default"]._cache.items()  # type: ignore[attr-defined]
              if "page" in key]
    assert cached and spam.STAMP_PLACEHOLDER.encode() in cached[0] and b"form_started\" value=\"" in cached[0]


def test_a_bot_that_loads_a_cached_page_and_posts_at_once_is_too_fast(anonymous: Client) -> None:
    article = Article.objects.published().first()
    assert article is not None
    anonymous.get(ARTICLE)  # warms the page cache
    page = Client().get(ARTICLE).content.decode()
    form_started = re.search(r'name="form_started" value="([^"]+)"', page)
    assert form_started is not None
    response = Client().post(f"/community/comments/article/{article.pk}/", {
        "form_started": form_started.group(1), "homepage_url": "", "comment": "Buy now.", "name": "Bot",
        "email": "bot@example.net", "website": ""})
    assert response.status_code == 400 and "sent very fast" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_stamp_more_than_an_hour_old_is_refused(anonymous: Client) -> None:
    response = ask(anonymous, email="slow@example.net", form_started=spam.stamp(time.time() - 3700))
    assert "expired" in response.content.decode()
    assert not Question.objects.exists()
    assert spam.FORM_MAX_AGE <= 3600


def test_typing_an_approved_commenters_address_does_not_skip_moderation(anonymous: Client) -> None:
    article = Article.objects.published().first()
    assert article is not None
    url = f"/community/comments/article/{article.pk}/"
    data = guard(comment="Stretching before bed helped me.", name="Robin", email="robin@example.net", website="")
    assert anonymous.post(url, data).status_code == 302
    Comment.objects.update(status=CommentStatus.VISIBLE)  # a moderator approves Robin
    impostor = Client()
    impostor.post(url, {**data, "comment": "Cheap pills at my site.", "name": "Robin"})
    assert Comment.objects.get(body__startswith="Cheap").status == CommentStatus.PENDING
    anonymous.post(url, {**data, "comment": "And magnesium did nothing for me."})
    assert Comment.objects.get(body__startswith="And magnesium").status == CommentStatus.VISIBLE, (
        "Robin's own browser is still known")


def post_api(client: Client, payload: dict[str, Any]) -> Any:
    return client.post("/api/v1/questions", json.dumps(payload), content_type="application/json")


def test_a_new_members_api_question_is_held_like_an_unchecked_form(asker: Client) -> None:
    user = user_of(asker)
    published_question(author=user, title="An earlier question about calf cramps")  # has published before
    response = post_api(asker, {"title": "Why do my calves cramp after football?", "body": "Always late on."})
    assert response.status_code == 201
    assert Question.objects.get(pk=response.json()["id"]).state == QuestionState.AWAITING_MODERATION
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - datetime.timedelta(days=30))
    response = post_api(asker, {"title": "Why do my feet cramp when I swim?", "body": "In cold water."})
    assert Question.objects.get(pk=response.json()["id"]).state == QuestionState.OPEN


def test_too_many_links_is_a_400_not_a_429(anonymous: Client) -> None:
    response = post_api(anonymous, {"title": "Why do my calves cramp at night?", "email": "links@example.net",
                                    "body": "See https://a.example and https://b.example"})
    assert response.status_code == 400 and "link" in response.json()["detail"]
