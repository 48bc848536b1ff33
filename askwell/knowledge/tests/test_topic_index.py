from __future__ import annotations

import pytest
from django.test import Client

from askwell.knowledge.models import Topic

pytestmark = pytest.mark.django_db


def test_it_links_every_published_topic_to_its_section(persona: Client) -> None:
    html = persona.get("/topics/").content.decode()
    for topic in Topic.objects.published().select_related("article__pack"):
        assert f'href="{topic.get_absolute_url()}"' in html


def test_it_hides_unpublished_topics(anonymous: Client) -> None:
    Topic.objects.filter(slug="causes/cold").update(status="unpublished")
    assert 'data-topic="causes/cold"' not in anonymous.get("/topics/").content.decode()
