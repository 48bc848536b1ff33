"""'Is this page useful?' (one tap, optional words, no account) and the editors' page.

The vote form sits on cached article pages, shared by every anonymous reader, so it carries
no CSRF token (a token from the cache would be someone else's) and the view is exempt: a
vote changes nothing of anyone's and is rate-limited per IP. The IP is only counted in the
rate-limit cache for an hour, never stored with the vote.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TypedDict

from django.core import signing
from django.db.models import Count, Q, Sum
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.core import is_ratelimited

from askwell.accounts.permissions import AnyUser, is_member, role_required
from askwell.feedback import actions
from askwell.feedback.forms import PeriodForm, VoteForm, WordsForm
from askwell.feedback.models import Target, Unanswered, UsefulVote
from askwell.feedback.retention import TEXT_DAYS, purge_old_text, text_cutoff
from askwell.feedback.targets import target_exists, titles_of_topics

VOTES_PER_HOUR = "30/h"
TOKEN_SALT = "askwell.feedback.words"
TOKEN_MAX_AGE = 60 * 60
TOO_MANY = "Thank you, we already have a lot of feedback from you for now. Please try again later."


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _safe_next(request: HttpRequest, url: str) -> str:
    ok = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return url if url and ok else "/"


def _refuse(request: HttpRequest, message: str, status: int) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": message}, status=status)
    return render(request, "feedback/problem.html", {"message": message}, status=status)


@csrf_exempt
@require_POST
def vote(request: HttpRequest) -> HttpResponse:
    if is_ratelimited(request, group="askwell:feedback:ip", key="ip", rate=VOTES_PER_HOUR, increment=True):
        return _refuse(request, TOO_MANY, 429)
    form = VoteForm(request.POST)
    if not form.is_valid():
        return _refuse(request, "Choose Yes or No to tell us whether the page was useful.", 400)
    target, key = form.cleaned_data["target"], form.cleaned_data["key"]
    if not target_exists(target, key):
        return _refuse(request, "That part of the site no longer exists, so there is nothing to rate.", 404)
    saved = actions.vote(Target(target), key, form.cleaned_data["useful"] == "yes")
    token = signing.dumps(saved.pk, salt=TOKEN_SALT)
    next_url = _safe_next(request, form.cleaned_data["next"])
    if _wants_json(request):
        return JsonResponse({"detail": "Thank you for your feedback.", "token": token})
    words = WordsForm(initial={"token": token, "next": next_url})
    return render(request, "feedback/thanks.html", {"form": words, "next": next_url})


@csrf_exempt
@require_POST
def words(request: HttpRequest) -> HttpResponse:
    if is_ratelimited(request, group="askwell:feedback:words:ip", key="ip", rate=VOTES_PER_HOUR, increment=True):
        return _refuse(request, TOO_MANY, 429)
    form = WordsForm(request.POST)
    if not form.is_valid():
        if _wants_json(request):
            return JsonResponse({"detail": " ".join(str(e) for errors in form.errors.values() for e in errors)},
                                status=400)
        return render(request, "feedback/thanks.html", {"form": form, "next": "/"}, status=400)
    try:
        vote_id = signing.loads(form.cleaned_data["token"], salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return _refuse(request, "This feedback form has expired. Your Yes or No was still counted.", 400)
    actions.add_words(int(vote_id), form.cleaned_data["words"])
    next_url = _safe_next(request, form.cleaned_data["next"])
    if _wants_json(request):
        return JsonResponse({"detail": "Thank you. Your words will help us improve the page."})
    return render(request, "feedback/thanks.html", {"done": True, "next": next_url})


def can_read_reader_feedback(user: AnyUser) -> bool:
    """Editors: staff who may see feedback (the admin grants the permission), and admins."""
    return is_member(user) and bool(user.is_superuser or (user.is_staff and user.has_perm("feedback.view_usefulvote")))


@require_GET
class SectionVotes(TypedDict):
    """A guide section that readers found not useful in the period, with their votes."""

    key: str  # the topic's slug
    yes: int
    no: int
    title: str
    url: str
    share_useful: int  # per cent
    words: list[str]  # what the last few said, newest first


@role_required(can_read_reader_feedback)
def insights(request: HttpRequest) -> HttpResponse:
    purge_old_text()
    form = PeriodForm(request.GET or None)
    days = int(form.cleaned_data["days"]) if form.is_bound and form.is_valid() else 30
    since = timezone.localdate() - timedelta(days=days - 1)
    unanswered = (
        Unanswered.objects.since(since).values("text")
        .annotate(times=Sum("count"), searches=Sum("count", filter=Q(source="search")),
                  questions=Sum("count", filter=Q(source="question")))
        .order_by("-times", "text")[:100]
    )
    votes = (
        UsefulVote.objects.since(since).filter(target=Target.TOPIC).values("key")
        .annotate(yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False)))
        .filter(no__gt=0).order_by("-no", "yes", "key")[:50]
    )
    titles = titles_of_topics([row["key"] for row in votes])
    words_since = max(since, text_cutoff())
    sections: list[SectionVotes] = []
    for row in votes:
        key, yes, no = str(row["key"]), int(row["yes"]), int(row["no"])
        title, url = titles.get(key, (key, ""))
        sections.append({
            "key": key, "yes": yes, "no": no, "title": title, "url": url,
            "share_useful": round(100 * yes / (yes + no)),
            "words": list(
                UsefulVote.objects.since(words_since).with_words()
                .filter(target=Target.TOPIC, key=key, useful=False)
                .order_by("-day", "-pk").values_list("words", flat=True)[:5]
            ),
        })
    context: dict[str, object] = {
        "form": form if form.is_bound else PeriodForm(),
        "days": days,
        "unanswered": unanswered,
        "sections": sections,
        "text_days": TEXT_DAYS,
        "votes": UsefulVote.objects.since(since).count(),
    }
    response = render(request, "feedback/insights.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
