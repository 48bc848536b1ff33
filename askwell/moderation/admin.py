from __future__ import annotations

from django.contrib import admin

from askwell.moderation.models import AuditEntry, BannedWord, Flag


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    list_display = ["created_at", "actor_name", "action", "target_type", "target_id", "reason"]
    list_filter = ["action"]

    def has_add_permission(self, request: object) -> bool:
        return False  # entries are written by the actions they record, never by hand

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False  # the log is never edited

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


admin.site.register(BannedWord)
admin.site.register(Flag)
