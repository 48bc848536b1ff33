"""GET /api/v1/answers: instant answers with triage, the `askwell ask --json` object."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import ConfigDict

from askwell.answers.ranking import MAX_QUERY_CHARS
from askwell.answers.search import MAX_LIMIT, answer
from askwell.api.schemas import ErrorOut

router = Router(tags=["answers"])


class AnswersQuery(Schema):
    q: str = Field(..., max_length=MAX_QUERY_CHARS, description="The question, in the person's own words.")
    limit: int = Field(10, ge=1, le=MAX_LIMIT, description="How many answers at most.")


class TriageOut(Schema):
    model_config = ConfigDict(extra="allow")

    level: Literal["emergency", "urgent", "see_doctor", "self_care"]
    reasons: list[str]


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
    answers: list[AnswerOut]
    took_ms: float
    confident: bool = Field(..., description="False when no answer is good enough to show as an instant answer.")
    confidence: float
    corrected_query: str | None = Field(None, description="The question as understood, when spelling was corrected.")
    truncated: bool



@router.get(
    "/answers",
    response={200: AnswersOut, 400: ErrorOut, 422: ErrorOut},
    summary="Instant answers to a question, with triage",
    operation_id="answers",
)
def answers(request: HttpRequest, params: Query[AnswersQuery]) -> dict[str, Any]:
    if not params.q.strip():
        raise HttpError(400, "q: type a question.")
    return answer(params.q, limit=params.limit)
