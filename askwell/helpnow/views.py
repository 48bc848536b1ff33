"""The "Get help now" page: what to do in an emergency, in a crisis, or when it cannot wait
until tomorrow, with the numbers an administrator set (site settings)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from askwell.core.models import SiteSettings
from askwell.helpnow.lines import crisis_lines, emergency_line, urgent_line
from askwell.medical.triage import all_level_info


@require_GET
def help_page(request: HttpRequest) -> HttpResponse:
    site = SiteSettings.current()
    context = {
        "emergency_lines": [emergency_line(site)],
        "crisis_lines": crisis_lines(site),
        "urgent_lines": [line for line in [urgent_line(site)] if line],
        "levels": all_level_info(),
    }
    return render(request, "helpnow/help.html", context)
