"""The queue reads plainly: reports name the post, its author and link; held questions show
their triage and how long they have waited; buttons and messages say what they do."""

from __future__ import annotations

from django.test import Client

from askwell.community import actions
from askwell.community.models import Question
from askwell.community.testing import guard, published_question, user_of


def test_a_report_names_the_post_its_author_and_links_to_it(member: Client, moderator: Client,
                                                            expert: Client) -> None:
    question = published_question(title="Why do my calves cramp after running?")
    answer = actions.post_answer(question, author=user_of(expert), body="Stretch before bed, most nights.")
    member.post(f"/community/flag/answer/{answer.pk}/", guard(reason="wrong advice"))
    page = moderator.get("/moderation/").content.decode()
    report = page.split('id="queue-flag-', 1)[1].split("</article>", 1)[0]
    assert "an answer by expert to" in report and f'href="{answer.get_absolute_url()}"' in report
    assert "Reported" in report and "wrong advice" in report
    assert "Keep the answer, dismiss the report" in report and ">Approve<" not in report
    assert "Remove this member and everything they posted…" in report
    response = moderator.post(f"/moderation/answer/{answer.pk}/approve/", {"after": "report"}, follow=True)
    assert "Kept the answer and dismissed the report." in response.content.decode()


def test_held_questions_show_their_triage_and_age(moderator: Client, anonymous: Client) -> None:
    from askwell.community.testing import ask

    ask(anonymous, email="held@example.net", title="Cramp in my chest and left arm",
        body="It spreads to my jaw and I feel sick.")
    question = Question.objects.get()
    Question.objects.filter(pk=question.pk).update(state="awaiting_moderation")
    page = moderator.get("/moderation/").content.decode()
    item = page.split(f'id="queue-question-{question.pk}"', 1)[1].split("</article>", 1)[0]
    assert "Waiting" in item and "Triage:" in item and f'data-triage="{question.triage_level}"' in item
    response = moderator.post(f"/moderation/question/{question.pk}/approve/", follow=True)
    assert f"Published the question “{question.title}”." in response.content.decode()
