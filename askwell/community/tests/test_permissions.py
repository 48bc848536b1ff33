"""Permission matrix per view: who may see, edit, answer, accept, vote and moderate."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from askwell.community import actions
from askwell.community.models import Answer, Question, QuestionState
from askwell.community.testing import guard, published_question, user_of

# persona -> expected HTTP status (or outcome) per action on a question asked by "asker".
MATRIX: dict[str, dict[str, int]] = {
    # Columns: view the question, view a held one, edit it, answer, accept an answer, vote, open moderation.
    # (Deleting a question is tested with its own rule, can_delete_question: test_seams.py.)
    "anonymous": {"view": 200, "held": 404, "edit": 302, "answer": 403, "accept": 403, "vote": 403, "moderate": 302},
    "asker": {"view": 200, "held": 200, "edit": 200, "answer": 403, "accept": 302, "vote": 302, "moderate": 403},
    "member": {"view": 200, "held": 404, "edit": 403, "answer": 403, "accept": 403, "vote": 302, "moderate": 403},
    "expert": {"view": 200, "held": 404, "edit": 403, "answer": 302, "accept": 403, "vote": 403, "moderate": 403},
    "moderator": {"view": 200, "held": 200, "edit": 200, "answer": 403, "accept": 403, "vote": 302, "moderate": 200},
}


@pytest.fixture
def scene(db: None) -> dict[str, Any]:
    from askwell.test import client_for

    clients = {name: client_for(name) for name in MATRIX}
    asker = user_of(clients["asker"])
    expert = user_of(clients["expert"])
    question = published_question(author=asker, title="How long do cramps last after running?")
    held = actions.ask_question(user=asker, title="A second question that waits for moderation", body="Text.",
                                topic=None, tags=[])
    held.state = QuestionState.AWAITING_MODERATION
    held.save()
    answer = actions.post_answer(question, author=expert, body="Usually a few minutes; stretch gently and drink water.")
    return {"clients": clients, "question": question, "held": held, "answer": answer}


def status_for(scene: dict[str, Any], persona: str, what: str) -> int:
    client: Client = scene["clients"][persona]
    question: Question = scene["question"]
    answer: Answer = scene["answer"]
    if what == "view":
        return client.get(question.get_absolute_url()).status_code
    if what == "held":
        return client.get(scene["held"].get_absolute_url()).status_code
    if what == "edit":
        response = client.get(f"/questions/{question.pk}/edit/")
        return 302 if response.status_code == 302 or (response.status_code == 403 and persona == "anonymous") \
            else response.status_code
    if what == "answer":
        return client.post(f"/questions/{question.pk}/answer/",
                           guard(body="Another answer that is long enough to be accepted here.")).status_code
    if what == "accept":
        return client.post(f"/questions/{question.pk}/accept/{answer.pk}/").status_code
    if what == "vote":
        return client.post(f"/answers/{answer.pk}/helpful/").status_code
    return client.get("/moderation/").status_code


@pytest.mark.parametrize("persona", list(MATRIX))
@pytest.mark.parametrize("what", ["view", "held", "edit", "answer", "accept", "vote", "moderate"])
def test_each_persona_may_do_exactly_what_the_matrix_says(scene: dict[str, Any], persona: str, what: str) -> None:
    assert status_for(scene, persona, what) == MATRIX[persona][what]


def test_an_expert_cannot_mark_their_own_answer_helpful(scene: dict[str, Any]) -> None:
    response = scene["clients"]["expert"].post(f"/answers/{scene['answer'].pk}/helpful/")
    assert response.status_code == 403
    scene["answer"].refresh_from_db()
    assert scene["answer"].helpful_count == 0


def test_a_member_votes_once_however_often_they_click(scene: dict[str, Any]) -> None:
    for _ in range(3):
        scene["clients"]["member"].post(f"/answers/{scene['answer'].pk}/helpful/")
    scene["answer"].refresh_from_db()
    assert scene["answer"].helpful_count == 1


def test_members_answer_only_where_a_moderator_allows_it(scene: dict[str, Any]) -> None:
    from askwell.knowledge.models import Topic
    from askwell.moderation import actions as moderation

    question: Question = scene["question"]
    topic = Topic.objects.published().first()
    assert topic is not None
    question.topic = topic
    question.save()
    data = guard(body="From my own experience, stretching before bed helps a lot.")
    assert scene["clients"]["member"].post(f"/questions/{question.pk}/answer/", data).status_code == 403
    moderation.set_topic_policy(user_of(scene["clients"]["moderator"]), topic, True)
    assert scene["clients"]["member"].post(f"/questions/{question.pk}/answer/", data).status_code == 302
    member_answer = Answer.objects.get(author=user_of(scene["clients"]["member"]))
    assert not member_answer.by_expert
    moderation.approve(user_of(scene["clients"]["moderator"]), member_answer)  # a first answer waits for this
    page = scene["clients"]["anonymous"].get(question.get_absolute_url()).content.decode()
    assert "Answers from members" in page


def test_an_expert_without_two_factor_is_sent_to_set_it_up(db: None) -> None:
    from allauth.mfa.models import Authenticator

    from askwell.test import client_for

    client = client_for("expert")
    Authenticator.objects.filter(user=user_of(client)).delete()
    question = published_question()
    response = client.post(f"/questions/{question.pk}/answer/", guard(body="A long enough answer for the form here."))
    assert response.status_code == 302 and "totp" in response["Location"]
    assert not Answer.objects.exists()


def test_a_moderator_without_two_factor_cannot_open_the_queue(db: None) -> None:
    from allauth.mfa.models import Authenticator

    from askwell.test import client_for

    client = client_for("moderator")
    Authenticator.objects.filter(user=user_of(client)).delete()
    response = client.get("/moderation/")
    assert response.status_code == 302 and "totp" in response["Location"]
