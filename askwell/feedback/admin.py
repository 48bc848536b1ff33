"""Read-only lists: feedback is written by readers, never by hand."""

from __future__ import annotations

from typing import TypeVar

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from askwell.feedback.models import Unanswered, UsefulVote

_M = TypeVar("_M", bound=Model)


class ReadOnlyAdmin(admin.ModelAdmin[_M]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False


@admin.register(UsefulVote)
class UsefulVoteAdmin(ReadOnlyAdmin[UsefulVote]):
    list_display = ["target", "key", "useful", "day"]
    list_filter = ["target", "useful"]
    search_fields = ["key"]


@admin.register(Unanswered)
class UnansweredAdmin(ReadOnlyAdmin[Unanswered]):
    list_display = ["text", "source", "day", "count"]
    list_filter = ["source"]
    search_fields = ["text"]
