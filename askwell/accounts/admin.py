from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from askwell.accounts.models import ExpertProfile, ExpertStatus
from askwell.accounts.permissions import signed_in


@admin.register(ExpertProfile)
class ExpertProfileAdmin(admin.ModelAdmin[ExpertProfile]):
    """Applications are decided through the same action as the moderation pages (reviewer,
    date and audit entry set there), never by editing the status field by hand."""

    list_display = ["user", "profession", "status", "reviewed_by", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["user"]
    readonly_fields = ["status", "reviewed_by", "reviewed_at", "decline_reason"]
    actions = ["verify"]

    @admin.action(description="Verify the selected applications (sets the reviewer and writes the audit log)")
    def verify(self, request: HttpRequest, queryset: QuerySet[ExpertProfile]) -> None:
        from askwell.moderation.actions import verify_expert

        verified = 0
        for profile in queryset.exclude(status=ExpertStatus.VERIFIED).select_related("user"):
            verify_expert(signed_in(request.user), profile)
            verified += 1
        messages.success(request, f"Verified {verified} application{'s' if verified != 1 else ''}.")
