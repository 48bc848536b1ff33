"""GET /api/v1/answers: instant answers with triage, the `askwell ask --json` object."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.renderers import JSONRenderer
from pydantic import ConfigDict

from askwell.answers.cache import cached_answer, text_digest
from askwell.answers.ranking import MAX_QUERY_CHARS
from askwell.answers.search import MAX_LIMIT
from askwell.api.schemas import ErrorOut
from askwell.core.models import SiteSettings
from askwell.core.pagecache import cached_for_anonymous
from askwell.helpnow.presentation import help_page_url, with_help
from askwell.medical.vocabulary import TriageLevel

router = Router(tags=["answers"])


class AnswersQuery(Schema):
    q: str = Field(..., max_length=MAX_QUERY_CHARS, description="The question, in the person's own words.")
    limit: int = Field(10, ge=1, le=MAX_LIMIT, description="How many answers at most.")


class TriageOut(Schema):
    model_config = ConfigDict(extra="allow")

    level: TriageLevel
    reasons: list[str]
    crisis: bool = Field(False, description="True when the text describes suicidal thoughts or self-harm.")


class HelpLineOut(Schema):
    kind: Literal["emergency", "urgent", "crisis", "crisis_text"]
    text: str = Field(..., description="A whole sentence with the number in it.")
    number: str = Field(..., description="The number to call or text, as people dial it; may be empty.")
    url: str = Field(..., description="A website for this help; may be empty.")


class HelpOut(Schema):
    model_config = ConfigDict(extra="allow")

    level: TriageLevel
    headline: str = Field(..., description="The triage level in words, as the pages show it.")
    colour: str = Field(..., description="The level's colour word (red, amber, blue, green).")
    crisis: bool
    act_now: bool = Field(..., description="Urgent, emergency or crisis: act now; do not wait for an answer here.")
    now: list[HelpLineOut] = Field(
        ..., description="What to do now, most important first; empty when nothing is urgent.")
    numbers: dict[str, Any] = Field(..., description="The site's help numbers: emergency, urgent, crisis, crisis_text.")
    page: str = Field(..., description="The address of the site's Get help now page.")


class AnswerOut(Schema):
    topic: str = Field(..., description='A knowledge-map slug such as "faq/night-spasms", or "question/<id>".')
    title: str
    snippet: str = Field(..., description="The passage that answers, as plain text.")
    url: str
    score: float
    source: Literal["knowledge", "question"]


class AnswersOut(Schema):
    query: str
    triage: TriageOut
    help: HelpOut = Field(
        ..., description="What to do now and the site's help numbers (before the answers on purpose).")
    answers: list[AnswerOut]
    took_ms: float = Field(..., description="How long the answer took to make, in milliseconds; a copy served "
                           "from the page cache (header X-Page-Cache: hit) keeps the time it took when it was made.")
    confident: bool = Field(..., description="False when no answer is good enough to show as an instant answer.")
    scope: Literal["covered", "not_covered"] = Field(
        "covered", description="not_covered: the knowledge packs do not cover the subject (never confident then).")
    confidence: float
    corrected_query: str | None = Field(None, description="The question as understood, when spelling was corrected.")
    truncated: bool


@router.get(
    "/answers",
    response={200: AnswersOut, 400: ErrorOut, 422: ErrorOut},
    summary="Instant answers to a question, with triage",
    operation_id="answers",
)
def answers(request: HttpRequest, params: Query[AnswersQuery]) -> HttpResponse:
    if not params.q.strip():
        raise HttpError(400, "q: type a question.")
    # The same for everyone: kept in the page cache like the search page (compressed once,
    # ETag and 304, served before the rest of the middleware to callers with no cookie), and
    # retired on every change to what it answers from. `took_ms` is how long the answer took
    # when it was made.
    return cached_for_anonymous(request, f"api-answers:{params.limit}:{text_digest(params.q)}",
                                lambda: _answers_response(request, params), vary_on_query=True)


def _answers_response(request: HttpRequest, params: AnswersQuery) -> HttpResponse:
    result = with_help(cached_answer(params.q, limit=params.limit), SiteSettings.current(),
                       help_page_url(absolute=True))  # the site's address, not the caller's Host
    # As django-ninja renders a returned object: checked against the response schema, then
    # its JSON renderer (the API's, askwell/api/urls.py, sets no other).
    body = AnswersOut.model_validate(result).model_dump()
    content = RENDERER.render(request, body, response_status=200)
    return HttpResponse(content, content_type=f"{RENDERER.media_type}; charset={RENDERER.charset}")


RENDERER = JSONRenderer()
