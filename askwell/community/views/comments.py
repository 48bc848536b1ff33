"""Comments on articles and answers, with a page of their own for browsers without JavaScript."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from askwell.accounts.permissions import is_member
from askwell.community import actions
from askwell.community.forms import CommentForm
from askwell.community.models import Answer, Comment, CommentStatus
from askwell.core.errors import ActionError
from askwell.knowledge.models import Article
from askwell.moderation import spam
from askwell.moderation.guards import csrf_for_members_origin_for_anonymous

MY_COMMENTS_COOKIE = "askwell_my_comments"
MY_COMMENTS_SALT = "askwell.my-comments"


def _comment_target(kind: str, pk: int) -> tuple[actions.CommentTarget, str]:
    if kind == "article":
        article = get_object_or_404(Article.objects.published().select_related("pack"), pk=pk)
        return actions.CommentTarget(article=article), article.get_absolute_url()
    if kind == "answer":
        answer = get_object_or_404(Answer.objects.visible().select_related("question"), pk=pk)
        return actions.CommentTarget(answer=answer), answer.get_absolute_url()
    raise Http404


def _my_comment_ids(request: HttpRequest) -> list[int]:
    """The comments this browser sent (a signed cookie): once one is approved, the next is published at once."""
    raw = request.get_signed_cookie(MY_COMMENTS_COOKIE, default="", salt=MY_COMMENTS_SALT)
    return [int(part) for part in str(raw).split(",") if part.isdigit()][-50:]


def _remember_my_comment(request: HttpRequest, response: HttpResponse, comment_pk: int) -> None:
    ids = [*_my_comment_ids(request), comment_pk][-50:]
    response.set_signed_cookie(MY_COMMENTS_COOKIE, ",".join(map(str, ids)), salt=MY_COMMENTS_SALT,
                               max_age=365 * 24 * 3600, httponly=True, samesite="Lax",
                               secure=settings.SESSION_COOKIE_SECURE)


def _commenter(request: HttpRequest, data: Mapping[str, object]) -> tuple[str, str]:
    """The name and email address a comment is posted with: a member's from their account (the
    form does not ask), anyone else's as typed."""
    if is_member(request.user):
        return request.user.get_username(), getattr(request.user, "email", "") or ""
    return str(data["name"]), str(data["email"])


def _reply_parent(target: actions.CommentTarget, raw: str | None) -> Comment | None:
    """The published comment a no-JavaScript reply answers; a reply to a reply joins its top-level thread."""
    if not raw or not raw.isdigit():
        return None
    parent = Comment.objects.visible().filter(pk=int(raw), article=target.article, answer=target.answer
                                              ).select_related("parent").first()
    return (parent.parent or parent) if parent is not None else None


@csrf_for_members_origin_for_anonymous("Comments must be sent from this site.")
def post_comment(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Comment forms sit on whole-page-cached articles, hence the decorator (moderation/guards.py)."""
    target, back = _comment_target(kind, pk)
    member = is_member(request.user)
    if request.method == "POST":
        form = CommentForm(request.POST, member=member)
        if form.is_valid():
            data = form.cleaned_data
            name, email = _commenter(request, data)
            parent = Comment.objects.filter(pk=data["parent"]).first() if data.get("parent") else None
            try:
                spam.check_rate(request, "comment")
                spam.check_links(request.user, data["comment"])
                comment = actions.post_comment(
                    target, user=request.user, name=name, email=email, website="",
                    body=data["comment"], parent=parent, known_comment_ids=_my_comment_ids(request),
                )
            except ActionError as error:
                form.add_error(None, str(error))
            else:
                if comment.status == CommentStatus.PENDING:
                    messages.info(request, "Thank you. Your comment is held for moderation; it appears once approved.")
                else:
                    messages.success(request, "Thank you. Your comment is published.")
                page = back.split("#")[0]
                response = redirect(f"{page}#comment-{comment.pk}" if comment.is_visible else f"{page}#comments")
                _remember_my_comment(request, response, comment.pk)
                return response
    else:
        form = CommentForm(member=member)
    replying_to = _reply_parent(target, request.POST.get("parent") if form.is_bound else request.GET.get("replyto"))
    if replying_to is not None and not form.is_bound:
        form = CommentForm(initial={"parent": replying_to.pk}, member=member)
    status = 400 if form.is_bound else 200
    return render(request, "community/comment_form_page.html",
                  {"form": form, "back": back, "kind": kind, "pk": pk, "replying_to": replying_to}, status=status)
