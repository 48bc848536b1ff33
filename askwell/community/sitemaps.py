"""Questions in the sitemap, in pages of primary-key ranges.

Django's own paginator counts every public question (COUNT(*)) to know how many pages there
are and reaches page N with OFFSET, both of which grow with the number of questions. Here page
N holds the public questions whose id lies in [(N-1) x limit + 1, N x limit]: how many pages
there are is MAX(id) (one index lookup), and each page is a range scan of the primary key. A
page may hold fewer than `limit` questions (private or deleted ones leave gaps); an empty
page is still a valid <urlset>. Pages are cached whole (askwell/core/sitemap_views.py).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage
from django.db.models import Max, QuerySet
from django.urls import reverse

from askwell.community.models import Question


@dataclass(frozen=True)
class IdRangePage:
    object_list: QuerySet[Question]


class IdRangePages:
    """The part of Django's Paginator that Sitemap uses (num_pages, page(n).object_list)."""

    def __init__(self, items: QuerySet[Question], per_page: int) -> None:
        self.items = items
        self.per_page = per_page

    @property
    def num_pages(self) -> int:
        highest = Question.objects.aggregate(highest=Max("pk"))["highest"] or 0
        return max(1, -(-highest // self.per_page))

    def page(self, number: int) -> IdRangePage:
        if number < 1 or number > self.num_pages:
            raise EmptyPage("That page contains no results")
        low = (number - 1) * self.per_page + 1
        in_range = self.items.filter(pk__gte=low, pk__lt=low + self.per_page).order_by("pk")
        return IdRangePage(in_range.only("pk", "updated_at"))


class QuestionSitemap(Sitemap[Question]):
    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self) -> QuerySet[Question]:
        return Question.objects.public().exclude(state="closed")

    @property
    def paginator(self) -> IdRangePages:  # type: ignore[override]
        return IdRangePages(self.items(), self.limit)

    def location(self, item: Question) -> str:
        # get_absolute_url's reverse(), done once per page rather than 5,000 times.
        if not hasattr(self, "_address"):
            self._address = reverse("community:question", kwargs={"pk": 1}).replace("/1/", "/{}/")
        return self._address.format(item.pk)

    def lastmod(self, item: Question) -> datetime.datetime:
        return item.updated_at

    def get_latest_lastmod(self) -> None:
        # Django's default reads every item's lastmod; the index does without it.
        return None


SITEMAPS: dict[str, type[Sitemap[Question]]] = {"questions": QuestionSitemap}
