"""/sitemap.xml is an index of cached sitemap pages; questions are paged by id range (no COUNT,
no OFFSET), and a new question shows once content changes."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from askwell.community.models import Question, QuestionState
from askwell.community.sitemaps import QuestionSitemap
from askwell.community.testing import published_question
from askwell.core.pagecache import bump_content_version
from askwell.knowledge.models import Article

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>http://testserver([^<]+)</loc>")


def section_pages(client: Client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert "<sitemapindex" in response.content.decode()
    return LOC.findall(response.content.decode())


def every_location(client: Client) -> set[str]:
    found: set[str] = set()
    for page in section_pages(client):
        response = client.get(page)
        assert response.status_code == 200, page
        assert "<urlset" in response.content.decode()
        found.update(LOC.findall(response.content.decode()))
    return found


def test_the_index_lists_a_page_per_section_and_the_pages_list_every_article(anonymous: Client) -> None:
    pages = section_pages(anonymous)
    assert "/sitemap-articles-1.xml" in pages and "/sitemap-static-1.xml" in pages
    locations = every_location(anonymous)
    for article in Article.objects.published():
        assert article.get_absolute_url() in locations


def test_index_and_pages_are_served_from_the_page_cache(anonymous: Client) -> None:
    anonymous.get("/sitemap.xml")
    again = anonymous.get("/sitemap.xml")
    assert again["X-Page-Cache"] == "hit"
    assert again["X-Robots-Tag"] == "noindex, noodp, noarchive"
    anonymous.get("/sitemap-articles-1.xml")
    assert anonymous.get("/sitemap-articles-1.xml")["X-Page-Cache"] == "hit"


def test_a_new_public_question_appears_and_a_private_one_never(anonymous: Client) -> None:
    before = every_location(anonymous)
    shown = published_question()
    hidden = published_question(title="Is this cramp serious?")
    Question.objects.filter(pk=hidden.pk).update(state=QuestionState.PENDING_CONFIRMATION)
    bump_content_version()
    cache.clear()  # sitemap pages are kept an hour whatever changes (the next test checks that)
    after = every_location(anonymous)
    assert shown.get_absolute_url() in after and shown.get_absolute_url() not in before
    assert hidden.get_absolute_url() not in after


def test_question_pages_are_id_ranges_counted_from_the_highest_id(anonymous: Client) -> None:
    first = published_question()
    with mock.patch.object(QuestionSitemap, "limit", 2):
        Question.objects.filter(pk=first.pk).update(id=7)  # ids 1..8 -> pages 1..4 of 2
        bump_content_version()
        pages = [page for page in section_pages(anonymous) if "questions" in page]
        assert pages == [f"/sitemap-questions-{n}.xml" for n in range(1, 5)]
        assert LOC.findall(anonymous.get("/sitemap-questions-4.xml").content.decode()) == ["/questions/7/"]
        assert LOC.findall(anonymous.get("/sitemap-questions-1.xml").content.decode()) == []
        assert anonymous.get("/sitemap-questions-5.xml").status_code == 404
        with CaptureQueriesContext(connection) as queries:
            anonymous.get("/sitemap-questions-3.xml")
    sql = " ".join(query["sql"].upper() for query in queries.captured_queries)
    assert "COUNT(" not in sql and "OFFSET" not in sql


def test_sitemap_pages_are_kept_an_hour_but_the_index_follows_changes(anonymous: Client) -> None:
    anonymous.get("/sitemap.xml")
    anonymous.get("/sitemap-articles-1.xml")
    bump_content_version()
    assert anonymous.get("/sitemap.xml")["X-Page-Cache"] == "miss"
    assert anonymous.get("/sitemap-articles-1.xml")["X-Page-Cache"] == "hit"


def test_unknown_sections_and_pages_are_404(anonymous: Client) -> None:
    assert anonymous.get("/sitemap-nothing-1.xml").status_code == 404
    assert anonymous.get("/sitemap-articles-2.xml").status_code == 404
    assert anonymous.get("/sitemap-articles-0.xml").status_code == 404
