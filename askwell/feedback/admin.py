"""Read-only lists: feedback is written by readers, never by hand."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from askwell.feedback.models import Unanswered, UsefulVote


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(UsefulVote)
class UsefulVoteAdmin(ReadOnlyAdmin):
    list_display = ["target", "key", "useful", "day"]
    list_filter = ["target", "useful"]
    search_fields = ["key"]


@admin.register(Unanswered)
class UnansweredAdmin(ReadOnlyAdmin):
    list_display = ["text", "source", "day", "count"]
    list_filter = ["source"]
    search_fields = ["text"]
