from __future__ import annotations

import pytest
from django.test import Client

from askwell.knowledge.models import Article

pytestmark = pytest.mark.django_db


def test_every_persona_sees_the_home_page(persona: Client) -> None:
    html = persona.get("/").content.decode()
    assert 'role="search"' in html and 'name="q"' in html
    assert "Ask a question" in html


def test_it_lists_the_guides_newest_and_most_read(anonymous: Client) -> None:
    Article.objects.filter(slug="treatment").update(views=999)
    html = anonymous.get("/").content.decode()
    for article in Article.objects.published():
        assert article.get_absolute_url() in html
    most_read = html.split('id="popular-h"')[1]
    assert most_read.index(Article.objects.get(slug="treatment").title) < 200 + most_read.index("<ol>")
    assert 'id="newest-h"' in html


def test_it_says_what_to_do_in_an_emergency(anonymous: Client) -> None:
    assert "999" in anonymous.get("/").content.decode()


def test_the_home_search_box_gets_help_as_you_type_and_works_without_javascript(anonymous: Client) -> None:
    html = anonymous.get("/").content.decode()
    assert '<form class="search-form" role="search" action="/search/" method="get">' in html
    assert 'data-answers-suggest="home-suggestions"' in html and 'id="home-suggestions"' in html
    assert 'data-answers-endpoint="/api/v1/answers"' in html and "js/answers.js" in html
    assert 'href="/help/"' in html
