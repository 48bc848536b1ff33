"""{% comments_for article %}, {% answers answer_list %}, {% report_button kind target %} and
{% question_rows questions %}: the comment lists, answers, report forms and questions list rows
of askwell/community/markup.py in templates.

Safe inside whole-page-cached pages: they render nothing personal, and the forms carry a CSRF
token only for signed-in people, who are never served cached pages.
"""

from __future__ import annotations

from django import template
from django.db.models import Model
from django.utils.safestring import SafeString

from askwell.community import markup
from askwell.community.models import Answer, Question
from askwell.knowledge.models import Article

register = template.Library()


def _csrf_for(context: template.Context) -> object:
    """The request's CSRF token (a lazy string) for signed-in people, else None."""
    request = context.get("request")
    signed_in = bool(context.get("signed_in") or (request and request.user.is_authenticated))
    return context.get("csrf_token") if signed_in else None


@register.simple_tag(takes_context=True)
def comments_for(context: template.Context, target: Article | Answer) -> SafeString:
    return markup.comment_section(context.get("request"), target, _csrf_for(context))


@register.simple_tag(takes_context=True)
def answers(context: template.Context, answer_list: list[Answer]) -> SafeString:
    """A question page's answers; the page's context says what the reader may do with them."""
    user = context.get("user")
    reader = markup.Reader(
        request=context.get("request"), user_pk=user.pk if user is not None else None,
        is_member=bool(context.get("is_member")), can_accept=bool(context.get("can_accept")),
        can_moderate=bool(context.get("can_moderate")), csrf_token=_csrf_for(context),
    )
    return markup.answer_articles(answer_list, context["question"], reader)


@register.simple_tag(takes_context=True)
def report_button(context: template.Context, kind: str, target: Model) -> SafeString:
    """A small "Report" form for any reader."""
    return markup.report_button(context.get("request"), kind, target.pk, _csrf_for(context))


@register.simple_tag
def question_rows(questions: list[Question]) -> SafeString:
    return markup.question_rows(questions)
