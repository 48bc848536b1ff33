"""/api/v1/questions: list, detail, create. No email address is ever in a response schema.

Creating runs the same checks as the form: honeypot and fill-time are form-only, so the API
instead requires a signed-in session (CSRF-checked) or an email confirmation for anonymous
askers, holds a new account's question for a moderator, and applies the same rate limits, link
limits, duplicate detection and banned words.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from askwell.api.schemas import ErrorOut
from askwell.community import actions, permissions
from askwell.community.models import Question
from askwell.core.errors import ActionError
from askwell.knowledge.models import Topic
from askwell.moderation import spam

router = Router(tags=["questions"])

# Far past the last question, yet small enough for every database's row offset.
MAX_OFFSET = 1_000_000
# What each operation may answer besides its success: always {"detail": "..."}.
READ_ERRORS: dict[int, type[ErrorOut]] = {400: ErrorOut, 422: ErrorOut, 429: ErrorOut}


class QuestionAnswerOut(Schema):
    id: int
    author: str
    verified_expert: bool
    profession: str | None
    body_html: str
    helpful: int
    accepted: bool
    created_at: datetime


class QuestionSummary(Schema):
    id: int
    title: str
    state: str
    topic: str | None
    tags: list[str]
    asker: str
    url: str
    created_at: datetime


class QuestionDetail(QuestionSummary):
    body_html: str
    triage_level: str
    close_reason: str
    answers: list[QuestionAnswerOut]


class QuestionIn(Schema):
    title: str = Field(..., min_length=10, max_length=150)
    body: str = Field(..., min_length=1, max_length=5000)
    topic: str | None = Field(None, max_length=120, description="A knowledge-map topic slug")
    tags: list[str] = Field(default_factory=list, max_length=5)
    email: str | None = Field(None, max_length=254, description="Required without a signed-in session; never shown")


class Created(Schema):
    id: int
    state: str
    url: str | None


def _read_limit(request: HttpRequest) -> None:
    try:
        spam.check_rate(request, "api_read")
    except spam.SpamError as error:
        raise HttpError(429, str(error)) from error


def _summary(question: Question) -> dict[str, object]:
    return {
        "id": question.pk, "title": question.title, "state": question.state,
        "topic": question.topic.slug if question.topic else None, "tags": question.tags,
        "asker": question.asker_name, "url": question.get_absolute_url(), "created_at": question.created_at,
    }


@router.get("/questions", response={200: list[QuestionSummary], **READ_ERRORS})
def list_questions(
    request: HttpRequest, topic: str | None = None, limit: int = 20, offset: int = 0
) -> list[dict[str, object]]:
    _read_limit(request)
    if not 1 <= limit <= 100 or not 0 <= offset <= MAX_OFFSET:
        raise HttpError(400, f"limit must be 1 to 100 and offset 0 to {MAX_OFFSET}.")
    questions = Question.objects.public().select_related("topic", "author")
    if topic:
        questions = questions.filter(topic__slug=topic)
    return [_summary(q) for q in questions[offset:offset + limit]]


@router.get("/questions/{question_id}", response={200: QuestionDetail, 404: ErrorOut, **READ_ERRORS})
def question_detail(request: HttpRequest, question_id: int) -> dict[str, object]:
    _read_limit(request)
    question = get_object_or_404(Question.objects.select_related("topic", "author"), pk=question_id)
    if not question.is_public:
        raise HttpError(404, "No such question.")
    answers = []
    for answer in question.visible_answers().select_related("author__expert_profile"):
        profile = getattr(answer.author, "expert_profile", None) if answer.author else None
        answers.append({
            "id": answer.pk, "author": answer.author_name, "verified_expert": answer.by_expert,
            "profession": profile.profession if answer.by_expert and profile else None,
            "body_html": answer.body_html, "helpful": answer.helpful_count,
            "accepted": answer.pk == question.accepted_answer_id, "created_at": answer.created_at,
        })
    return {**_summary(question), "body_html": question.body_html, "triage_level": question.triage_level,
            "close_reason": question.close_reason, "answers": answers}


@router.post("/questions", response={201: Created, 401: ErrorOut, 403: ErrorOut, 409: ErrorOut, 415: ErrorOut,
                                     **READ_ERRORS})
def create_question(request: HttpRequest, payload: QuestionIn) -> tuple[int, dict[str, object]]:
    if request.user.is_authenticated and request.content_type != "application/json":
        # A cross-site page cannot send JSON without a CORS preflight, so this stops forged posts.
        raise HttpError(415, "Send JSON (Content-Type: application/json).")
    if not request.user.is_authenticated:
        if not payload.email:
            raise HttpError(400, "email: required when not signed in (we send a confirmation link; it is never shown).")
        try:
            validate_email(payload.email)
        except ValidationError as error:
            raise HttpError(400, "email: enter a valid email address.") from error
    topic = None
    if payload.topic:
        topic = Topic.objects.published().filter(slug=payload.topic).first()
        if topic is None:
            raise HttpError(400, "topic: no such topic.")
    try:
        spam.check_rate(request, "question")
        spam.check_links(request.user, payload.title, payload.body)
        question = actions.ask_question(
            user=request.user, title=payload.title, body=payload.body, topic=topic,
            tags=actions.clean_tags(payload.tags), contact_email=str(payload.email or ""), from_api=True,
        )
    except spam.RateLimited as error:
        raise HttpError(429, str(error)) from error
    except spam.SpamError as error:  # too many links: fix the post, retrying will not help
        raise HttpError(400, str(error)) from error
    except actions.DuplicatePost as error:
        raise HttpError(409, str(error)) from error
    except ActionError as error:
        raise HttpError(400, str(error)) from error
    visible = permissions.can_view_question(request.user, question)
    return 201, {"id": question.pk, "state": question.state, "url": question.get_absolute_url() if visible else None}
