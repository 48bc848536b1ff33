"""{% comments_for article %}: the comment list and the "Leave a reply" form for a page.

Safe inside whole-page-cached pages: it renders nothing personal, and the form carries a
CSRF token only for signed-in people, who are never served cached pages.

A question page carries a comment form and a report form under every answer (and a report
form under every comment). They differ only in the target's id, so each is rendered once per
process for a stand-in id (STENCIL_PK) and copied with the real id put in (`stencil`): ten
answers cost no form rendering at all, not ten. The comments themselves come prefetched with the answers
(`visible_comment_list`, see community.views.questions) instead of a query per answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from django import template
from django.conf import settings
from django.db.models import Model
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
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


def _rows(comments: list[Comment]) -> list[tuple[Comment, bool, bool, bool]]:
    """The comments in page order, one level of replies under each, as flat rows
    (comment, is_reply, opens_replies, closes_replies) that one loop renders with no includes."""
    replies: dict[int, list[Comment]] = {}
    for comment in comments:
        if comment.parent_id is not None:
            replies.setdefault(comment.parent_id, []).append(comment)
    rows = []
    for comment in comments:
        if comment.parent_id is not None:
            continue
        under = replies.get(comment.pk, [])
        rows.append((comment, False, bool(under), False))
        rows += [(reply, True, False, number == len(under) - 1) for number, reply in enumerate(under)]
    return rows


@dataclass(frozen=True)
class StandIn:
    pk: int = STENCIL_PK


# Rendered stencils, per process: the forms render nothing that changes between requests but
# the CSRF token (a stand-in here, put in per copy) and the stamp (filled in as the page leaves).
_stencils: dict[tuple[str, str, bool], str] = {}
CSRF_STAND_IN = "askwell-csrf-stand-in"


def stencil(context: template.Context, name: str, kind: str, pk: int, values: Mapping[str, object]) -> SafeString:
    """`name` rendered with `values` for the stand-in id, once per process (per request while
    templates may change: DEBUG), then copied with `pk` in place of the stand-in id and the
    request's CSRF token in place of its stand-in. `values` must not depend on the target
    beyond its id, nor on the request beyond its CSRF token."""
    csrf_token = values.get("csrf_token")
    key = (name, kind, csrf_token is not None)
    memo = _stencils
    if settings.DEBUG:
        request = context.get("request")
        memo = request.__dict__.setdefault("_community_stencils", {}) if request is not None else {}
    html = memo.get(key)
    if html is None:
        built = {field: value() if callable(value) else value for field, value in values.items()}
        html = memo[key] = render_to_string(name, {**built, "csrf_token": CSRF_STAND_IN if csrf_token else None})
    html = html.replace(str(STENCIL_PK), str(pk))
    if csrf_token is not None:
        html = html.replace(CSRF_STAND_IN, str(csrf_token))
    return mark_safe(html)  # noqa: S308 - rendered by a template; the token is [A-Za-z0-9]


@lru_cache(maxsize=8)
def _reply_url(script_prefix: str, kind: str) -> str:
    # Reversed once per kind (a question page has one list per answer), then copied with the id.
    return reverse("community:comment", args=[kind, STENCIL_PK])


def _csrf_for(context: template.Context) -> object:
    """The request's CSRF token (a lazy string) for signed-in people, else None."""
    request = context.get("request")
    signed_in = bool(context.get("signed_in") or (request and request.user.is_authenticated))
    return context.get("csrf_token") if signed_in else None


def _visible_comments(target: Article | Answer) -> list[Comment]:
    prefetched = getattr(target, "visible_comment_list", None)
    if prefetched is not None:
        return list(prefetched)
    return list(target.comments.visible().only(*COMMENT_FIELDS))


@register.inclusion_tag("community/_comments.html", takes_context=True)
def comments_for(context: template.Context, target: Article | Answer) -> dict[str, object]:
    kind = "article" if isinstance(target, Article) else "answer"
    comments = _visible_comments(target)
    csrf_token = _csrf_for(context)
    form_html = stencil(context, "community/_comment_form.html", kind, target.pk, {
        "kind": kind,
        "target": StandIn(),
        # Built only when the stencil is rendered (a form costs more than the copy). Signed-in
        # people (the only ones with a CSRF token, and never served a cached page) get the
        # member's form, without name and email: the stencil's key tells the two apart.
        "form": lambda: CommentForm(auto_id=f"id_{kind}{STENCIL_PK}_%s", member=csrf_token is not None),
        "csrf_token": csrf_token,
    })
    return {
        "kind": kind,
        "target": target,
        "rows": _rows(comments),
        "count": len(comments),
        "reply_url": _reply_url(get_script_prefix(), kind).replace(str(STENCIL_PK), str(target.pk)),
        "form_html": form_html,
        "signed_in": csrf_token is not None,
        "csrf_token": csrf_token,
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def report_button(context: template.Context, kind: str, target: Model) -> SafeString:
    """A small "Report" form for any reader. Like the comment form it may sit in a cached page,
    so it carries a CSRF token only for signed-in people."""
    return stencil(context, "community/_flag.html", kind, target.pk, {
        "kind": kind, "target_pk": STENCIL_PK, "form_started": STAMP_PLACEHOLDER, "csrf_token": _csrf_for(context),
    })
