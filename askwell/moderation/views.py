from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from askwell.accounts.models import ExpertProfile, ExpertStatus
from askwell.accounts.permissions import AuthenticatedHttpRequest, member_or_none, moderator_required
from askwell.community.models import Answer, Comment, Question
from askwell.core.errors import ActionError
from askwell.knowledge.models import Topic
from askwell.medical.triage import level_info
from askwell.moderation import actions, spam
from askwell.moderation.forms import CloseForm, CommentEditForm, FlagForm
from askwell.moderation.guards import csrf_for_members_origin_for_anonymous
from askwell.moderation.models import AuditEntry, BannedWord, Flag

TARGETS: dict[str, type[Question] | type[Answer] | type[Comment]] = {
    "question": Question, "answer": Answer, "comment": Comment,
}
ACTIONS = {"approve", "reject", "hide"}


def _flag_target(kind: str, pk: int) -> Question | Answer | Comment:
    """Only what readers can see may be reported."""
    if kind == "question":
        return get_object_or_404(Question.objects.public(), pk=pk)
    if kind == "answer":
        return get_object_or_404(Answer.objects.visible().select_related("question"), pk=pk)
    if kind == "comment":
        return get_object_or_404(Comment.objects.visible().select_related("article", "answer__question"), pk=pk)
    raise Http404


@csrf_for_members_origin_for_anonymous("Reports must be sent from this site.")
@require_POST
def flag(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Any reader's "Report" button. It sits on whole-page-cached pages too, hence the decorator
    (moderation/guards.py)."""
    target = _flag_target(kind, pk)
    back = target.get_absolute_url()
    form = FlagForm(request.POST)
    if form.is_valid():
        try:
            spam.check_rate(request, "flag")
        except spam.SpamError as refused:
            error = str(refused)
        else:
            actions.flag(member_or_none(request.user), target, form.cleaned_data["reason"])
            return render(request, "moderation/flagged.html", {"back": back, "kind": kind})
    else:
        problems = [str(message) for message in form.non_field_errors()]
        error = "; ".join(problems) or "Say briefly what is wrong with the post."
    return render(request, "moderation/flagged.html", {"back": back, "kind": kind, "error": error}, status=400)


def _flagged(flag: Flag) -> Question | Answer | Comment | None:
    model = TARGETS.get(flag.target_type)
    if model is None:
        return None
    related = {"answer": ["question", "author"], "comment": ["article", "answer__question"], "question": []}
    return model.objects.select_related(*related[flag.target_type]).filter(pk=flag.target_id).first()


@moderator_required
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    flags = [(flag, _flagged(flag)) for flag in Flag.objects.unresolved()[:100]]
    questions = list(Question.objects.awaiting_moderation()[:100])
    for question in questions:
        question.triage_words = (  # type: ignore[attr-defined]  # shown beside the question
            level_info(question.triage_level).headline if question.triage_level else "")
    context = {
        "comments": Comment.objects.awaiting_moderation().select_related("article", "answer")[:100],
        "questions": questions,
        "answers": Answer.objects.awaiting_moderation().select_related("question", "author")[:100],
        "flags": flags,
        "experts": ExpertProfile.objects.filter(status=ExpertStatus.PENDING).select_related("user"),
        "banned_words": BannedWord.objects.all(),
        "topics": Topic.objects.published().select_related("community_policy").order_by("title"),
        "counts": actions.queue_counts(),
    }
    return render(request, "moderation/queue.html", context)


# What each action did, in words a moderator reads at a glance (not "Done: approve answer 1.").
DONE = {
    ("approve", "question"): "Published the question “{}”.",
    ("approve", "answer"): "Published the answer to “{}”.",
    ("approve", "comment"): "Published the comment on {}.",
    ("reject", "question"): "Removed the question “{}”.",
    ("reject", "answer"): "Removed the answer to “{}”.",
    ("reject", "comment"): "Removed the comment on {}.",
    ("hide", "answer"): "Hid the answer to “{}”.",
    ("hide", "comment"): "Hid the comment on {}.",
}
KEPT_AFTER_REPORT = "Kept the {} and dismissed the report."


def _what(target: Model) -> str:
    """A question, an answer or a comment (one of TARGETS), in words."""
    if isinstance(target, Question):
        return str(target.title)
    if isinstance(target, Answer):
        return str(target.question.title)
    assert isinstance(target, Comment)
    if target.article is not None:
        return str(target.article.title)
    assert target.answer is not None  # a comment is on an article or on an answer
    return f"an answer to “{target.answer.question.title}”"


@require_POST
@moderator_required
def act(request: AuthenticatedHttpRequest, kind: str, pk: int, action: str) -> HttpResponse:
    if kind not in TARGETS or action not in ACTIONS or (action == "hide" and kind == "question"):
        raise Http404
    target = get_object_or_404(TARGETS[kind], pk=pk)
    reason = request.POST.get("reason", "")[:500]
    was_public = target.is_public if isinstance(target, Question) else None
    getattr(actions, action)(request.user, target, reason)
    if action == "approve" and (request.POST.get("after") == "report" or was_public):
        messages.success(request, KEPT_AFTER_REPORT.format(kind))
    else:
        messages.success(request, DONE[(action, kind)].format(_what(target)))
    return redirect("moderation:queue")


@moderator_required
def edit_comment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=pk)
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        actions.edit_comment(request.user, comment, form.cleaned_data["body"], form.cleaned_data["reason"])
        messages.success(request, "Comment edited.")
        return redirect("moderation:queue")
    return render(request, "moderation/form.html", {"form": form, "title": "Edit comment"})


@moderator_required
def close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question.objects.not_deleted(), pk=pk)
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        duplicate = Question.objects.public().filter(pk=data["duplicate_of"]).first() if data["duplicate_of"] else None
        try:
            actions.close(request.user, question, data["reason"], duplicate, data["note"])
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The question is closed.")
            return redirect(question)
    return render(request, "moderation/form.html", {"form": form, "title": f"Close “{question.title}”"})


@require_POST
@moderator_required
def review_expert(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    profile = get_object_or_404(ExpertProfile, pk=pk)
    if request.POST.get("decision") == "verify":
        actions.verify_expert(request.user, profile)
        name = profile.user.get_username()
        messages.success(request, f"Verified {name} as an expert; they are emailed what to do next.")
    else:
        try:
            actions.decline_expert(request.user, profile, request.POST.get("reason", ""))
        except ActionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Declined {profile.user.get_username()}'s application.")
    return redirect("moderation:queue")


@moderator_required
def remove_user(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Removing a member takes everything they posted: a page says what, and asks to confirm."""
    user = get_object_or_404(get_user_model(), pk=pk, is_active=True)
    posts = {
        "questions": Question.objects.not_deleted().filter(author=user).count(),
        "answers": Answer.objects.not_deleted().filter(author=user).count(),
        "comments": Comment.objects.filter(author=user).exclude(status="rejected").count(),
    }
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            error = "Tick the box to confirm that this account and all its posts should be removed."
        else:
            try:
                counts = actions.remove_user_and_content(request.user, user, request.POST.get("reason", "")[:500])
            except ActionError as refused:
                error = str(refused)
            else:
                messages.success(request, f"Removed {user.get_username()} and {sum(counts.values())} of their posts.")
                return redirect("moderation:queue")
    context = {"member": user, "posts": posts, "error": error, "reason": request.POST.get("reason", "")}
    return render(request, "moderation/remove_user.html", context, status=400 if error else 200)


@require_POST
@moderator_required
def banned_words(request: AuthenticatedHttpRequest) -> HttpResponse:
    if remove := request.POST.get("remove"):
        if not (remove.isascii() and remove.isdigit() and len(remove) <= 18):
            raise Http404("No such banned word")
        word = get_object_or_404(BannedWord, pk=int(remove))
        actions.remove_banned_word(request.user, word)
    else:
        try:
            actions.add_banned_word(request.user, request.POST.get("phrase", ""))
        except ActionError as error:
            messages.error(request, str(error))
    return redirect("moderation:queue")


@require_POST
@moderator_required
def topic_policy(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    topic = get_object_or_404(Topic, pk=pk)
    actions.set_topic_policy(request.user, topic, request.POST.get("members_may_answer") == "on")
    return redirect("moderation:queue")


@moderator_required
def audit_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "moderation/audit.html", {"entries": AuditEntry.objects.all()[:300]})
