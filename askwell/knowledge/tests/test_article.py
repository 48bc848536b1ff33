"""The article page: sections, sources, review line, disclaimer, JSON-LD, canonical, caching."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from askwell.knowledge.models import Article, Topic

pytestmark = pytest.mark.django_db


def jsonld_of(html: str) -> dict[str, object]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def test_every_persona_can_read_an_article(persona: Client) -> None:
    response = persona.get("/muscle-spasms/causes/")
    assert response.status_code == 200
    assert "Reviewed by" in response.content.decode()


def test_it_shows_every_published_topic_as_an_anchored_section(anonymous: Client) -> None:
    article = Article.objects.published().get(pack__slug="muscle-spasms", slug="causes")
    html = anonymous.get(article.get_absolute_url()).content.decode()
    topics = list(article.topics.published())
    assert topics
    for topic in topics:
        assert f'id="{topic.anchor}"' in html
        assert f'data-topic="{topic.slug}"' in html
        assert f'href="#{topic.anchor}"' in html, "every section is in the table of contents"


def test_it_shows_the_review_line_sources_and_disclaimer(anonymous: Client) -> None:
    article = Article.objects.published().select_related("reviewed_by").get(pack__slug="muscle-spasms", slug="causes")
    html = anonymous.get(article.get_absolute_url()).content.decode()
    assert f"Reviewed by <strong>{article.reviewed_by.name}</strong>" in html
    assert "Last reviewed" in html and "Next review due" in html
    assert f'datetime="{article.next_review:%Y-%m-%d}"' in html
    assert 'id="sources"' in html and "https://" in html
    assert "not a diagnosis" in html


def test_every_citation_marker_points_to_a_listed_source(anonymous: Client) -> None:
    for article in Article.objects.published():
        html = anonymous.get(article.get_absolute_url()).content.decode()
        cited = set(re.findall(r'href="#source-([a-z0-9-]+)"', html))
        listed = set(re.findall(r'id="source-([a-z0-9-]+)"', html))
        assert cited <= listed, f"{article}: cited but not listed: {cited - listed}"
        assert listed, f"{article} lists no sources"


def test_it_carries_medical_web_page_json_ld(anonymous: Client) -> None:
    article = Article.objects.published().get(pack__slug="muscle-spasms", slug="causes")
    data = jsonld_of(anonymous.get(article.get_absolute_url()).content.decode())
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == article.last_reviewed.isoformat()
    assert data["reviewedBy"]["name"] == article.reviewed_by.name  # type: ignore[index]
    assert data["about"]


def test_the_pack_home_has_the_faq_and_an_faq_json_ld(anonymous: Client) -> None:
    html = anonymous.get("/muscle-spasms/").content.decode()
    assert 'id="faq-night-spasms"' in html
    data = jsonld_of(html)
    questions = data["mainEntity"]["mainEntity"]  # type: ignore[index]
    assert any(q["name"] == Topic.objects.get(slug="faq/night-spasms").title for q in questions)


def test_it_has_canonical_and_open_graph_tags(anonymous: Client) -> None:
    html = anonymous.get("/muscle-spasms/causes/").content.decode()
    assert '<link rel="canonical" href="http://testserver/muscle-spasms/causes/">' in html
    assert '<meta property="og:title"' in html and '<meta property="og:description"' in html


def test_anonymous_pages_are_served_from_the_cache_the_second_time(anonymous: Client) -> None:
    first = anonymous.get("/muscle-spasms/causes/")
    second = anonymous.get("/muscle-spasms/causes/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert first.content == second.content


def test_signed_in_readers_are_not_served_cached_pages(member: Client) -> None:
    member.get("/muscle-spasms/causes/")
    assert "X-Page-Cache" not in member.get("/muscle-spasms/causes/")


def test_views_are_counted_in_batches(anonymous: Client) -> None:
    from askwell.knowledge.views import VIEW_FLUSH_EVERY

    article = Article.objects.get(pack__slug="muscle-spasms", slug="causes")
    for _ in range(VIEW_FLUSH_EVERY):
        anonymous.get(article.get_absolute_url())
    article.refresh_from_db()
    assert article.views == VIEW_FLUSH_EVERY


def test_an_unknown_article_is_a_styled_404(anonymous: Client) -> None:
    response = anonymous.get("/muscle-spasms/no-such-article/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_an_unpublished_article_is_not_shown(anonymous: Client) -> None:
    Article.objects.filter(pack__slug="muscle-spasms", slug="causes").update(status="unpublished")
    assert anonymous.get("/muscle-spasms/causes/").status_code == 404


def test_a_topic_link_redirects_to_its_section(anonymous: Client) -> None:
    response = anonymous.get("/t/causes/dehydration/")
    assert response.status_code == 301
    assert response["Location"] == "/muscle-spasms/causes/#causes-dehydration"
    assert anonymous.get("/t/causes/no-such-topic/").status_code == 404


def test_citation_markers_carry_the_numbers_of_the_source_list(anonymous: Client) -> None:
    for article in Article.objects.published():
        html = anonymous.get(article.get_absolute_url()).content.decode()
        listed = dict(re.findall(r'<li id="source-([a-z0-9-]+)" value="(\d+)"', html))
        for key, number in re.findall(r'href="#source-([a-z0-9-]+)" title="Source (\d+)"', html):
            assert listed[key] == number, f"{article}: marker [{number}] for {key} but the list says {listed[key]}"


def test_the_topic_index_takes_a_fixed_number_of_queries(anonymous: Client, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    # Packs, articles and topics (3), plus the site settings lookup; not one query per article.
    with django_assert_max_num_queries(7):
        assert anonymous.get("/topics/").status_code == 200
