"""Answers: posting, editing, accepting (the asker, signed in) and "helpful" votes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from askwell.accounts.permissions import needs_totp, signed_in
from askwell.community import actions, permissions
from askwell.community.fetch import get_editable_answer, get_viewable_question, get_visible_answer
from askwell.community.forms import AnswerEditForm, AnswerForm
from askwell.community.models import Answer
from askwell.community.views.questions import render_question_page
from askwell.core.errors import ActionError
from askwell.moderation import spam


@require_POST
def post_answer(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_viewable_question(request.user, pk)
    if not permissions.can_answer(request.user, question):
        raise PermissionDenied
    if needs_totp(request.user):
        messages.info(request, "Set up two-factor authentication to answer as an expert.")
        return redirect("mfa_activate_totp")
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            spam.check_rate(request, "answer")
            spam.check_links(request.user, form.cleaned_data["body"])
            answer = actions.post_answer(question, author=signed_in(request.user),
                                          body=form.cleaned_data["body"])
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            if answer.awaiting_moderation:
                messages.info(request, "Thank you. As this is your first answer, a moderator checks it before it "
                                       "appears.")
                return redirect(question.get_absolute_url())
            return redirect(answer.get_absolute_url())
    return render_question_page(request, question, answer_form=form)


def edit_answer(request: HttpRequest, pk: int) -> HttpResponse:
    answer = get_editable_answer(request.user, pk)
    if request.method == "POST":
        form = AnswerEditForm(request.POST)
        if form.is_valid():
            actions.edit_answer(answer, editor=request.user, body=form.cleaned_data["body"])
            return redirect(answer.get_absolute_url())
    else:
        form = AnswerEditForm(initial={"body": answer.body})
    return render(request, "community/edit.html", {"form": form, "question": answer.question, "what": "answer"})


@require_POST
def accept(request: HttpRequest, pk: int, answer_pk: int) -> HttpResponse:
    question = get_viewable_question(request.user, pk)
    if not permissions.can_accept(request.user, question):
        raise PermissionDenied
    answer = get_object_or_404(Answer.objects.shown(), pk=answer_pk, question=question)
    actions.accept_answer(question, answer)
    messages.success(request, "You accepted this answer. Thank you.")
    return redirect(answer.get_absolute_url())


@require_POST
def helpful(request: HttpRequest, pk: int) -> HttpResponse:
    answer = get_visible_answer(request.user, pk)
    if not permissions.can_vote(request.user, answer):
        raise PermissionDenied
    try:
        spam.check_rate(request, "vote")
    except spam.SpamError as error:
        messages.error(request, str(error))
        return redirect(answer.get_absolute_url())
    counted = actions.vote_helpful(answer, user=signed_in(request.user))
    messages.success(request, "Thanks, your vote is counted." if counted else "You have already marked this helpful.")
    return redirect(answer.get_absolute_url())
