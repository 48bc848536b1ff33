"""What the signed links in emails open: confirm a question, accept an answer, unsubscribe.

Every page here shows a button and acts on POST (mail scanners follow links). A link that
expired answers 410 and one that was altered, or points at nothing any more, 404: both on the
same page, read in one place (signed_link).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from askwell.community import actions, tokens
from askwell.community.models import Answer

LinkView = Callable[[HttpRequest, str, Any], HttpResponse]


def link_problem(request: HttpRequest, *, expired: bool) -> HttpResponse:
    return render(request, "community/link_problem.html", {"expired": expired}, status=410 if expired else 404)


def signed_link(salt: str, fields: dict[str, type] | None = None,
                max_age: int | None = None) -> Callable[[LinkView], Callable[[HttpRequest, str], HttpResponse]]:
    """A view decorator: reads the link's signed value (a dict of exactly `fields`, when given)
    and passes it to the view after the token; a link that cannot be used gets the problem page."""

    def decorate(view: LinkView) -> Callable[[HttpRequest, str], HttpResponse]:
        @wraps(view)
        def read(request: HttpRequest, token: str) -> HttpResponse:
            try:
                value = (tokens.read(token, salt, max_age) if fields is None
                         else tokens.read_fields(token, salt, fields, max_age))
            except tokens.LinkExpired:
                return link_problem(request, expired=True)
            except tokens.LinkInvalid:
                return link_problem(request, expired=False)
            return view(request, token, value)

        return read

    return decorate


@signed_link(tokens.CONFIRM_SALT, max_age=tokens.CONFIRM_MAX_AGE)
def confirm(request: HttpRequest, token: str, question_id: Any) -> HttpResponse:
    """GET shows a button; POST confirms."""
    if request.method != "POST":
        return render(request, "community/confirm.html", {"token": token})
    try:
        question = actions.confirm_question(token)
    except tokens.LinkExpired:  # expired between the page and the button (or the check above)
        return link_problem(request, expired=True)
    except tokens.LinkInvalid:
        return link_problem(request, expired=False)
    return render(request, "community/confirmed.html", {"question": question})


@signed_link(tokens.ACCEPT_SALT, {"q": int, "a": int}, tokens.ACCEPT_MAX_AGE)
def accept_by_link(request: HttpRequest, token: str, ids: dict[str, int]) -> HttpResponse:
    """Askers without an account accept through the signed link in the answer email."""
    answer = Answer.objects.visible().select_related("question").filter(pk=ids["a"], question_id=ids["q"]).first()
    if answer is None:
        return link_problem(request, expired=False)
    if request.method == "POST":
        actions.accept_answer(answer.question, answer)
        messages.success(request, "You accepted this answer. Thank you.")
        return redirect(answer.get_absolute_url())
    return render(request, "community/accept.html", {"answer": answer, "question": answer.question})


@signed_link(tokens.UNSUBSCRIBE_SALT, {"e": str, "k": str})
def unsubscribe(request: HttpRequest, token: str, value: dict[str, str]) -> HttpResponse:
    if request.method == "POST":
        actions.unsubscribe(email_hash=value["e"])
        return render(request, "community/unsubscribe.html", {"done": True})
    return render(request, "community/unsubscribe.html", {"done": False})
