"""The search results page: /search/?q=... (works without JavaScript)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from askwell.answers.cache import cached_answer, text_digest
from askwell.answers.ranking import MAX_QUERY_CHARS, content_stems, highlight
from askwell.core.models import SiteSettings
from askwell.core.pagecache import cached_for_anonymous
from askwell.feedback.actions import note_answer_result
from askwell.helpnow.lines import is_act_now, urgent_line
from askwell.medical.triage import level_info
from askwell.medical.vocabulary import TriageLevel


def search_page(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "")
    # The page depends on nothing but the question: anonymous readers asking again get it from
    # the page cache. Only confidently answered questions are kept, so every unanswered one
    # still reaches note_answer_result below.
    name = "search:" + text_digest(raw)
    return cached_for_anonymous(request, name, lambda: _render_search(request, raw), vary_on_query=True)


def _render_search(request: HttpRequest, raw: str) -> HttpResponse:
    context: dict[str, object] = {"q": raw[:MAX_QUERY_CHARS], "too_long": len(raw) > MAX_QUERY_CHARS}
    if raw.strip():
        result = cached_answer(raw, limit=10)
        note_answer_result(raw, result)  # editors' "what readers need" page (askwell/feedback)
        stems = set(content_stems(result["corrected_query"] or result["query"]))
        for item in result["answers"]:
            item["snippet_html"] = mark_safe(highlight(item["snippet"], stems))  # noqa: S308 - escaped by highlight
        not_covered = result.get("scope") == "not_covered"
        answers = result["answers"]
        if not_covered:
            # Our guides do not cover the subject: a guide that matched a word or two would only
            # look like an answer. Answered community questions may still be on the subject.
            answers = [item for item in answers if item["source"] == "question"]
        context.update(
            result=result,
            answers=answers,
            # A subject the guides do not cover never gets a "best answer", whatever the score.
            confident=bool(result["confident"]) and not not_covered,
            not_covered=not_covered,
            act_now=is_act_now(result["triage"]),
        )
        if not_covered:
            site = SiteSettings.current()
            context.update(
                safety_net=level_info(TriageLevel.SELF_CARE).safety_net,
                urgent_line=urgent_line(site),
            )
    response = render(request, "answers/search.html", context, status=200)
    if raw.strip() and not context.get("confident"):
        response.skip_page_cache = True  # type: ignore[attr-defined]  # read by cached_for_anonymous
    return response
