"""Who may see, edit, answer, accept, vote and comment. Views ask these, never decide inline."""

from __future__ import annotations

from askwell.accounts.permissions import AnyUser, is_expert, is_member, is_moderator
from askwell.community.models import Answer, Question, QuestionState, TopicPolicy


def can_view_question(user: AnyUser, question: Question) -> bool:
    if question.deleted_at is not None:
        return is_moderator(user)
    return question.is_public or is_owner(user, question) or is_moderator(user)


def is_owner(user: AnyUser, question: Question) -> bool:
    return is_member(user) and question.author_id is not None and question.author_id == user.pk


def can_edit_question(user: AnyUser, question: Question) -> bool:
    if question.deleted_at is not None:
        return False
    return is_owner(user, question) or is_moderator(user)


def can_delete_question(user: AnyUser, question: Question) -> bool:
    return can_edit_question(user, question)


def members_may_answer(question: Question) -> bool:
    if question.topic_id is None:
        return False
    return TopicPolicy.objects.filter(topic_id=question.topic_id, members_may_answer=True).exists()


def can_answer(user: AnyUser, question: Question) -> bool:
    if not question.is_public or question.state == QuestionState.CLOSED:
        return False
    if is_expert(user):
        return True
    return is_member(user) and not is_owner(user, question) and members_may_answer(question)


def can_edit_answer(user: AnyUser, answer: Answer) -> bool:
    if answer.deleted_at is not None:
        return False
    own = is_member(user) and answer.author_id is not None and answer.author_id == user.pk
    return own or is_moderator(user)


def can_accept(user: AnyUser, question: Question) -> bool:
    """The asker with an account; an asker without one accepts through the signed link emailed to them."""
    return is_owner(user, question) and question.is_public and question.state != QuestionState.CLOSED


def can_vote(user: AnyUser, answer: Answer) -> bool:
    return is_member(user) and answer.author_id != user.pk and not answer.hidden


def can_moderate(user: AnyUser) -> bool:
    return is_moderator(user)


def can_set_topic_policy(user: AnyUser) -> bool:
    return is_moderator(user)
