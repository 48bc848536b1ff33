"""Questions: the list, a question's page, asking, editing, deleting and the edit history."""

from __future__ import annotations

import hashlib
import re
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from askwell.accounts.permissions import is_member
from askwell.answers.search import answer as instant_answers
from askwell.community import actions, jsonld, listing, permissions, related
from askwell.community.fetch import get_deletable_question, get_editable_question, get_viewable_question
from askwell.community.forms import AnswerForm, AskForm, QuestionEditForm
from askwell.community.markup import COMMENT_FIELDS
from askwell.community.models import Answer, Comment, Question, Revision, RevisionKind
from askwell.core.errors import ActionError
from askwell.core.pagecache import cached_for_anonymous
from askwell.medical.triage import safe_triage_text
from askwell.moderation import spam

ASKED_SESSION_KEY = "community:asked-question"
TOPIC_SLUG = re.compile(r"[a-z0-9][a-z0-9/-]{0,200}")
SEARCH_MAX_CHARS = 200
SIMILAR_MIN_CHARS = 8
SIMILAR_SHOWN = 5


def _cursor(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise Http404("No such page")
    return int(raw)


def _search_words(request: HttpRequest) -> str:
    """The list's search box, tidied so that "Cramp  at night" and "cramp at night" are one page."""
    return " ".join(request.GET.get("q", "").split()).lower()[:SEARCH_MAX_CHARS]


@require_GET
def similar_questions(request: HttpRequest) -> JsonResponse:
    """Answered questions like the title being typed on the ask form (static/js/community.js):
    {"questions": [{"title", "url"}]}, best first; under SIMILAR_MIN_CHARS nothing is searched."""
    words = _search_words(request)
    if len(words) < SIMILAR_MIN_CHARS:
        return JsonResponse({"questions": []})
    found = related.found_for(words).questions[:SIMILAR_SHOWN]
    return JsonResponse({"questions": [{"title": item["title"], "url": item["url"]} for item in found]})


def question_list(request: HttpRequest) -> HttpResponse:
    slug = request.GET.get("topic", "").strip()
    if slug and not TOPIC_SLUG.fullmatch(slug):
        raise Http404("No such topic")
    status = request.GET.get("show", "").strip()
    if status and status not in listing.STATUSES:
        raise Http404("No such filter")
    words = _search_words(request)
    before, after = _cursor(request, "before"), _cursor(request, "after")

    def render_list() -> HttpResponse:
        topic = None
        if slug:
            topic = listing.published_topic(slug)
            if topic is None:
                raise Http404("No such topic")
        if words:
            page = listing.search_page(related.found_for(words).question_ids, topic, status)
        else:
            try:
                page = listing.question_page(topic, before=before, after=after, status=status)
            except listing.NoSuchPage as error:
                raise Http404("No such page") from error
        return render(request, "community/question_list.html", {
            "page": page, "topic": topic, "status": status, "words": words,
            "statuses": listing.STATUSES.items(), "topic_options": listing.topic_options(topic),
            "filters": urlencode({k: v for k, v in (("topic", slug), ("show", status)) if v}),
        })

    # Same for every anonymous reader: cached under the parameters read above, and nothing else
    # (a cached hit touches no database; an unknown topic, filter or cursor is a 404, never cached).
    searched = hashlib.sha256(words.encode()).hexdigest()[:32] if words else ""
    name = f"questions:{slug}:{status}:{searched}:{before or ''}:{after or ''}"
    return cached_for_anonymous(request, name, render_list, vary_on_query=True)


# What a question page shows of its answers and their authors (not the Markdown source, nor the
# authors' email addresses and password hashes): fewer columns to read and instances to fill.
ANSWER_FIELDS = ("pk", "question_id", "author_id", "by_expert", "body_html", "helpful_count", "created_at",
                 "author__username", "author__expert_profile__user_id", "author__expert_profile__profession",
                 "author__expert_profile__status")
# How a reader may order the answers (the accepted one stays first whatever the order).
ANSWER_ORDERS = {"votes": "Most helpful", "newest": "Newest", "oldest": "Oldest"}
RELATED_GUIDES = 3
RELATED_QUESTIONS = 5


def _answer_order(request: HttpRequest) -> str:
    order = request.GET.get("sort", "").strip() or "votes"
    if order not in ANSWER_ORDERS:
        raise Http404("No such order")
    return order


def sorted_answers(answers: list[Answer], order: str, accepted_id: int | None) -> list[Answer]:
    """`answers` in the reader's order, the accepted answer first."""
    if order == "newest":
        ranked = sorted(answers, key=lambda a: (a.created_at, a.pk), reverse=True)
    elif order == "oldest":
        ranked = sorted(answers, key=lambda a: (a.created_at, a.pk))
    else:
        ranked = sorted(answers, key=lambda a: (-a.helpful_count, a.created_at, a.pk))
    return sorted(ranked, key=lambda a: a.pk != accepted_id)  # stable: keeps the order within


def render_question_page(request: HttpRequest, question: Question, answer_form: AnswerForm | None = None,
                         status: int = 200) -> HttpResponse:
    """A question's page; post_answer shows it again with its form's errors.

    The queries do not grow with the answers or comments: the answers with their authors'
    profiles, and every answer's visible comments in one prefetch (read by community/markup.py).
    """
    visible_comments = Prefetch("comments", queryset=Comment.objects.visible().only(*COMMENT_FIELDS),
                                to_attr="visible_comment_list")
    order = _answer_order(request)
    answers = sorted_answers(
        list(question.visible_answers().select_related("author__expert_profile").only(*ANSWER_FIELDS)
             .prefetch_related(visible_comments)),
        order, question.accepted_answer_id,
    )
    # Guides and answered questions the answers engine finds for the title (cached until the content changes).
    found = related.found_for(question.title) if question.is_public else None
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
        "jsonld": jsonld.qa_page(request, question, answers) if question.is_public else "",
        "revisions": Revision.objects.filter(kind=RevisionKind.QUESTION, object_id=question.pk).count(),
        "order": order,
        "orders": ANSWER_ORDERS.items(),
        "related_guides": found.guides[:RELATED_GUIDES] if found else [],
        "related_questions": found.related_questions(question.pk, RELATED_QUESTIONS) if found else [],
    }
    return render(request, "community/question_detail.html", context, status=status)


def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # Anonymous readers may only see public questions, whose page is the same for all of them:
    # it is cached (a hit touches no database) and any write that changes it (answer, comment,
    # vote, edit, approval, closing) bumps the content version on commit. Signed-in people, who
    # may see their own unpublished question, always get a fresh page.
    # The reader's answer order is part of the page's name (an unknown order is a 404, never cached).
    order = _answer_order(request)

    def render_page() -> HttpResponse:
        return render_question_page(request, get_viewable_question(request.user, pk))

    return cached_for_anonymous(request, f"question:{pk}:{order}", render_page, vary_on_query=True)


def ask(request: HttpRequest) -> HttpResponse:
    member = is_member(request.user)
    suggestions: dict[str, Any] | None = None
    similar: list[related.RelatedQuestion] = []
    triage: dict[str, Any] | None = None
    if request.method == "POST":
        form = AskForm(request.POST, needs_email=not member)
        if form.is_valid():
            data = form.cleaned_data
            triage = safe_triage_text(f"{data['title']}\n{data['body']}").to_dict()
            if not data.get("seen_suggestions"):
                # Before posting: "does this answer it?" - the form comes back with the instant answers.
                suggestions = instant_answers(data["title"] + " " + data["body"], 5)
                # Answered questions like the title, even when the guides rank above them.
                shown = {item["url"] for item in suggestions["answers"]}
                similar = [item for item in related.found_for(data["title"]).questions
                           if item["url"] not in shown][:SIMILAR_SHOWN]
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
                except ActionError as error:
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
            triage = safe_triage_text(f"{prefill['title']}\n{prefill['body']}").to_dict()
    return render(request, "community/ask.html",
                  {"form": form, "suggestions": suggestions, "similar": similar, "triage": triage})


@never_cache  # one browser's page: never kept by the page cache or any proxy
def asked(request: HttpRequest, pk: int) -> HttpResponse:
    """What an asker sees after posting: check your email (anonymous) or the moderation note."""
    if request.session.get(ASKED_SESSION_KEY) != pk:
        raise Http404("No such question")
    question = get_object_or_404(Question.objects.not_deleted(), pk=pk)
    return render(request, "community/asked.html", {"question": question})


def edit_question(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_editable_question(request.user, pk)
    if request.method == "POST":
        form = QuestionEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            actions.edit_question(question, editor=request.user, title=data["title"], body=data["body"],
                                  topic=data["topic"], tags=actions.clean_tags(data["tags"]))
            messages.success(request, "Your changes are saved; the earlier text is kept in the edit history.")
            return redirect(question)
    else:
        form = QuestionEditForm(initial={"title": question.title, "body": question.body, "topic": question.topic,
                                         "tags": ", ".join(question.tags)})
    return render(request, "community/edit.html", {"form": form, "question": question, "what": "question"})


@require_POST
def delete_question(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_deletable_question(request.user, pk)
    actions.delete_question(question, actor=request.user)
    messages.success(request, "The question is deleted.")
    return redirect("community:questions")


def history(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_viewable_question(request.user, pk)
    revisions = Revision.objects.filter(kind=RevisionKind.QUESTION, object_id=question.pk)
    return render(request, "community/history.html", {"question": question, "revisions": revisions})
