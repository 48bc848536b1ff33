"""The search results page: /search/?q=... (works without JavaScript)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from askwell.answers.ranking import MAX_QUERY_CHARS, content_stems, highlight
from askwell.answers.search import answer

# What each triage level asks the person to do, and how soon.
TRIAGE_ADVICE = {
    "emergency": ("This could be an emergency", "Call the emergency number or go to the emergency department now."),
    "urgent": ("Get medical advice today", "Contact a doctor, urgent care or a nurse line today."),
    "see_doctor": ("Book an appointment with a doctor", "See a doctor in the next few days; it is not an emergency."),
    "self_care": ("You can usually manage this at home", "Get advice if it gets worse or does not settle."),
}


def search_page(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "")
    context: dict[str, Any] = {"q": raw[:MAX_QUERY_CHARS], "too_long": len(raw) > MAX_QUERY_CHARS}
    if raw.strip():
        result = answer(raw, limit=10)
        stems = set(content_stems(result["corrected_query"] or result["query"]))
        for item in result["answers"]:
            item["snippet_html"] = mark_safe(highlight(item["snippet"], stems))  # noqa: S308 - escaped by highlight
        level = result["triage"]["level"]
        heading, advice = TRIAGE_ADVICE[level]
        context.update(
            result=result,
            triage_heading=heading,
            triage_advice=result["triage"].get("advice") or advice,
            show_triage=level != "self_care",
        )
    return render(request, "answers/search.html", context, status=200)
