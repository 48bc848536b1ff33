from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from askwell.accounts import actions
from askwell.accounts.forms import DeleteAccountForm, ExpertApplicationForm, TopicsForm
from askwell.accounts.models import ExpertProfile, ExpertStatus
from askwell.accounts.permissions import (
    AuthenticatedHttpRequest,
    can_apply_as_expert,
    expert_profile,
    expert_required,
    member_required,
)


@member_required
def account(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = ExpertProfile.objects.filter(user_id=request.user.pk).first()
    context = {"profile": profile, "can_apply": can_apply_as_expert(request.user)}
    return render(request, "accounts/account.html", context)


@member_required
def apply(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not can_apply_as_expert(request.user):
        messages.info(request, "Your application is already with us.")
        return redirect("accounts:account")
    form = ExpertApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.apply_as_expert(request.user, **form.cleaned_data)
        messages.success(request, "Thank you. A moderator will review your application.")
        return redirect("accounts:account")
    return render(request, "accounts/apply.html", {"form": form})


@expert_required
def topics(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = expert_profile(request.user)
    assert profile is not None
    form = TopicsForm(request.POST or None, initial={"topics": profile.topics.all()})
    if request.method == "POST" and form.is_valid():
        actions.set_followed_topics(profile, list(form.cleaned_data["topics"]))
        messages.success(request, "Your topics are saved.")
        return redirect("accounts:account")
    return render(request, "accounts/topics.html", {"form": form})


@expert_required
def unanswered(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The questions waiting for this expert: in the topics they follow, and every question
    left at "Not sure" (so that none reaches nobody)."""
    from askwell.community.tasks import unanswered_for_expert

    profile = expert_profile(request.user)
    assert profile is not None
    topic_ids = list(profile.topics.values_list("pk", flat=True))
    questions = list(unanswered_for_expert(topic_ids)[:100])
    context = {
        "followed": [q for q in questions if q.topic_id is not None],
        "not_sure": [q for q in questions if q.topic_id is None],
        "follows_topics": bool(topic_ids),
    }
    return render(request, "accounts/unanswered.html", context)


def expert(request: HttpRequest, username: str) -> HttpResponse:
    user = get_object_or_404(get_user_model(), username=username, is_active=True)
    profile = ExpertProfile.objects.filter(user=user, status=ExpertStatus.VERIFIED).first()
    if profile is None:
        raise Http404("No such expert")
    from askwell.community.models import Answer

    answers = Answer.objects.visible().by_experts().filter(author_id=user.pk).select_related("question")[:50]
    return render(request, "accounts/expert.html", {"profile": profile, "answers": answers})


@member_required
def export(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = json.dumps(actions.export_data(request.user), indent=2, ensure_ascii=False)
    response = HttpResponse(data, content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="askwell-my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@member_required
def delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        actions.delete_account(user, remove_posts=form.cleaned_data["posts"] == "remove")
        messages.success(request, "Your account is deleted.")
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A styled page instead of Django's bare 403: the form's text is lost only if the person leaves."""
    return render(request, "accounts/csrf_failure.html", status=403)
