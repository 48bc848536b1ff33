"""{% comments_for article %}: the comment list and the "Leave a reply" form for a page.

Safe inside whole-page-cached pages: it renders nothing personal, and the form carries a
CSRF token only for signed-in people, who are never served cached pages.
"""

from __future__ import annotations

from typing import Any

from django import template

from askwell.community.forms import CommentForm
from askwell.community.models import Answer, Comment
from askwell.knowledge.models import Article
from askwell.moderation.spam import STAMP_PLACEHOLDER

register = template.Library()


def _threads(comments: list[Comment]) -> list[tuple[Comment, list[Comment]]]:
    top = [c for c in comments if c.parent_id is None]
    return [(c, [r for r in comments if r.parent_id == c.pk]) for c in top]


@register.inclusion_tag("community/_comments.html", takes_context=True)
def comments_for(context: template.Context, target: Article | Answer) -> dict[str, Any]:
    kind = "article" if isinstance(target, Article) else "answer"
    comments = list(target.comments.visible().only(
        "pk", "parent_id", "name", "website", "body_html", "created_at", "article_id", "answer_id"
    ))
    request = context.get("request")
    signed_in = bool(request and request.user.is_authenticated)
    return {
        "kind": kind,
        "target": target,
        "threads": _threads(comments),
        "count": len(comments),
        "form": CommentForm(auto_id=f"id_{kind}{target.pk}_%s"),
        "signed_in": signed_in,
        "csrf_token": context.get("csrf_token") if signed_in else None,
    }


@register.inclusion_tag("community/_flag.html", takes_context=True)
def report_button(context: template.Context, kind: str, target: Any) -> dict[str, Any]:
    """A small "Report" form for any reader. Like the comment form it may sit in a cached page,
    so it carries a CSRF token only for signed-in people."""
    request = context.get("request")
    signed_in = bool(context.get("signed_in") or (request and request.user.is_authenticated))
    return {"kind": kind, "target_pk": target.pk, "form_started": STAMP_PLACEHOLDER,
            "csrf_token": context.get("csrf_token") if signed_in else None}
