"""Editors read packs in the admin and see which articles are due for review."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from askwell.knowledge.models import Article

pytestmark = pytest.mark.django_db


def test_editors_see_review_dates_and_can_filter_what_is_due(admin_client: Client) -> None:
    overdue = Article.objects.get(pack__slug="muscle-spasms", slug="causes")
    overdue.next_review = timezone.localdate() - datetime.timedelta(days=3)
    overdue.save()
    html = admin_client.get("/admin/knowledge/article/?review=due").content.decode()
    assert overdue.title in html
    other = Article.objects.get(pack__slug="muscle-spasms", slug="relief")
    assert other.title not in html


def test_pack_content_is_read_only_in_the_admin(admin_client: Client) -> None:
    topic_list = admin_client.get("/admin/knowledge/topic/")
    assert topic_list.status_code == 200
    assert admin_client.get("/admin/knowledge/topic/add/").status_code == 403


def test_readers_cannot_open_the_admin(member: Client) -> None:
    response = member.get("/admin/knowledge/article/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
