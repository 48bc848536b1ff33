from __future__ import annotations

from django.contrib import admin

from askwell.accounts.models import ExpertProfile


@admin.register(ExpertProfile)
class ExpertProfileAdmin(admin.ModelAdmin[ExpertProfile]):
    list_display = ["user", "profession", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["user", "reviewed_by"]
