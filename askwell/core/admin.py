from django.contrib import admin
from django.http import HttpRequest

from askwell.core.models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin[SiteSettings]):
    list_display = ["site_name", "phone", "website", "emergency_number"]
    fieldsets = [
        (None, {"fields": ["site_name", "tagline", "website"]}),
        ("Contact details", {"fields": ["postal_address", "phone", "whatsapp_number", "contact_hours"]}),
        ("Emergency", {
            "description": "Shown on every urgent or emergency answer, on the “Get help now” page, in the API "
                           "and the command line. See docs/help-numbers.md for other countries.",
            "fields": ["emergency_number", "emergency_department", "emergency_advice"],
        }),
        ("Urgent advice line (not an emergency, but today)", {
            "fields": ["urgent_line_name", "urgent_line_number", "urgent_line_url", "urgent_line_hours"],
        }),
        ("Crisis lines (suicidal thoughts or self-harm)", {
            "description": "Shown first, before any search result, when someone writes about suicidal thoughts "
                           "or self-harm. Give a line that answers 24 hours a day.",
            "fields": ["crisis_intro", "crisis_line_name", "crisis_line_number", "crisis_line_hours",
                       "crisis_line_url", "crisis_text_keyword", "crisis_text_number", "crisis_text_name",
                       "crisis_text_hours"],
        }),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: SiteSettings | None = None) -> bool:
        return False
