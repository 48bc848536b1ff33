from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from askwell.accounts.permissions import expert_profile, is_member, needs_totp
from askwell.community import actions, integration, jsonld, permissions, tokens
from askwell.community.forms import AnswerEditForm, AnswerForm, AskForm, CommentForm, FlagForm, QuestionEditForm
from askwell.community.models import (
    Answer,
    Comment,
    CommentStatus,
    EmailOptOut,
    Question,
    QuestionState,
    Revision,
    RevisionKind,
)
from askwell.knowledge.models import Article, Topic
from askwell.moderation import actions as moderation
from askwell.moderation import spam
from askwell.moderation.audit import record

ASKED_SESSION_KEY = "community:asked-question"


def question_list(request: HttpRequest) -> HttpResponse:
    questions: QuerySet[Question] = Question.objects.public().select_related("topic", "author")
    topic = None
    if slug := request.GET.get("topic", "").strip():
        topic = Topic.objects.published().filter(slug=slug).first()
        if topic is None:
            raise Http404("No such topic")
        questions = questions.filter(topic=topic)
    page = Paginator(questions, 20).get_page(request.GET.get("page"))
    return render(request, "community/question_list.html", {"page": page, "topic": topic})


def _get_question(request: HttpRequest, pk: int) -> Question:
    question = get_object_or_404(Question.objects.select_related("topic", "author", "duplicate_of"), pk=pk)
    if not permissions.can_view_question(request.user, question):
        raise Http404("No such question")
    return question


def question_detail(request: HttpRequest, pk: int, answer_form: AnswerForm | None = None) -> HttpResponse:
    question = _get_question(request, pk)
    answers = list(question.visible_answers().select_related("author__expert_profile").prefetch_related("comments"))
    may_answer = permissions.can_answer(request.user, question)
    context: dict[str, Any] = {
        "question": question,
        "answers": answers,
        "expert_answers": [a for a in answers if a.by_expert],
        "member_answers": [a for a in answers if not a.by_expert],
        "can_answer": may_answer,
        "can_edit": permissions.can_edit_question(request.user, question),
        "can_accept": permissions.can_accept(request.user, question),
        "can_moderate": permissions.can_moderate(request.user),
        "is_member": is_member(request.user),
        "answer_form": answer_form or (AnswerForm() if may_answer else None),
        "comment_form": CommentForm(),
        "visible_comments": {
            a.pk: [c for c in a.comments.all() if c.status == CommentStatus.VISIBLE] for a in answers
        },
        "jsonld": jsonld.qa_page(request, question, answers) if question.is_public else "",
        "revisions": Revision.objects.filter(kind=RevisionKind.QUESTION, object_id=question.pk).count(),
    }
    return render(request, "community/question_detail.html", context)


def ask(request: HttpRequest) -> HttpResponse:
    member = is_member(request.user)
    suggestions: dict[str, Any] | None = None
    triage: dict[str, Any] | None = None
    if request.method == "POST":
        form = AskForm(request.POST, needs_email=not member)
        if form.is_valid():
            data = form.cleaned_data
            text = f"{data['title']}\n{data['body']}"
            triage = integration.triage(text)
            if not data.get("seen_suggestions"):
                # Before posting: "does this answer it?" - the form comes back with the instant answers.
                suggestions = integration.instant_answers(data["title"] + " " + data["body"], 5)
                data_copy = request.POST.copy()
                data_copy["seen_suggestions"] = "True"
                form.data = data_copy
            else:
                try:
                    spam.check_rate(request, "question")
                    spam.check_links(request.user, data["title"], data["body"])
                    question = actions.ask_question(
                        user=request.user, title=data["title"], body=data["body"], topic=data["topic"],
                        tags=actions.clean_tags(data["tags"]), contact_email=data.get("email", ""),
                    )
                except (spam.SpamError, actions.ActionError) as error:
                    form.add_error(None, str(error))
                else:
                    if member:
                        return redirect(question)
                    # Only this browser may see the confirmation page: it shows the triage of a
                    # question nobody else can read yet (perhaps about suicidal thoughts).
                    request.session[ASKED_SESSION_KEY] = question.pk
                    return redirect("community:asked", pk=question.pk)
    else:
        # The checker and the search page hand a description over as ?title=&body=.
        prefill = {name: request.GET.get(name, "")[:limit] for name, limit in (("title", 150), ("body", 5000))}
        form = AskForm(initial={k: v for k, v in prefill.items() if v}, needs_email=not member)
        if any(prefill.values()):
            # What was carried over may already need help now: say so before anything is typed.
            triage = integration.triage(f"{prefill['title']}\n{prefill['body']}")
    context = {"form": form, "suggestions": suggestions, "triage": triage,
               "has_answers_js": integration.answers_assets_available()}
    return render(request, "community/ask.html", context)


@never_cache  # one browser's page: never kept by the page cache or any proxy
def asked(request: HttpRequest, pk: int) -> HttpResponse:
    """What an asker sees after posting: check your email (anonymous) or the moderation note."""
    if request.session.get(ASKED_SESSION_KEY) != pk:
        raise Http404("No such question")
    question = get_object_or_404(Question, pk=pk, deleted_at__isnull=True)
    return render(request, "community/asked.html", {"question": question})


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); POST confirms."""
    if request.method == "POST":
        try:
            question = actions.confirm_question(token)
        except tokens.LinkExpired:
            return render(request, "community/link_problem.html", {"expired": True}, status=410)
        except tokens.LinkInvalid:
            return render(request, "community/link_problem.html", {"expired": False}, status=404)
        return render(request, "community/confirmed.html", {"question": question})
    try:
        tokens.read(token, tokens.CONFIRM_SALT, tokens.CONFIRM_MAX_AGE)
    except tokens.LinkExpired:
        return render(request, "community/link_problem.html", {"expired": True}, status=410)
    except tokens.LinkInvalid:
        return render(request, "community/link_problem.html", {"expired": False}, status=404)
    return render(request, "community/confirm.html", {"token": token})


def edit_question(request: HttpRequest, pk: int) -> HttpResponse:
    question = _get_question(request, pk)
    if not permissions.can_edit_question(request.user, question):
        raise PermissionDenied
    if request.method == "POST":
        form = QuestionEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            actions.edit_question(question, editor=request.user, title=data["title"], body=data["body"],
                                  topic=data["topic"], tags=actions.clean_tags(data["tags"]))
            if not permissions.is_owner(request.user, question):
                record(request.user, "edit", question, "moderator edit")
            messages.success(request, "Your changes are saved; the earlier text is kept in the edit history.")
            return redirect(question)
    else:
        form = QuestionEditForm(initial={"title": question.title, "body": question.body, "topic": question.topic,
                                         "tags": ", ".join(question.tags)})
    return render(request, "community/edit.html", {"form": form, "question": question, "what": "question"})


@require_POST
def delete_question(request: HttpRequest, pk: int) -> HttpResponse:
    question = _get_question(request, pk)
    if not permissions.can_delete_question(request.user, question):
        raise PermissionDenied
    actions.delete_question(question, actor=request.user)
    messages.success(request, "The question is deleted.")
    return redirect("community:questions")


def history(request: HttpRequest, pk: int) -> HttpResponse:
    question = _get_question(request, pk)
    revisions = Revision.objects.filter(kind=RevisionKind.QUESTION, object_id=question.pk)
    return render(request, "community/history.html", {"question": question, "revisions": revisions})


@require_POST
def post_answer(request: HttpRequest, pk: int) -> HttpResponse:
    question = _get_question(request, pk)
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
            answer = actions.post_answer(question, author=request.user, body=form.cleaned_data["body"])  # type: ignore[arg-type]
        except (spam.SpamError, actions.ActionError) as error:
            form.add_error(None, str(error))
        else:
            if answer.awaiting_moderation:
                messages.info(request, "Thank you. As this is your first answer, a moderator checks it before it "
                                       "appears.")
                return redirect(question.get_absolute_url())
            return redirect(answer.get_absolute_url())
    return question_detail(request, pk, answer_form=form)


def edit_answer(request: HttpRequest, pk: int) -> HttpResponse:
    answer = get_object_or_404(Answer.objects.select_related("question"), pk=pk, deleted_at__isnull=True)
    if not permissions.can_edit_answer(request.user, answer):
        raise PermissionDenied
    if request.method == "POST":
        form = AnswerEditForm(request.POST)
        if form.is_valid():
            actions.edit_answer(answer, editor=request.user, body=form.cleaned_data["body"])
            if answer.author_id != request.user.pk:
                record(request.user, "edit", answer, "moderator edit")
            return redirect(answer.get_absolute_url())
    else:
        form = AnswerEditForm(initial={"body": answer.body})
    return render(request, "community/edit.html", {"form": form, "question": answer.question, "what": "answer"})


@require_POST
def accept(request: HttpRequest, pk: int, answer_pk: int) -> HttpResponse:
    question = _get_question(request, pk)
    if not permissions.can_accept(request.user, question):
        raise PermissionDenied
    answer = get_object_or_404(Answer, pk=answer_pk, question=question)
    actions.accept_answer(question, answer)
    messages.success(request, "You accepted this answer. Thank you.")
    return redirect(answer.get_absolute_url())


def accept_by_link(request: HttpRequest, token: str) -> HttpResponse:
    """Askers without an account accept through the signed link in the answer email."""
    try:
        value = tokens.read_fields(token, tokens.ACCEPT_SALT, {"q": int, "a": int}, tokens.ACCEPT_MAX_AGE)
    except tokens.LinkExpired:
        return render(request, "community/link_problem.html", {"expired": True}, status=410)
    except tokens.LinkInvalid:
        return render(request, "community/link_problem.html", {"expired": False}, status=404)
    answer = Answer.objects.select_related("question").filter(
        pk=value["a"], question_id=value["q"], deleted_at__isnull=True, hidden=False
    ).first()
    if answer is None or not answer.question.is_public:
        return render(request, "community/link_problem.html", {"expired": False}, status=404)
    if request.method == "POST":
        actions.accept_answer(answer.question, answer)
        messages.success(request, "You accepted this answer. Thank you.")
        return redirect(answer.get_absolute_url())
    return render(request, "community/accept.html", {"answer": answer, "question": answer.question})


@require_POST
def helpful(request: HttpRequest, pk: int) -> HttpResponse:
    answer = get_object_or_404(Answer.objects.select_related("question"), pk=pk, deleted_at__isnull=True)
    if not permissions.can_vote(request.user, answer):
        raise PermissionDenied
    try:
        spam.check_rate(request, "vote")
    except spam.SpamError as error:
        messages.error(request, str(error))
        return redirect(answer.get_absolute_url())
    counted = actions.vote_helpful(answer, user=request.user)  # type: ignore[arg-type]
    messages.success(request, "Thanks, your vote is counted." if counted else "You have already marked this helpful.")
    return redirect(answer.get_absolute_url())


def _flag_target(kind: str, pk: int) -> Question | Answer | Comment:
    """Only what readers can see may be reported."""
    if kind == "question":
        return get_object_or_404(Question.objects.public(), pk=pk)
    if kind == "answer":
        return get_object_or_404(Answer.objects.select_related("question"), pk=pk, hidden=False,
                                 deleted_at__isnull=True, question__deleted_at__isnull=True)
    if kind == "comment":
        return get_object_or_404(Comment.objects.select_related("article", "answer__question"), pk=pk,
                                 status=CommentStatus.VISIBLE)
    raise Http404


def _flag(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    target = _flag_target(kind, pk)
    back = target.get_absolute_url()
    form = FlagForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            spam.check_rate(request, "flag")
        except spam.SpamError as refused:
            error = str(refused)
        else:
            reporter = request.user if is_member(request.user) else None
            moderation.flag(reporter, target, form.cleaned_data["reason"])  # type: ignore[arg-type]
            return render(request, "community/flagged.html", {"back": back, "kind": kind})
    else:
        problems = [str(message) for message in form.non_field_errors()]
        error = "; ".join(problems) or "Say briefly what is wrong with the post."
    return render(request, "community/flagged.html", {"back": back, "kind": kind, "error": error}, status=400)


_csrf_protected_flag = csrf_protect(_flag)


@csrf_exempt
@require_POST
def flag(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Report buttons sit on whole-page-cached pages too: checked like comments (see post_comment)."""
    if request.user.is_authenticated:
        return _csrf_protected_flag(request, kind, pk)
    if not _same_origin(request):
        return HttpResponseForbidden("Reports must be sent from this site.")
    return _flag(request, kind, pk)


def _same_origin(request: HttpRequest) -> bool:
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return origin is None
    return urlparse(origin).netloc == request.get_host()


def _comment_target(kind: str, pk: int) -> tuple[actions.CommentTarget, str]:
    if kind == "article":
        article = get_object_or_404(Article.objects.published().select_related("pack"), pk=pk)
        return actions.CommentTarget(article=article), article.get_absolute_url()
    if kind == "answer":
        answer = get_object_or_404(Answer.objects.select_related("question"), pk=pk, deleted_at__isnull=True,
                                   hidden=False)
        if not answer.question.is_public:
            raise Http404
        return actions.CommentTarget(answer=answer), answer.get_absolute_url()
    raise Http404


def _post_comment(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    target, back = _comment_target(kind, pk)
    if request.method == "POST":
        form = CommentForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            parent = Comment.objects.filter(pk=data["parent"]).first() if data.get("parent") else None
            try:
                spam.check_rate(request, "comment")
                spam.check_links(request.user, data["comment"], data["website"])
                comment = actions.post_comment(
                    target, user=request.user, name=data["name"], email=data["email"], website=data["website"],
                    body=data["comment"], parent=parent, known_comment_ids=_my_comment_ids(request),
                )
            except (spam.SpamError, actions.ActionError) as error:
                form.add_error(None, str(error))
            else:
                if comment.status == CommentStatus.PENDING:
                    messages.info(request, "Thank you. Your comment is held for moderation; it appears once approved.")
                else:
                    messages.success(request, "Thank you. Your comment is published.")
                response = redirect(f"{back.split('#')[0]}#comment-{comment.pk}"
                                    if comment.status == CommentStatus.VISIBLE else f"{back.split('#')[0]}#comments")
                _remember_my_comment(request, response, comment.pk)
                return response
    else:
        form = CommentForm()
    replying_to = _reply_parent(target, request.POST.get("parent") if form.is_bound else request.GET.get("replyto"))
    if replying_to is not None and not form.is_bound:
        form = CommentForm(initial={"parent": replying_to.pk})
    status = 400 if form.is_bound else 200
    return render(request, "community/comment_form_page.html",
                  {"form": form, "back": back, "kind": kind, "pk": pk, "replying_to": replying_to}, status=status)


MY_COMMENTS_COOKIE = "askwell_my_comments"
MY_COMMENTS_SALT = "askwell.my-comments"


def _my_comment_ids(request: HttpRequest) -> list[int]:
    """The comments this browser sent (a signed cookie): once one is approved, the next is published at once."""
    raw = request.get_signed_cookie(MY_COMMENTS_COOKIE, default="", salt=MY_COMMENTS_SALT)
    return [int(part) for part in str(raw).split(",") if part.isdigit()][-50:]


def _remember_my_comment(request: HttpRequest, response: HttpResponse, comment_pk: int) -> None:
    ids = [*_my_comment_ids(request), comment_pk][-50:]
    response.set_signed_cookie(MY_COMMENTS_COOKIE, ",".join(map(str, ids)), salt=MY_COMMENTS_SALT,
                               max_age=365 * 24 * 3600, httponly=True, samesite="Lax",
                               secure=settings.SESSION_COOKIE_SECURE)


def _reply_parent(target: actions.CommentTarget, raw: str | None) -> Comment | None:
    """The published comment a no-JavaScript reply answers; a reply to a reply joins its top-level thread."""
    if not raw or not raw.isdigit():
        return None
    parent = Comment.objects.filter(pk=int(raw), article=target.article, answer=target.answer,
                                    status=CommentStatus.VISIBLE).select_related("parent").first()
    return (parent.parent or parent) if parent is not None else None


_csrf_protected_post_comment = csrf_protect(_post_comment)


@csrf_exempt
def post_comment(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Comment forms sit on whole-page-cached articles, so the cached HTML cannot carry a per-person
    CSRF token. Signed-in people never get cached pages: their posts are CSRF-checked as usual.
    Anonymous posts carry no session or identity a forged request could abuse, so they are checked
    by Origin (when the browser sends it), the honeypot, the signed fill-time stamp and rate limits."""
    if request.user.is_authenticated:
        return _csrf_protected_post_comment(request, kind, pk)
    if request.method == "POST" and not _same_origin(request):
        return HttpResponseForbidden("Comments must be sent from this site.")
    return _post_comment(request, kind, pk)


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        value = tokens.read_fields(token, tokens.UNSUBSCRIBE_SALT, {"e": str, "k": str})
    except (tokens.LinkExpired, tokens.LinkInvalid):
        return render(request, "community/link_problem.html", {"expired": False}, status=404)
    if request.method == "POST":
        EmailOptOut.objects.get_or_create(email_hash=str(value["e"]), defaults={"kind": "all"})
        return render(request, "community/unsubscribe.html", {"done": True})
    return render(request, "community/unsubscribe.html", {"done": False})


def expert_answers_for(user_pk: int) -> QuerySet[Answer]:
    return Answer.objects.filter(author_id=user_pk, by_expert=True, deleted_at__isnull=True, hidden=False,
                                 question__state__in=["open", "answered", "closed"],
                                 question__deleted_at__isnull=True).select_related("question")


def badge_for(answer: Answer) -> str:
    profile = expert_profile(answer.author) if answer.author else None
    return profile.profession if profile else ""


__all__ = ["QuestionState"]
