"""Editors read packs here and see what is due for review; content is edited in files."""

from __future__ import annotations

import datetime
from typing import TypeVar

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from askwell.knowledge.models import Article, Pack, Reviewer, Source, Topic

_M = TypeVar("_M", bound=Model)


class ReadOnlyAdmin(admin.ModelAdmin[_M]):
    """Pack content is reviewed in pull requests; the admin shows it but does not edit it."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False


class ReviewDueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request: HttpRequest, model_admin: object) -> list[tuple[str, str]]:
        return [("due", "Due or overdue"), ("soon", "Due within 30 days")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        today = timezone.localdate()
        if self.value() == "due":
            return queryset.filter(next_review__lte=today)
        if self.value() == "soon":
            return queryset.filter(next_review__lte=today + datetime.timedelta(days=30))
        return queryset


@admin.register(Pack)
class PackAdmin(ReadOnlyAdmin[Pack]):
    list_display = ["title", "slug", "status", "loaded_at"]


@admin.register(Article)
class ArticleAdmin(ReadOnlyAdmin[Article]):
    list_display = ["title", "pack", "status", "reviewed_by", "last_reviewed", "next_review", "review_due", "views"]
    list_filter = ["pack", "status", ReviewDueFilter]
    search_fields = ["title", "summary"]
    ordering = ["next_review"]

    @admin.display(boolean=True, description="review due")
    def review_due(self, obj: Article) -> bool:
        return obj.is_review_due


@admin.register(Topic)
class TopicAdmin(ReadOnlyAdmin[Topic]):
    list_display = ["slug", "title", "article", "status"]
    list_filter = ["status", "article__pack"]
    search_fields = ["slug", "title", "body_text"]


@admin.register(Source)
class SourceAdmin(ReadOnlyAdmin[Source]):
    list_display = ["key", "publisher", "title", "accessed"]
    list_filter = ["pack", "publisher"]


@admin.register(Reviewer)
class ReviewerAdmin(ReadOnlyAdmin[Reviewer]):
    list_display = ["name", "key", "role", "pack"]
