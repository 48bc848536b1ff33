"""Fetch and authorise: each helper returns the object a person may act on, or raises
Http404 (they may not know it exists) or PermissionDenied (they may see it, not do this).

In the style of healthchecks' `_get_check_for_user`: views call one of these first, so the
rule for who may see or change what is never written inline in a view.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from askwell.accounts.permissions import AnyUser
from askwell.community import permissions
from askwell.community.models import Answer, Question


def get_viewable_question(user: AnyUser, pk: int) -> Question:
    question = get_object_or_404(Question.objects.select_related("topic", "author", "duplicate_of"), pk=pk)
    if not permissions.can_view_question(user, question):
        raise Http404("No such question")
    return question


def get_editable_question(user: AnyUser, pk: int) -> Question:
    question = get_viewable_question(user, pk)
    if not permissions.can_edit_question(user, question):
        raise PermissionDenied
    return question


def get_deletable_question(user: AnyUser, pk: int) -> Question:
    question = get_viewable_question(user, pk)
    if not permissions.can_delete_question(user, question):
        raise PermissionDenied
    return question


def get_visible_answer(user: AnyUser, pk: int) -> Answer:
    """An answer any reader may see: shown, on a public question."""
    return get_object_or_404(Answer.objects.visible().select_related("question"), pk=pk)


def get_editable_answer(user: AnyUser, pk: int) -> Answer:
    answer = get_object_or_404(Answer.objects.not_deleted().select_related("question"), pk=pk)
    if not permissions.can_edit_answer(user, answer):
        raise PermissionDenied
    return answer
