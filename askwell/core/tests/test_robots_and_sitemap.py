from __future__ import annotations

import pytest
from django.test import Client

from askwell.knowledge.models import Article

pytestmark = pytest.mark.django_db


def test_robots_txt_points_to_the_sitemap(anonymous: Client) -> None:
    response = anonymous.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_the_sitemap_lists_every_published_article(anonymous: Client) -> None:
    # /sitemap.xml is an index of sitemap pages (test_sitemap_index.py); the articles are on one.
    body = anonymous.get("/sitemap-articles-1.xml").content.decode()
    for article in Article.objects.published():
        assert f"<loc>http://testserver{article.get_absolute_url()}</loc>" in body


def test_unknown_urls_get_the_styled_404(anonymous: Client) -> None:
    response = anonymous.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "site.css" in response.content.decode()


def test_the_500_page_is_styled_and_needs_no_database() -> None:
    from django.test import RequestFactory

    from askwell.core.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
