"""The named states, the fetch-and-authorise helpers and the actions that write their own audit rows."""

from __future__ import annotations

import time
from unittest import mock

import pytest
from django.core import signing
from django.test import Client

from askwell.community import actions, tokens
from askwell.community.models import Answer, Comment, CommentStatus, EmailOptOut, Question, QuestionState
from askwell.community.testing import published_question, user_of
from askwell.moderation import actions as moderation
from askwell.moderation.models import AuditEntry
from askwell.moderation.spam import email_hash


def _answer(expert: Client, question: Question | None = None) -> Answer:
    return actions.post_answer(question or published_question(), author=user_of(expert),
                               body="Stretch the calf gently and drink some water.")


def test_a_visible_answer_is_shown_on_a_public_question(expert: Client, moderator: Client) -> None:
    shown = _answer(expert)
    hidden = _answer(expert, published_question(title="A second question about cramps"))
    moderation.hide(user_of(moderator), hidden)
    on_deleted = _answer(expert, published_question(title="A third question about cramps"))
    actions.delete_question(on_deleted.question, actor=user_of(moderator))
    assert list(Answer.objects.visible()) == [shown]
    assert set(Answer.objects.shown()) == {shown, on_deleted}
    assert set(Answer.objects.not_deleted()) == {shown, hidden, on_deleted}


def test_the_queue_and_its_counts_read_the_same_named_states(moderator: Client, asker: Client) -> None:
    waiting = actions.ask_question(user=user_of(asker), title="A first question waits", body="Text.", topic=None,
                                   tags=[])
    assert waiting.state == QuestionState.AWAITING_MODERATION
    gone = actions.ask_question(user=user_of(asker), title="Another first question", body="More.", topic=None, tags=[])
    actions.delete_question(gone, actor=user_of(asker))
    assert list(Question.objects.awaiting_moderation()) == [waiting]
    assert moderation.queue_counts()["questions"] == 1
    page = moderator.get("/moderation/").content.decode()
    assert "A first question waits" in page and "Another first question" not in page


def test_a_moderators_edit_writes_its_audit_row_in_the_same_transaction(asker: Client, moderator: Client) -> None:
    question = published_question(author=user_of(asker), title="The original title of it")
    with mock.patch("askwell.community.actions.record", side_effect=RuntimeError("audit log unavailable")), \
            pytest.raises(RuntimeError):
        actions.edit_question(question, editor=user_of(moderator), title="A moderator's new title", body="x",
                              topic=None, tags=[])
    question.refresh_from_db()
    assert question.title == "The original title of it"  # no edit without its audit row
    actions.edit_question(question, editor=user_of(moderator), title="A moderator's new title", body="x",
                          topic=None, tags=[])
    assert AuditEntry.objects.get().action == "edit"


def test_the_askers_own_edit_and_deletion_are_not_moderation(asker: Client) -> None:
    question = published_question(author=user_of(asker))
    asker.post(f"/questions/{question.pk}/edit/", {"title": "A better title for the question", "body": "New."})
    asker.post(f"/questions/{question.pk}/delete/")
    question.refresh_from_db()
    assert question.deleted_at is not None and not AuditEntry.objects.exists()


def test_deleting_someone_elses_question_names_the_moderator(asker: Client, moderator: Client) -> None:
    question = published_question(author=user_of(asker))
    assert moderator.post(f"/questions/{question.pk}/delete/").status_code == 302
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor_name, entry.target_id) == ("delete", "moderator", question.pk)


def test_rejecting_a_question_from_the_queue_is_one_audit_row(moderator: Client) -> None:
    question = published_question()
    moderator.post(f"/moderation/question/{question.pk}/reject/", {"reason": "spam"})
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.reason) == ("reject", "spam")
    assert Question.objects.not_deleted().count() == 0


def test_an_answer_becomes_answered_only_on_an_open_question(asker: Client, expert: Client,
                                                           moderator: Client) -> None:
    question = published_question(author=user_of(asker))
    moderation.close(user_of(moderator), question, "off_topic", None)
    answer = Answer.objects.create(question=question, author=user_of(expert), body="Late.", by_expert=True)
    actions.accept_answer(question, answer)
    question.refresh_from_db()
    assert question.state == QuestionState.CLOSED and question.accepted_answer_id == answer.pk
    other = published_question(title="An open question about cramps")
    actions.accept_answer(other, Answer.objects.create(question=other, body="An answer.", by_expert=True))
    other.refresh_from_db()
    assert other.state == QuestionState.ANSWERED


def test_accepting_a_hidden_answer_is_a_404_not_an_error(asker: Client, expert: Client, moderator: Client) -> None:
    question = published_question(author=user_of(asker))
    answer = _answer(expert, question)
    moderation.hide(user_of(moderator), answer)
    assert asker.post(f"/questions/{question.pk}/accept/{answer.pk}/").status_code == 404
    question.refresh_from_db()
    assert question.accepted_answer_id is None


def test_no_votes_on_an_answer_nobody_can_see(expert: Client, member: Client, moderator: Client) -> None:
    answer = _answer(expert)
    actions.delete_question(answer.question, actor=user_of(moderator))
    assert member.post(f"/answers/{answer.pk}/helpful/").status_code == 404
    answer.refresh_from_db()
    assert answer.helpful_count == 0


def test_every_signed_link_says_expired_with_410_and_altered_with_404(anonymous: Client, expert: Client) -> None:
    answer = _answer(expert)
    with mock.patch("time.time", return_value=time.time() - 100 * 24 * 3600):
        old_accept = tokens.make({"q": answer.question_id, "a": answer.pk}, tokens.ACCEPT_SALT)
        old_confirm = tokens.make(answer.question_id, tokens.CONFIRM_SALT)
    for url in (f"/questions/accept/{old_accept}/", f"/questions/confirm/{old_confirm}/"):
        response = anonymous.get(url)
        assert response.status_code == 410 and "expired" in response.content.decode(), url
    for url in ("/questions/accept/x/", "/questions/confirm/x/", "/community/unsubscribe/x/"):
        assert anonymous.get(url).status_code == 404, url
    assert signing.loads(old_accept, salt=tokens.ACCEPT_SALT)["a"] == answer.pk


def test_unsubscribing_goes_through_the_action(anonymous: Client) -> None:
    token = tokens.make({"e": email_hash("reader@example.net"), "k": "answers"}, tokens.UNSUBSCRIBE_SALT)
    with mock.patch("askwell.community.actions.unsubscribe", wraps=actions.unsubscribe) as unsubscribe:
        assert anonymous.post(f"/community/unsubscribe/{token}/").status_code == 200
    unsubscribe.assert_called_once_with(email_hash=email_hash("reader@example.net"))
    assert EmailOptOut.objects.filter(email_hash=email_hash("reader@example.net")).exists()


def test_the_expert_page_lists_only_answers_anyone_may_see(anonymous: Client, expert: Client,
                                                          moderator: Client) -> None:
    kept = _answer(expert, published_question(title="A question that stays up"))
    gone = _answer(expert, published_question(title="A question a moderator removed"))
    actions.delete_question(gone.question, actor=user_of(moderator))
    page = anonymous.get(f"/experts/{user_of(expert).username}/").content.decode()
    assert "A question that stays up" in page and "A question a moderator removed" not in page
    assert kept.pk


def test_comment_states_have_names(expert: Client) -> None:
    answer = _answer(expert)
    shown = Comment.objects.create(answer=answer, name="A", email="a@example.net", body="Hi",
                                   status=CommentStatus.VISIBLE)
    held = Comment.objects.create(answer=answer, name="B", email="b@example.net", body="Hi")
    assert list(Comment.objects.visible()) == [shown] and list(Comment.objects.awaiting_moderation()) == [held]
    assert shown.is_visible and not held.is_visible
