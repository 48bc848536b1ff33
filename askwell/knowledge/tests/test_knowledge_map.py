"""The muscle-spasms pack covers every topic of the knowledge map, each addressable and linked."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.test import Client

from askwell.knowledge.models import Topic

pytestmark = pytest.mark.django_db


def map_slugs(shared_dir: Path) -> list[str]:
    data = yaml.safe_load((shared_dir / "spec" / "knowledge-map.yaml").read_text())
    return [topic["slug"] for topic in data["topics"]]


def test_every_knowledge_map_slug_is_published(shared_dir: Path) -> None:
    published = set(Topic.objects.published().values_list("slug", flat=True))
    missing = [slug for slug in map_slugs(shared_dir) if slug not in published]
    assert not missing, f"knowledge-map slugs missing from the pack: {missing}"


def test_every_knowledge_map_slug_is_linked_from_its_page_and_the_topic_index(
    shared_dir: Path, anonymous: Client
) -> None:
    index = anonymous.get("/topics/").content.decode()
    pages: dict[str, str] = {}
    for slug in map_slugs(shared_dir):
        topic = Topic.objects.published().select_related("article__pack").get(slug=slug)
        url = topic.article.get_absolute_url()
        if url not in pages:
            response = anonymous.get(url)
            assert response.status_code == 200, url
            pages[url] = response.content.decode()
        assert f'id="{topic.anchor}"' in pages[url], f"{slug} has no anchor on {url}"
        assert f'data-topic="{slug}"' in index, f"{slug} is not linked from the topic index"


def test_every_topic_cites_at_least_one_source() -> None:
    uncited = [t.slug for t in Topic.objects.published() if not t.sources.exists()]
    assert not uncited
