"""The moderation queue: approve, reject, hide, close, edit, remove a user, expert reviews, audit log."""

from __future__ import annotations

from django.test import Client

from askwell.accounts.models import ExpertProfile, ExpertStatus
from askwell.community import actions
from askwell.community.models import Answer, Question, QuestionState
from askwell.community.testing import guard, published_question, user_of
from askwell.moderation.models import AuditEntry, Flag


def test_every_action_is_in_the_audit_log_with_who_what_and_why(moderator: Client, asker: Client) -> None:
    question = published_question(author=user_of(asker))
    moderator.post(f"/moderation/question/{question.pk}/close/", {"reason": "off_topic", "note": "not health"})
    question.refresh_from_db()
    assert question.state == QuestionState.CLOSED and question.close_reason == "off_topic"
    entry = AuditEntry.objects.get()
    assert entry.actor_name == "moderator" and entry.action == "close:off_topic" and entry.reason == "not health"
    page = moderator.get("/moderation/audit/").content.decode()
    assert "close:off_topic" in page and "not health" in page


def test_closing_as_a_duplicate_needs_the_other_question(moderator: Client) -> None:
    first, second = published_question(title="The first question here"), published_question(title="A second one here")
    response = moderator.post(f"/moderation/question/{second.pk}/close/", {"reason": "duplicate"})
    assert "Give the number" in response.content.decode()
    moderator.post(f"/moderation/question/{second.pk}/close/", {"reason": "duplicate", "duplicate_of": first.pk})
    second.refresh_from_db()
    assert second.duplicate_of_id == first.pk
    assert "The first question here" in moderator.get(second.get_absolute_url()).content.decode()


def test_removing_a_user_takes_everything_they_posted(moderator: Client, member: Client, expert: Client) -> None:
    spammer = user_of(member)
    question = published_question(author=spammer, title="Buy things from my shop now")
    answer = actions.post_answer(published_question(title="An honest question"), author=user_of(expert),
                                 body="An honest answer that is long enough.")
    target = actions.CommentTarget(answer=answer)
    actions.post_comment(target, user=spammer, name="Spam", email="member@example.org", website="", body="Spam!")
    # The page says what goes, and nothing happens until the box is ticked.
    page = moderator.get(f"/moderation/user/{spammer.pk}/remove/").content.decode()
    assert "1 question" in page and "1 comment" in page and "Yes, remove this account" in page
    response = moderator.post(f"/moderation/user/{spammer.pk}/remove/", {"reason": "spam"})
    assert response.status_code == 400 and "Tick the box" in response.content.decode()
    spammer.refresh_from_db()
    assert spammer.is_active
    response = moderator.post(f"/moderation/user/{spammer.pk}/remove/", {"reason": "spam", "confirm": "yes"})
    assert response.status_code == 302
    assert "Removed member and 2 of their posts." in moderator.get("/moderation/").content.decode()
    spammer.refresh_from_db()
    question.refresh_from_db()
    assert not spammer.is_active and question.deleted_at is not None
    assert not answer.comments.filter(status="visible").exists()
    assert AuditEntry.objects.filter(action="remove_user", reason__startswith="spam").exists()


def test_flags_put_a_post_in_the_queue_and_hiding_resolves_them(member: Client, moderator: Client,
                                                                 expert: Client) -> None:
    answer = actions.post_answer(published_question(), author=user_of(expert), body="An answer long enough to post.")
    member.post(f"/community/flag/answer/{answer.pk}/", guard(reason="rude"))
    assert "rude" in moderator.get("/moderation/").content.decode()
    moderator.post(f"/moderation/answer/{answer.pk}/hide/", {"reason": "rude indeed"})
    answer.refresh_from_db()
    assert answer.hidden and not Flag.objects.filter(resolved=False).exists()
    assert Answer.objects.get().pk == answer.pk


def test_an_expert_application_is_verified_or_declined_with_a_reason(member: Client, moderator: Client,
                                                                     anonymous: Client) -> None:
    member.post("/account/expert/apply/", {"profession": "GP", "registration_body": "GMC",
                                            "registration_number": "1234567", "bio": "Family doctor."})
    profile = ExpertProfile.objects.get(user=user_of(member))
    assert profile.status == ExpertStatus.PENDING and "GMC" in moderator.get("/moderation/").content.decode()
    moderator.post(f"/moderation/expert/{profile.pk}/", {"decision": "decline", "reason": ""})
    profile.refresh_from_db()
    assert profile.status == ExpertStatus.PENDING  # a reason is required
    moderator.post(f"/moderation/expert/{profile.pk}/", {"decision": "decline", "reason": "Number not found"})
    profile.refresh_from_db()
    assert profile.status == ExpertStatus.DECLINED and "Number not found" in member.get("/account/").content.decode()
    assert anonymous.get("/experts/member/").status_code == 404
    moderator.post(f"/moderation/expert/{profile.pk}/", {"decision": "verify"})
    assert anonymous.get("/experts/member/").status_code == 200


def test_non_moderators_cannot_act(member: Client) -> None:
    question = Question.objects.create(title="A question to approve", body="x", state=QuestionState.AWAITING_MODERATION)
    assert member.post(f"/moderation/question/{question.pk}/approve/").status_code == 403
    question.refresh_from_db()
    assert question.state == QuestionState.AWAITING_MODERATION


def test_a_moderator_edit_of_someone_elses_answer_is_audited_and_kept_in_history(moderator: Client,
                                                                                 expert: Client) -> None:
    from askwell.community.models import Revision

    answer = actions.post_answer(published_question(), author=user_of(expert), body="The first wording of it.")
    moderator.post(f"/answers/{answer.pk}/edit/", {"body": "A corrected wording by the moderator."})
    answer.refresh_from_db()
    assert answer.body == "A corrected wording by the moderator."
    assert Revision.objects.get(object_id=answer.pk).body == "The first wording of it."
    assert AuditEntry.objects.filter(action="edit", target_type="answer", actor_name="moderator").exists()
