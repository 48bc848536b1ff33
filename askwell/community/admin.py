"""Admin views for staff. Addresses are left out of lists and forms: moderators never need them."""

from __future__ import annotations

from django.contrib import admin

from askwell.community.models import Answer, Comment, Question, TopicPolicy


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin[Question]):
    list_display = ["title", "state", "topic", "created_at"]
    list_filter = ["state"]
    search_fields = ["title"]
    exclude = ["contact_email"]
    raw_id_fields = ["author", "accepted_answer", "duplicate_of"]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin[Answer]):
    list_display = ["__str__", "by_expert", "hidden", "created_at"]
    raw_id_fields = ["question", "author"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    list_display = ["__str__", "status", "created_at"]
    list_filter = ["status"]
    exclude = ["email"]
    raw_id_fields = ["article", "answer", "parent", "author"]


admin.site.register(TopicPolicy)
