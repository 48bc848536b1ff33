"""The "Report" button on questions, answers and comments, for every reader."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import Client

from askwell.community import actions
from askwell.community.models import Comment, CommentStatus
from askwell.community.testing import guard, published_question, user_of
from askwell.knowledge.models import Article
from askwell.moderation.models import Flag


@pytest.fixture
def visible_comment(db: None) -> Comment:
    article = Article.objects.published().first()
    assert article is not None
    return Comment.objects.create(article=article, name="Sam", email="sam@example.net", body="Buy pills here.",
                                  body_html="<p>Buy pills here.</p>", status=CommentStatus.VISIBLE)


def test_every_visible_comment_and_answer_shows_a_report_form(anonymous: Client, expert: Client,
                                                            visible_comment: Comment) -> None:
    html = Template("{% load community_tags %}{% comments_for article %}").render(
        Context({"article": visible_comment.article}))
    assert f'action="/community/flag/comment/{visible_comment.pk}/"' in html and 'name="homepage_url"' in html
    answer = actions.post_answer(published_question(), author=user_of(expert), body="An answer long enough to post.")
    page = anonymous.get(answer.question.get_absolute_url()).content.decode()
    assert f'action="/community/flag/answer/{answer.pk}/"' in page
    assert f'action="/community/flag/question/{answer.question.pk}/"' in page


def test_an_anonymous_reader_reports_a_comment_into_the_moderation_queue_and_sees_a_thank_you(
    anonymous: Client, moderator: Client, visible_comment: Comment
) -> None:
    response = anonymous.post(f"/community/flag/comment/{visible_comment.pk}/", guard(reason="spam link"))
    assert response.status_code == 200 and "a moderator will look at it" in response.content.decode()
    flag = Flag.objects.get()
    assert flag.target_type == "comment" and flag.target_id == visible_comment.pk and flag.reporter is None
    queue = moderator.get("/moderation/").content.decode()
    assert "spam link" in queue and "Buy pills here." in queue


def test_a_filled_honeypot_or_a_cross_site_post_files_no_report(anonymous: Client, visible_comment: Comment) -> None:
    url = f"/community/flag/comment/{visible_comment.pk}/"
    assert anonymous.post(url, guard(reason="spam", homepage_url="http://x.example")).status_code == 400
    assert anonymous.post(url, guard(reason="spam"), headers={"Origin": "https://evil.example"}).status_code == 403
    assert not Flag.objects.exists()


def test_reports_are_rate_limited(anonymous: Client, visible_comment: Comment) -> None:
    url = f"/community/flag/comment/{visible_comment.pk}/"
    statuses = [anonymous.post(url, guard(reason=f"report {n}")).status_code for n in range(25)]
    assert statuses.count(200) == 20 and statuses[-1] == 400
    assert Flag.objects.count() == 20


def test_a_hidden_comment_cannot_be_reported(anonymous: Client, visible_comment: Comment) -> None:
    visible_comment.status = CommentStatus.HIDDEN
    visible_comment.save()
    assert anonymous.post(f"/community/flag/comment/{visible_comment.pk}/", guard(reason="x")).status_code == 404


def test_a_signed_in_reporter_is_recorded(member: Client, visible_comment: Comment) -> None:
    member.post(f"/community/flag/comment/{visible_comment.pk}/", guard(reason="off topic"))
    assert Flag.objects.get().reporter == user_of(member)
