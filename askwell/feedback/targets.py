"""What can be voted on, and where each one is: a published topic or a visible answer."""

from __future__ import annotations

from django.apps import apps

from askwell.feedback.models import Target
from askwell.knowledge.models import Topic


def target_exists(target: str, key: str) -> bool:
    if target == Target.TOPIC:
        return Topic.objects.published().filter(slug=key).exists()
    if target == Target.ANSWER and key.isdigit() and apps.is_installed("askwell.community"):
        answer_model = apps.get_model("community", "Answer")
        return bool(answer_model.objects.visible().filter(pk=int(key)).exists())
    return False


def titles_of_topics(slugs: list[str]) -> dict[str, tuple[str, str]]:
    """slug -> (title, address) for the editors' page, in one query."""
    found = Topic.objects.filter(slug__in=slugs).select_related("article__pack")
    return {topic.slug: (topic.title, topic.get_absolute_url()) for topic in found}
