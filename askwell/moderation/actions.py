"""Moderator actions. Each runs in one transaction and writes its audit entry (who, what, when,
why) inside it, so a change is never saved without its entry. Changes to community posts go
through the community's own actions; a refusal is an ActionError, shown to the moderator."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from askwell.accounts.models import ExpertProfile, ExpertStatus
from askwell.community import actions as community
from askwell.community import tasks
from askwell.community.models import Answer, Comment, CommentStatus, Question, TopicPolicy
from askwell.core.errors import ActionError
from askwell.knowledge.models import Topic
from askwell.moderation.audit import record
from askwell.moderation.models import BannedWord, Flag


def _resolve_flags(target_type: str, target_id: int) -> None:
    Flag.objects.unresolved().filter(target_type=target_type, target_id=target_id).update(resolved=True)


@transaction.atomic
def approve(moderator: User, target: Question | Answer | Comment, reason: str = "") -> None:
    if isinstance(target, Question):
        was_public = target.is_public
        community.publish_question(target)
        if not was_public:  # tell the asker it is live (and where)
            tasks.enqueue_in_transaction(tasks.notify_asker_published, target.pk)
    elif isinstance(target, Comment):
        community.set_comment_status(target, CommentStatus.VISIBLE)
    else:
        first_publication = target.awaiting_moderation
        community.publish_answer(target)
        if first_publication:  # a member's first answer, now public: the asker hears of it too
            tasks.enqueue_in_transaction(tasks.notify_asker_of_answer, target.pk)
    _resolve_flags(target._meta.model_name or "", target.pk)
    record(moderator, "approve", target, reason)


@transaction.atomic
def reject(moderator: User, target: Question | Answer | Comment, reason: str = "") -> None:
    """Takes the post off the site (soft): questions and answers are marked deleted, comments rejected."""
    _resolve_flags(target._meta.model_name or "", target.pk)
    if isinstance(target, Question):
        # The community's deletion writes this audit entry itself, as "reject".
        community.delete_question(target, actor=moderator, reason=reason, log_action="reject")
        return
    if isinstance(target, Comment):
        community.set_comment_status(target, CommentStatus.REJECTED)
    else:
        community.delete_answer(target)
    record(moderator, "reject", target, reason)


@transaction.atomic
def hide(moderator: User, target: Answer | Comment, reason: str = "") -> None:
    if isinstance(target, Comment):
        community.set_comment_status(target, CommentStatus.HIDDEN)
    else:
        community.hide_answer(target)
    _resolve_flags(target._meta.model_name or "", target.pk)
    record(moderator, "hide", target, reason)


@transaction.atomic
def edit_comment(moderator: User, comment: Comment, body: str, reason: str = "") -> None:
    community.edit_comment(comment, body=body)
    record(moderator, "edit", comment, reason)


@transaction.atomic
def close(moderator: User, question: Question, reason: str, duplicate_of: Question | None,
          note: str = "") -> None:
    community.close_question(question, reason=reason, duplicate_of=duplicate_of)
    _resolve_flags("question", question.pk)
    record(moderator, f"close:{reason}", question, note)


@transaction.atomic
def flag(reporter: User | None, target: Question | Answer | Comment, reason: str) -> Flag:
    """A reader's report: it puts the post in the queue (no audit entry: readers are not moderators)."""
    return Flag.objects.create(
        target_type=target._meta.model_name or "", target_id=target.pk, reason=reason[:300], reporter=reporter
    )


@transaction.atomic
def verify_expert(moderator: User, profile: ExpertProfile) -> None:
    profile.status = ExpertStatus.VERIFIED
    profile.decline_reason = ""
    profile.reviewed_by, profile.reviewed_at = moderator, timezone.now()
    profile.save()
    record(moderator, "verify_expert", profile)
    # Welcome email: topics to follow, why and how to set up two-factor, where the questions wait.
    tasks.enqueue_in_transaction(tasks.notify_expert_verified, profile.pk)


@transaction.atomic
def decline_expert(moderator: User, profile: ExpertProfile, reason: str) -> None:
    if not reason.strip():
        raise ActionError("Give the applicant a reason for declining.")
    profile.status = ExpertStatus.DECLINED
    profile.decline_reason = reason.strip()
    profile.reviewed_by, profile.reviewed_at = moderator, timezone.now()
    profile.save()
    record(moderator, "decline_expert", profile, reason)


@transaction.atomic
def set_topic_policy(moderator: User, topic: Topic, members_may_answer: bool) -> None:
    TopicPolicy.objects.update_or_create(topic=topic, defaults={"members_may_answer": members_may_answer})
    record(moderator, "members_may_answer" if members_may_answer else "experts_only", topic)


@transaction.atomic
def add_banned_word(moderator: User, phrase: str) -> None:
    phrase = " ".join(phrase.casefold().split())
    if not phrase:
        raise ActionError("Type a word or phrase.")
    word, _ = BannedWord.objects.get_or_create(phrase=phrase[:100], defaults={"added_by": moderator})
    record(moderator, "ban_word", word)


@transaction.atomic
def remove_banned_word(moderator: User, word: BannedWord) -> None:
    record(moderator, "unban_word", word)
    word.delete()


@transaction.atomic
def remove_user_and_content(moderator: User, user: User, reason: str) -> dict[str, int]:
    """Deactivates the account and takes down every question, answer and comment it posted."""
    if user.pk == moderator.pk:
        raise ActionError("You cannot remove yourself.")
    if getattr(user, "is_superuser", False):
        raise ActionError("An administrator cannot be removed here.")
    counts = community.remove_member_content(user, actor=moderator)
    user.is_active = False
    user.save(update_fields=["is_active"])
    ExpertProfile.objects.filter(user_id=user.pk).update(status=ExpertStatus.DECLINED, decline_reason=reason)
    record(moderator, "remove_user", user, f"{reason} ({counts})")
    return counts


def queue_counts() -> dict[str, int]:
    return {
        "comments": Comment.objects.awaiting_moderation().count(),
        "questions": Question.objects.awaiting_moderation().count(),
        "answers": Answer.objects.awaiting_moderation().count(),
        "flags": Flag.objects.unresolved().count(),
        "experts": ExpertProfile.objects.filter(status=ExpertStatus.PENDING).count(),
    }
