"""/questions/<id>/sent/ shows a new question's triage to the browser that asked it, and to no one else."""

from __future__ import annotations

import pytest
from django.test import Client

from askwell.community.models import Question
from askwell.community.testing import ask

pytestmark = pytest.mark.django_db

CHEST = {"title": "Crushing chest pain spreading to my left arm", "body": "Sweating and feeling sick.",
         "email": "worried.asker@example.net"}


def test_only_the_asking_browser_sees_the_sent_page() -> None:
    asker = Client()
    response = ask(asker, **CHEST)
    question = Question.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/questions/{question.pk}/sent/"
    page = asker.get(response["Location"])
    assert page.status_code == 200 and "email" in page.content.decode().lower()
    assert "no-cache" in page["Cache-Control"] and "private" in page["Cache-Control"]

    for stranger in (Client(), Client()):
        assert stranger.get(f"/questions/{question.pk}/sent/").status_code == 404


def test_members_and_moderators_cannot_read_someone_elses_sent_page(member: Client, moderator: Client) -> None:
    ask(Client(), **CHEST)
    question = Question.objects.get()
    for client in (member, moderator):
        assert client.get(f"/questions/{question.pk}/sent/").status_code == 404


def test_the_asking_browser_cannot_walk_to_other_ids() -> None:
    other = Client()
    ask(other, **CHEST)
    asker = Client()
    ask(asker, title="Why do my calves cramp at night?", body="Both calves.", email="calves@example.net")
    first, second = Question.objects.order_by("pk")
    assert asker.get(f"/questions/{second.pk}/sent/").status_code == 200
    for pk in (first.pk, second.pk + 1, second.pk - 1 if second.pk - 1 != first.pk else 0):
        assert asker.get(f"/questions/{pk}/sent/").status_code == 404
