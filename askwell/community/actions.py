"""Every write of the community: one transaction each, side effects (emails, index, page cache) on commit."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from askwell.accounts.permissions import is_expert, is_member, member_or_none
from askwell.answers.search import index_question, remove_question
from askwell.community import permissions, tasks, tokens
from askwell.community.models import (
    Answer,
    CloseReason,
    Comment,
    CommentStatus,
    EmailOptOut,
    Question,
    QuestionState,
    Revision,
    RevisionKind,
    Vote,
)
from askwell.core.errors import ActionError
from askwell.core.markdown import html_to_text, render_untrusted
from askwell.core.pagecache import bump_content_version
from askwell.knowledge.models import Article, Topic
from askwell.medical.triage import safe_triage_text
from askwell.moderation import spam
from askwell.moderation.audit import record

AnyUser = User | AnonymousUser
MAX_TAGS = 5
MODERATOR_EDIT = "moderator edit"


class DuplicatePost(ActionError):
    pass


def clean_tags(raw: str | list[str]) -> list[str]:
    items = raw.split(",") if isinstance(raw, str) else raw
    tags: list[str] = []
    for item in items:
        tag = "-".join(item.strip().casefold().split())[:30]
        if tag and tag not in tags:
            tags.append(tag)
    return tags[:MAX_TAGS]


def _apply_triage(question: Question) -> None:
    """Never raises: when the rules cannot read the text, the medical core's one cautious
    fallback (safe_triage_text) is stored, and the page still says what to do."""
    result = safe_triage_text(f"{question.title}\n{question.body}")
    question.triage_level = result.level
    question.triage_reasons = list(result.reasons)
    question.triage_crisis = result.crisis


def _held_for_moderator(question: Question, first_post: bool) -> bool:
    """A first post, a banned phrase, or a text about suicide or self-harm (which a person
    should see, and answer with care, before it is public) waits for a moderator."""
    return first_post or question.triage_crisis or spam.banned_phrase(question.title, question.body) is not None


def index_text(question: Question) -> str:
    """What instant answers search: the question, then its accepted and expert answers, as plain text."""
    answers = question.visible_answers().filter(
        Q(pk=question.accepted_answer_id) | Q(by_expert=True)
    ).order_by("-by_expert", "created_at")
    return "\n\n".join([html_to_text(question.body_html) or question.body]
                        + [html_to_text(answer.body_html) or answer.body for answer in answers])


def sync_question_index(question_id: int) -> None:
    """Answered public questions join the instant-answer index; anything else leaves it.

    Reads the committed state, so whatever changed the question (hide, close, delete, an edited
    answer, a removed author) is reflected the same way."""
    question = Question.objects.answered().filter(pk=question_id).first()
    if question is not None:
        index_question(question.pk, question.title, index_text(question), question.get_absolute_url(), True)
    else:
        remove_question(question_id)


def sync_index(question: Question | int) -> None:
    """Schedules the index update for after the commit (a rolled-back change leaves the index alone)."""
    question_id = question if isinstance(question, int) else question.pk
    transaction.on_commit(lambda: sync_question_index(question_id))


def answered_questions() -> Iterator[tuple[int, str, str, str]]:
    """Every answered, visible question as (id, title, body text, url): the source for `askwell reindex`."""
    for question in Question.objects.answered().order_by("pk").iterator(chunk_size=500):
        yield question.pk, question.title, index_text(question), question.get_absolute_url()


def answered_question_count() -> int:
    """How many questions answered_questions() yields (for the reindex progress bar)."""
    return Question.objects.answered().count()


def _has_published_before(user: AnyUser, contact_email: str, exclude: int | None = None) -> bool:
    questions = Question.objects.public()
    if exclude:
        questions = questions.exclude(pk=exclude)
    if is_member(user):
        return questions.filter(author_id=user.pk).exists() or Answer.objects.shown().filter(
            author_id=user.pk
        ).exists()
    return bool(contact_email) and questions.filter(contact_email__iexact=contact_email).exists()


def _check_duplicate_question(user: AnyUser, contact_email: str, digest: str) -> Question | None:
    """Raises DuplicatePost for a repeat, except the one retry that must get through: a question
    still waiting for confirmation whose email was never queued (its process died between the two,
    before they shared a transaction) is returned, to have its confirmation sent now."""
    since = timezone.now() - datetime.timedelta(seconds=spam.DUPLICATE_WINDOW_SECONDS)
    recent = Question.objects.not_deleted().filter(content_hash=digest, created_at__gte=since)
    mine = recent.filter(author_id=user.pk) if is_member(user) else recent.filter(contact_email__iexact=contact_email)
    earlier = mine.order_by("-created_at").first()
    if earlier is None:
        return None
    if earlier.state == QuestionState.PENDING_CONFIRMATION and not tasks.confirmation_queued(earlier.pk):
        return earlier
    raise DuplicatePost("You have already sent this question. Check your email or the question list.")


@transaction.atomic
def ask_question(
    *, user: AnyUser, title: str, body: str, topic: Topic | None, tags: list[str], contact_email: str = "",
    from_api: bool = False,
) -> Question:
    """from_api: sent without the form's honeypot and fill time. An anonymous asker still has to
    confirm by email; a member's question is held for a moderator while the account is new."""
    member = is_member(user)
    if not member and not contact_email:
        raise ActionError("Give an email address so we can tell you when your question is answered.")
    digest = spam.content_hash(title, body)
    unconfirmable = _check_duplicate_question(user, contact_email, digest)
    if unconfirmable is not None:
        tasks.enqueue_in_transaction(tasks.send_question_confirmation, unconfirmable.pk)
        return unconfirmable
    question = Question(
        title=title.strip(),
        body=body,
        body_html=render_untrusted(body),
        topic=topic,
        tags=clean_tags(tags),
        author=member_or_none(user),
        contact_email="" if member else contact_email.strip(),
        content_hash=digest,
    )
    _apply_triage(question)
    if not member:
        question.state = QuestionState.PENDING_CONFIRMATION
    elif _held_for_moderator(question, first_post=not _has_published_before(user, "")) or (
        from_api and spam.is_new_account(user)
    ):
        question.state = QuestionState.AWAITING_MODERATION
    else:
        question.state = QuestionState.OPEN
    question.save()
    question_id = question.pk
    if question.state == QuestionState.PENDING_CONFIRMATION:
        tasks.enqueue_in_transaction(tasks.send_question_confirmation, question_id)
    return question


@transaction.atomic
def confirm_question(token: str) -> Question:
    """Raises tokens.LinkExpired / LinkInvalid; confirming twice is harmless."""
    question_id = tokens.read(token, tokens.CONFIRM_SALT, tokens.CONFIRM_MAX_AGE)
    if not isinstance(question_id, int):
        raise tokens.LinkInvalid
    question = Question.objects.select_for_update().not_deleted().filter(pk=question_id).first()
    if question is None:
        raise tokens.LinkInvalid
    if question.state != QuestionState.PENDING_CONFIRMATION:
        return question
    held = _held_for_moderator(question, first_post=not _has_published_before(
        AnonymousUser(), question.contact_email, exclude=question.pk
    ))
    question.state = QuestionState.AWAITING_MODERATION if held else QuestionState.OPEN
    question.save(update_fields=["state"])
    return question


@transaction.atomic
def edit_question(question: Question, *, editor: AnyUser, title: str, body: str, topic: Topic | None,
                  tags: list[str]) -> Question:
    """The asker's edit, or a moderator's (audited); the earlier text is kept as a revision."""
    Revision.objects.create(
        kind=RevisionKind.QUESTION, object_id=question.pk, title=question.title, body=question.body,
        editor=member_or_none(editor),
    )
    question.title, question.body, question.topic, question.tags = title.strip(), body, topic, clean_tags(tags)
    question.body_html = render_untrusted(body)
    question.content_hash = spam.content_hash(title, body)
    question.updated_at = timezone.now()
    _apply_triage(question)
    question.save()
    if not permissions.is_owner(editor, question):
        record(editor, "edit", question, MODERATOR_EDIT)
    sync_index(question)
    return question


def _take_down(question: Question) -> None:
    question.deleted_at = timezone.now()
    question.save(update_fields=["deleted_at"])
    sync_index(question)


@transaction.atomic
def delete_question(question: Question, *, actor: AnyUser, reason: str = "", log_action: str = "delete") -> None:
    """Soft-deletes a question (kept, marked deleted). The asker deleting their own is theirs
    alone; anyone else is a moderator, audited in this transaction: as "delete" from the
    question's page, or as log_action ("reject") from the moderation queue."""
    _take_down(question)
    if log_action != "delete" or not permissions.is_owner(actor, question):
        record(actor, log_action, question, reason)


@transaction.atomic
def remove_member_content(user: User, *, actor: AnyUser) -> dict[str, int]:
    """Takes down every question, answer and comment a member posted, and everything they wrote
    leaves the instant-answer index. Used by account deletion ("remove my posts") and by a
    moderator's "remove user" alike, so the two can never drift apart."""
    # One audit row for the whole removal (the moderator's "remove_user"; none when a person
    # deletes their own account), not one per post.
    questions = list(Question.objects.not_deleted().filter(author_id=user.pk))
    for question in questions:
        _take_down(question)
    their_answers = Answer.objects.not_deleted().filter(author_id=user.pk)
    # Other people's questions they answered are re-indexed without that answer's text.
    answered_ids = set(their_answers.values_list("question_id", flat=True))
    answers = their_answers.update(deleted_at=timezone.now())
    for question_id in answered_ids:
        sync_index(question_id)
    comments = Comment.objects.filter(author_id=user.pk).exclude(status=CommentStatus.REJECTED).update(
        status=CommentStatus.REJECTED
    )
    # Comments left while signed out under the same address go too.
    email = getattr(user, "email", "")
    if email:
        comments += Comment.objects.filter(email__iexact=email).exclude(status=CommentStatus.REJECTED).update(
            status=CommentStatus.REJECTED
        )
    transaction.on_commit(bump_content_version)
    return {"questions": len(questions), "answers": answers, "comments": comments}


@transaction.atomic
def publish_question(question: Question) -> Question:
    if question.state in (QuestionState.AWAITING_MODERATION, QuestionState.PENDING_CONFIRMATION):
        question.state = QuestionState.OPEN
        question.save(update_fields=["state"])
        if question.visible_answers().exists():
            question.mark_answered()
    sync_index(question)
    return question


@transaction.atomic
def close_question(question: Question, *, reason: str, duplicate_of: Question | None = None) -> Question:
    if reason not in CloseReason.values:
        raise ActionError("Choose a reason for closing.")
    if reason == CloseReason.DUPLICATE and (duplicate_of is None or duplicate_of.pk == question.pk):
        raise ActionError("Give the number of the question this one duplicates.")
    question.state = QuestionState.CLOSED
    question.close_reason = reason
    question.duplicate_of = duplicate_of if reason == CloseReason.DUPLICATE else None
    question.save(update_fields=["state", "close_reason", "duplicate_of"])
    sync_index(question)
    return question


@transaction.atomic
def post_answer(question: Question, *, author: User, body: str) -> Answer:
    digest = spam.content_hash(body)
    if Answer.objects.not_deleted().filter(question=question, author_id=author.pk, content_hash=digest).exists():
        raise DuplicatePost("You have already posted this answer.")
    by_expert = is_expert(author)
    held = not by_expert and (spam.banned_phrase(body) is not None or not _has_published_before(author, ""))
    answer = Answer.objects.create(
        question=question, author=author, by_expert=by_expert, body=body,
        body_html=render_untrusted(body), content_hash=digest, hidden=held, awaiting_moderation=held,
    )
    if held:
        return answer
    question.mark_answered()
    sync_index(question)
    if answer.by_expert:
        answer_id = answer.pk
        tasks.enqueue_in_transaction(tasks.notify_asker_of_answer, answer_id)
    return answer


@transaction.atomic
def publish_answer(answer: Answer) -> Answer:
    """A moderator's approval: the answer appears and its question counts as answered."""
    answer.hidden = False
    answer.awaiting_moderation = False
    answer.save(update_fields=["hidden", "awaiting_moderation"])
    answer.question.mark_answered()
    sync_index(answer.question)
    transaction.on_commit(bump_content_version)
    return answer


@transaction.atomic
def hide_answer(answer: Answer) -> Answer:
    """Off the question's page, kept for the record (moderation.actions.hide audits it)."""
    answer.hidden, answer.awaiting_moderation = True, False
    answer.save(update_fields=["hidden", "awaiting_moderation"])
    sync_index(answer.question_id)
    transaction.on_commit(bump_content_version)
    return answer


@transaction.atomic
def delete_answer(answer: Answer) -> Answer:
    """Soft-deletes an answer (moderation.actions.reject audits it)."""
    answer.deleted_at, answer.awaiting_moderation = timezone.now(), False
    answer.save(update_fields=["deleted_at", "awaiting_moderation"])
    sync_index(answer.question_id)
    transaction.on_commit(bump_content_version)
    return answer


@transaction.atomic
def edit_answer(answer: Answer, *, editor: AnyUser, body: str) -> Answer:
    """The author's edit, or a moderator's (audited); the earlier text is kept as a revision."""
    Revision.objects.create(
        kind=RevisionKind.ANSWER, object_id=answer.pk, body=answer.body,
        editor=member_or_none(editor),
    )
    answer.body, answer.body_html = body, render_untrusted(body)
    answer.content_hash = spam.content_hash(body)
    answer.updated_at = timezone.now()
    answer.save()
    if answer.author_id != editor.pk:
        record(editor, "edit", answer, MODERATOR_EDIT)
    if answer.by_expert or answer.question.accepted_answer_id == answer.pk:
        sync_index(answer.question_id)
    return answer


@transaction.atomic
def accept_answer(question: Question, answer: Answer) -> Question:
    if answer.question_id != question.pk or answer.hidden or answer.deleted_at is not None:
        raise ActionError("That answer cannot be accepted.")
    question.accepted_answer = answer
    question.save(update_fields=["accepted_answer"])
    question.mark_answered()
    sync_index(question)
    return question


def vote_helpful(answer: Answer, *, user: User) -> bool:
    """True when the vote counted, False when this person had already voted."""
    try:
        with transaction.atomic():
            Vote.objects.create(answer=answer, user=user)
            Answer.objects.filter(pk=answer.pk).update(helpful_count=F("helpful_count") + 1)
    except IntegrityError:
        return False
    return True


@dataclass
class CommentTarget:
    article: Article | None = None
    answer: Answer | None = None


def _known_commenter(user: AnyUser, email: str, known_comment_ids: list[int]) -> bool:
    """Only someone whose own earlier comment was approved is published at once: a signed-in
    member's, or a comment this browser sent (its signed cookie lists it) from the same address.
    An email address alone proves nothing: anyone can type an approved commenter's."""
    approved = Comment.objects.visible()
    if is_member(user):
        return approved.filter(author_id=user.pk).exists()
    return bool(known_comment_ids) and approved.filter(pk__in=known_comment_ids[-50:], email__iexact=email).exists()


@transaction.atomic
def post_comment(
    target: CommentTarget, *, user: AnyUser, name: str, email: str, website: str, body: str,
    parent: Comment | None = None, known_comment_ids: list[int] | None = None,
) -> Comment:
    if parent is not None:
        same_target = parent.article_id == (target.article.pk if target.article else None) and parent.answer_id == (
            target.answer.pk if target.answer else None
        )
        if not same_target or parent.status != CommentStatus.VISIBLE:
            raise ActionError("You can only reply to a published comment on this page.")
        parent = parent.parent or parent  # one level of replies: a reply to a reply joins the thread
    digest = spam.content_hash(body)
    since = timezone.now() - datetime.timedelta(seconds=spam.DUPLICATE_WINDOW_SECONDS)
    same_place = Comment.objects.filter(article=target.article, answer=target.answer)
    if same_place.filter(email__iexact=email, content_hash=digest, created_at__gte=since).exists():
        raise DuplicatePost("You have already sent this comment.")
    known = _known_commenter(user, email, known_comment_ids or [])
    held = not known or spam.banned_phrase(name, body, website) is not None
    comment = Comment.objects.create(
        article=target.article, answer=target.answer, parent=parent,
        author=member_or_none(user),
        name=name.strip(), email=email.strip(), website=website.strip(), body=body,
        body_html=render_untrusted(body), content_hash=digest,
        status=CommentStatus.PENDING if held else CommentStatus.VISIBLE,
    )
    if comment.is_visible:
        transaction.on_commit(bump_content_version)
    return comment


@transaction.atomic
def set_comment_status(comment: Comment, status: str) -> Comment:
    comment.status = status
    comment.save(update_fields=["status"])
    transaction.on_commit(bump_content_version)
    return comment


@transaction.atomic
def edit_comment(comment: Comment, *, body: str) -> Comment:
    """A moderator's edit of a comment (moderation.actions.edit_comment audits it)."""
    comment.body, comment.body_html = body, render_untrusted(body)
    comment.save(update_fields=["body", "body_html"])
    transaction.on_commit(bump_content_version)
    return comment


@transaction.atomic
def unsubscribe(*, email_hash: str) -> None:
    """The address behind this hash gets no more email from the community (the unsubscribe link)."""
    EmailOptOut.objects.get_or_create(email_hash=email_hash, defaults={"kind": "all"})
