"""No email address given to the site appears in any public page, feed, API response, sitemap or log line."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.core import mail
from django.template import Context, Template
from django.test import Client, RequestFactory

from askwell.community.models import Answer, Comment, CommentStatus, Question
from askwell.community.testing import ask, guard, user_of
from askwell.knowledge.models import Article, Topic

ASKER_EMAIL = "anon.asker.secret@example.net"
COMMENTER_EMAIL = "commenter.secret@example.net"
MEMBER_COMMENTER_EMAIL = "member.commenter@example.net"


@pytest.fixture
def posted(anonymous: Client, expert: Client, moderator: Client, member: Client,
           django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    topic = Topic.objects.published().first()
    article = Article.objects.published().first()
    assert topic is not None and article is not None
    with django_capture_on_commit_callbacks(execute=True):
        ask(anonymous, email=ASKER_EMAIL, topic=str(topic.pk))
    question = Question.objects.get(contact_email=ASKER_EMAIL)
    confirm = next(w for w in str(mail.outbox[0].body).split() if "/confirm/" in w).replace("http://127.0.0.1:8000", "")
    anonymous.post(confirm)
    moderator.post(f"/moderation/question/{question.pk}/approve/")
    with django_capture_on_commit_callbacks(execute=True):
        expert.post(f"/questions/{question.pk}/answer/", guard(body="Stretch the calf and keep hydrated; see a GP if "
                                                                     "it keeps waking you."))
    answer = Answer.objects.get()
    for client, email, target in [
        (anonymous, COMMENTER_EMAIL, f"/community/comments/article/{article.pk}/"),
        (anonymous, COMMENTER_EMAIL, f"/community/comments/answer/{answer.pk}/"),
        (member, MEMBER_COMMENTER_EMAIL, f"/community/comments/answer/{answer.pk}/"),
    ]:
        client.post(target, guard(comment=f"Thanks, this helped me ({target}).", name="Sam", email=email,
                                  website="https://example.org/sam"))
    for comment in Comment.objects.all():
        moderator.post(f"/moderation/comment/{comment.pk}/approve/")
    assert Comment.objects.filter(status=CommentStatus.VISIBLE).count() == 3
    question.refresh_from_db()
    return {"question": question, "answer": answer, "article": article, "topic": topic, "expert": user_of(expert)}


def public_urls(posted: dict[str, Any]) -> list[str]:
    question, topic = posted["question"], posted["topic"]
    return [
        "/", "/questions/", f"/questions/?topic={topic.slug}", question.get_absolute_url(),
        f"/questions/{question.pk}/history/", "/questions/feed/", "/questions/feed/atom/",
        f"/questions/topic/{topic.slug}/feed/", f"/questions/topic/{topic.slug}/atom/",
        "/sitemap.xml", "/sitemap-questions-1.xml", "/api/v1/questions", f"/api/v1/questions/{question.pk}",
        "/api/v1/openapi.json", posted["article"].get_absolute_url(),
        f"/experts/{posted['expert'].get_username()}/",
    ]


ALL_EMAILS = [ASKER_EMAIL, COMMENTER_EMAIL, MEMBER_COMMENTER_EMAIL, "expert@example.org", "asker@example.org",
              "member@example.org", "moderator@example.org"]


def test_no_public_page_feed_api_or_sitemap_contains_an_email_address(posted: dict[str, Any], anonymous: Client,
                                                                        member: Client, moderator: Client) -> None:
    fetched = 0
    for client in (anonymous, member, moderator):
        for url in public_urls(posted):
            response = client.get(url)
            assert response.status_code == 200, url
            body = response.content.decode()
            for email in ALL_EMAILS:
                assert email not in body, (url, email)
            fetched += 1
    assert fetched == 3 * len(public_urls(posted))
    assert posted["question"].get_absolute_url() in anonymous.get("/sitemap-questions-1.xml").content.decode()
    queue = moderator.get("/moderation/").content.decode()
    assert all(email not in queue for email in ALL_EMAILS)


def test_the_article_comments_show_names_but_never_addresses(posted: dict[str, Any]) -> None:
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    html = Template("{% load community_tags %}{% comments_for article %}").render(
        Context({"article": posted["article"], "request": request})
    )
    assert "Thanks, this helped me" in html and "Sam" in html
    assert COMMENTER_EMAIL not in html
    assert "csrfmiddlewaretoken" not in html  # safe to cache for everyone


def test_no_log_line_contains_an_email_address(anonymous: Client, caplog: pytest.LogCaptureFixture,
                                               django_capture_on_commit_callbacks: Any) -> None:
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        ask(anonymous, email=ASKER_EMAIL)
    anonymous.post("/community/comments/article/999999/", guard(comment="x", name="y", email=COMMENTER_EMAIL))
    assert caplog.records  # the confirmation email task logs that it sent something
    for record in caplog.records:
        text = record.getMessage()
        assert ASKER_EMAIL not in text and COMMENTER_EMAIL not in text


def test_a_person_downloads_their_own_data_with_their_own_address_only(member: Client, posted: dict[str, Any]) -> None:
    response = member.get("/account/data.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["account"]["email"] == "member@example.org"
    assert COMMENTER_EMAIL not in response.content.decode() and ASKER_EMAIL not in response.content.decode()
    assert len(data["comments"]) == 1


def test_deleting_an_account_anonymises_the_posts_when_asked_to(member: Client, posted: dict[str, Any],
                                                                 anonymous: Client) -> None:
    response = member.post("/account/delete/", {"posts": "anonymise", "confirm": "on"})
    assert response.status_code == 302
    comment = Comment.objects.get(name="Former member")
    assert comment.email == "" and comment.status == CommentStatus.VISIBLE
    page = anonymous.get(posted["question"].get_absolute_url()).content.decode()
    assert "Former member" in page and MEMBER_COMMENTER_EMAIL not in page


def test_deleting_an_account_removes_the_posts_when_asked_to(member: Client, posted: dict[str, Any]) -> None:
    member.post("/account/delete/", {"posts": "remove", "confirm": "on"})
    assert not Comment.objects.filter(status=CommentStatus.VISIBLE, name="Sam", email=MEMBER_COMMENTER_EMAIL).exists()
    assert Comment.objects.filter(name="Former member", status=CommentStatus.REJECTED).count() == 1
