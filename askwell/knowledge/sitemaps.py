from __future__ import annotations

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from askwell.knowledge.models import Article


class ArticleSitemap(Sitemap[Article]):
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> QuerySet[Article]:
        return Article.objects.published().select_related("pack")

    def lastmod(self, item: Article) -> datetime.datetime:
        return item.updated_at


class StaticSitemap(Sitemap[str]):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> list[str]:
        return ["core:home", "core:about", "core:contact", "knowledge:index"]

    def location(self, item: str) -> str:
        return reverse(item)
