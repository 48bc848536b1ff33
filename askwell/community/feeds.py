"""RSS and Atom feeds of new public questions, site-wide and per topic. Names only, never addresses."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from askwell.community.models import Question
from askwell.core.markdown import html_to_text
from askwell.knowledge.models import Topic


class QuestionFeed(Feed[Question, Topic | None]):
    description = "New questions from readers, answered in public by verified experts."

    def get_object(self, request: HttpRequest, slug: str = "") -> Topic | None:
        if not slug:
            return None
        topic = Topic.objects.published().filter(slug=slug.strip("/")).first()
        if topic is None:
            raise Http404("No such topic")
        return topic

    def title(self, obj: Topic | None) -> str:
        return f"New questions about {obj.title}" if obj else "New questions"

    def link(self, obj: Topic | None) -> str:
        url = reverse("community:questions")
        return f"{url}?topic={obj.slug}" if obj else url

    def items(self, obj: Topic | None) -> QuerySet[Question]:
        questions = Question.objects.public().select_related("author")
        if obj is not None:
            questions = questions.filter(topic=obj)
        return questions.order_by("-created_at")[:30]

    def item_title(self, item: Question) -> str:
        return item.title

    def item_description(self, item: Question) -> str:
        # Feed readers treat descriptions as HTML, so the plain text is escaped once more.
        return escape(html_to_text(item.body_html)[:500])

    def item_pubdate(self, item: Question) -> datetime.datetime:
        return item.created_at

    def item_author_name(self, item: Question) -> str:
        return item.asker_name


class QuestionAtomFeed(QuestionFeed):
    feed_type = Atom1Feed
    subtitle = QuestionFeed.description
