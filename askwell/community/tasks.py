"""Emails, sent by the task queue (django-tasks), never inside a request.

Each email carries an unsubscribe link; addresses that unsubscribed are skipped.
"""

from __future__ import annotations

import logging
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend

from askwell.community import tokens
from askwell.community.models import Answer, EmailOptOut, Question, QuestionQuerySet, QuestionState
from askwell.moderation.spam import email_hash

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


def enqueue_in_transaction(queued: Task[P, T], *args: P.args, **kwargs: P.kwargs) -> None:
    """Queues a task as part of the caller's transaction.

    With the database queue the task's row is written in the same transaction as the change it
    belongs to (a question and its confirmation email commit together, or neither does: a crash
    between the two can no longer leave a question nobody can confirm). Any other backend (the
    immediate one sends at once) waits for the commit, so nothing is sent for a rolled-back change.
    """
    if isinstance(queued.get_backend(), DatabaseBackend):
        queued.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: queued.enqueue(*args, **kwargs))


def confirmation_queued(question_id: int) -> bool:
    """Whether the database queue holds a confirmation email for this question (waiting, being
    sent or sent). Other backends keep no record, so they answer True."""
    if not isinstance(send_question_confirmation.get_backend(), DatabaseBackend):
        return True
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=send_question_confirmation.module_path, args_kwargs__args__0=question_id
    ).exclude(status="FAILED").exists()


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def unsubscribe_url(email: str, kind: str) -> str:
    token = tokens.make({"e": email_hash(email), "k": kind}, tokens.UNSUBSCRIBE_SALT)
    return absolute(reverse("community:unsubscribe", kwargs={"token": token}))


def opted_out(email: str, kind: str) -> bool:
    return EmailOptOut.objects.filter(email_hash=email_hash(email), kind__in=[kind, "all"]).exists()


def send(email: str, kind: str, subject: str, template: str, context: dict[str, object]) -> bool:
    if not email or opted_out(email, kind):
        return False
    context = {**context, "site_name": settings.ASKWELL_SITE_NAME, "unsubscribe_url": unsubscribe_url(email, kind)}
    body = render_to_string(f"community/email/{template}", context)
    send_mail(f"[{settings.ASKWELL_SITE_NAME}] {subject}", body, None, [email])
    log.info("sent %s email", kind)  # never the address
    return True


def asker_email(question: Question) -> str:
    if question.author_id is not None and question.author is not None:
        return question.author.email
    return question.contact_email


@task()
def send_question_confirmation(question_id: int) -> bool:
    question = Question.objects.filter(pk=question_id, state=QuestionState.PENDING_CONFIRMATION).first()
    if question is None:
        return False
    token = tokens.make(question.pk, tokens.CONFIRM_SALT)
    link = absolute(reverse("community:confirm", kwargs={"token": token}))
    # Confirmation is the person's own request, so it is sent even to an address that opted out of updates.
    body = render_to_string(
        "community/email/confirm.txt",
        {"question": question, "link": link, "site_name": settings.ASKWELL_SITE_NAME,
         "unsubscribe_url": unsubscribe_url(question.contact_email, "answers")},
    )
    send_mail(f"[{settings.ASKWELL_SITE_NAME}] Confirm your question", body, None, [question.contact_email])
    log.info("sent question confirmation for question %s", question.pk)
    return True


@task()
def notify_asker_of_answer(answer_id: int) -> bool:
    answer = Answer.objects.shown().select_related("question__author", "author").filter(pk=answer_id).first()
    if answer is None:
        return False
    question = answer.question
    accept_token = tokens.make({"q": question.pk, "a": answer.pk}, tokens.ACCEPT_SALT)
    context = {
        "question": question,
        "answer": answer,
        "question_url": absolute(answer.get_absolute_url()),
        "accept_url": absolute(reverse("community:accept_by_link", kwargs={"token": accept_token})),
    }
    subject = "An expert answered your question" if answer.by_expert else "Someone answered your question"
    return send(asker_email(question), "answers", subject, "answered.txt", context)


def unanswered_for_expert(topic_ids: list[int]) -> QuestionQuerySet:
    """Open questions in these topics, and those left at "Not sure" (no topic), which every
    expert sees so that they always reach someone; oldest first."""
    from django.db.models import Q

    return (Question.objects.public().filter(state=QuestionState.OPEN)
            .filter(Q(topic_id__in=topic_ids) | Q(topic__isnull=True)).select_related("topic").order_by("created_at"))


@task()
def send_expert_digests() -> int:
    """Each verified expert gets the unanswered questions in the topics they follow and the
    questions whose asker was not sure of the topic."""
    from askwell.accounts.models import ExpertProfile, ExpertStatus

    sent = 0
    for profile in ExpertProfile.objects.filter(status=ExpertStatus.VERIFIED).select_related("user"):
        topics = list(profile.topics.values_list("pk", flat=True))
        questions = list(unanswered_for_expert(topics)[:20])
        if not questions:
            continue
        context = {"profile": profile, "questions": [(q, absolute(q.get_absolute_url())) for q in questions],
                   "unanswered_url": absolute(reverse("accounts:unanswered")),
                   "topics_url": absolute(reverse("accounts:topics"))}
        if send(profile.user.email, "digest", "Unanswered questions for you", "digest.txt", context):
            sent += 1
    return sent


@task()
def notify_asker_published(question_id: int) -> bool:
    """A moderator published the question: tell the asker it is live and where."""
    question = Question.objects.public().select_related("author").filter(pk=question_id).first()
    if question is None:
        return False
    context = {"question": question, "question_url": absolute(question.get_absolute_url())}
    return send(asker_email(question), "answers", "Your question is live", "published.txt", context)


@task()
def notify_expert_verified(profile_id: int) -> bool:
    """Welcome a newly verified expert: what happens next, explained before any link."""
    from askwell.accounts.models import ExpertProfile, ExpertStatus

    profile = ExpertProfile.objects.select_related("user").filter(pk=profile_id, status=ExpertStatus.VERIFIED).first()
    if profile is None or not profile.user.email:
        return False
    context = {
        "profile": profile,
        "topics_url": absolute(reverse("accounts:topics")),
        "two_factor_url": absolute(reverse("mfa_activate_totp")),
        "unanswered_url": absolute(reverse("accounts:unanswered")),
        "expert_url": absolute(profile.get_absolute_url()),
    }
    # The person's own request (their application), so sent even if they opted out of digests.
    body = render_to_string("community/email/expert_verified.txt",
                            {**context, "site_name": settings.ASKWELL_SITE_NAME})
    send_mail(f"[{settings.ASKWELL_SITE_NAME}] You are a verified expert", body, None, [profile.user.email])
    log.info("sent expert welcome for profile %s", profile.pk)
    return True


def moderator_addresses() -> list[str]:
    """Every moderator and admin who can receive mail (not the first-run admin@localhost)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from askwell.accounts.models import MODERATORS_GROUP

    users = get_user_model().objects.filter(is_active=True).filter(
        Q(is_superuser=True) | Q(groups__name=MODERATORS_GROUP)).exclude(email="").distinct()
    return sorted({user.email for user in users if not user.email.endswith("@localhost")})


@task()
def send_moderator_digest() -> int:
    """What waits in the moderation queue, to each moderator (nothing sent when nothing waits)."""
    from askwell.moderation.actions import queue_counts

    counts = queue_counts()
    if not any(counts.values()):
        return 0
    context = {"counts": counts, "total": sum(counts.values()), "queue_url": absolute(reverse("moderation:queue"))}
    return sum(send(email, "moderation", f"{context['total']} waiting for moderation", "moderator_digest.txt",
                    context) for email in moderator_addresses())
