"""{% comments_for article %}: the comment list and the "Leave a reply" form for a page.

Safe inside whole-page-cached pages: it renders nothing personal, and the form carries a
CSRF token only for signed-in people, who are never served cached pages.

A question page carries a comment form and a report form under every answer (and a report
form under every comment). They differ only in the target's id, so each is rendered once per
page for a stand-in id (STENCIL_PK) and copied with the real id put in (`stencil`): ten answers
cost one form rendering, not ten. The comments themselves come prefetched with the answers
(`visible_comment_list`, see community.views.questions) instead of a query per answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from askwell.community.forms import CommentForm
from askwell.community.models import Answer, Comment
from askwell.knowledge.models import Article
from askwell.moderation.spam import STAMP_PLACEHOLDER

# Never a real id on a page (ids are rendered as plain decimal text).
STENCIL_PK = 987654321012345
# What the comment list shows (not the commenter's email address).
COMMENT_FIELDS = ("pk", "parent_id", "name", "website", "body_html", "created_at", "article_id", "answer_id")
register = template.Library()


def _threads(comments: list[Comment]) -> list[tuple[Comment, list[Comment]]]:
    top = [c for c in comments if c.parent_id is None]
    return [(c, [r for r in comments if r.parent_id == c.pk]) for c in top]


@dataclass(frozen=True)
class StandIn:
    pk: int = STENCIL_PK


def stencil(context: template.Context, name: str, kind: str, pk: int, values: dict[str, Any]) -> SafeString:
    """`name` rendered with `values` for the stand-in id, once per request, then copied with
    `pk` in place of the stand-in (the values must not depend on the target beyond its id)."""
    # Kept on the request: each included template gets a render context of its own.
    request = context.get("request")
    memo: dict[tuple[str, str], str] = {}
    if request is not None:
        memo = request.__dict__.setdefault("_community_stencils", memo)
    key = (name, kind)
    if key not in memo:
        memo[key] = render_to_string(name, values)
    return mark_safe(memo[key].replace(str(STENCIL_PK), str(pk)))  # noqa: S308 - rendered by a template


def _csrf_for(context: template.Context) -> Any:
    request = context.get("request")
    signed_in = bool(context.get("signed_in") or (request and request.user.is_authenticated))
    return context.get("csrf_token") if signed_in else None


def _visible_comments(target: Article | Answer) -> list[Comment]:
    prefetched = getattr(target, "visible_comment_list", None)
    if prefetched is not None:
        return list(prefetched)
    return list(target.comments.visible().only(*COMMENT_FIELDS))


@register.inclusion_tag("community/_comments.html", takes_context=True)
def comments_for(context: template.Context, target: Article | Answer) -> dict[str, Any]:
    kind = "article" if isinstance(target, Article) else "answer"
    comments = _visible_comments(target)
    csrf_token = _csrf_for(context)
    form_html = stencil(context, "community/_comment_form.html", kind, target.pk, {
        "kind": kind,
        "target": StandIn(),
        "form": CommentForm(auto_id=f"id_{kind}{STENCIL_PK}_%s"),
        "csrf_token": csrf_token,
    })
    return {
        "kind": kind,
        "target": target,
        "threads": _threads(comments),
        "count": len(comments),
        "form_html": form_html,
        "signed_in": csrf_token is not None,
        "csrf_token": csrf_token,
    }


@register.simple_tag(takes_context=True)
def report_button(context: template.Context, kind: str, target: Any) -> SafeString:
    """A small "Report" form for any reader. Like the comment form it may sit in a cached page,
    so it carries a CSRF token only for signed-in people."""
    return stencil(context, "community/_flag.html", kind, target.pk, {
        "kind": kind, "target_pk": STENCIL_PK, "form_started": STAMP_PLACEHOLDER, "csrf_token": _csrf_for(context),
    })
