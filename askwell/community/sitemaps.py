from __future__ import annotations

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from askwell.community.models import Question


class QuestionSitemap(Sitemap[Question]):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self) -> QuerySet[Question]:
        return Question.objects.public().exclude(state="closed").order_by("-created_at")

    def lastmod(self, item: Question) -> datetime.datetime:
        return item.updated_at


SITEMAPS: dict[str, type[Sitemap]] = {"questions": QuestionSitemap}  # type: ignore[type-arg]
