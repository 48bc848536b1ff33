"""Blog-style comments: held first, then published at once; work on cached pages; one level of replies."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template
from django.test import Client

from askwell.community.models import Comment, CommentStatus
from askwell.community.testing import guard, user_of
from askwell.core.pagecache import content_version
from askwell.knowledge.models import Article


@pytest.fixture
def article(db: None) -> Article:
    found = Article.objects.published().first()
    assert found is not None
    return found


def comment(client: Client, article: Article, headers: dict[str, str] | None = None, **fields: Any) -> Any:
    data = guard(comment="Stretching before bed really helped me.", name="Robin", email="robin@example.net",
                 website="")
    data.update(fields)
    return client.post(f"/community/comments/article/{article.pk}/", data, headers=headers or {})


def rendered(article: Article) -> str:
    return Template("{% load community_tags %}{% comments_for article %}").render(Context({"article": article}))


def test_an_empty_page_invites_the_first_comment(article: Article) -> None:
    html = rendered(article)
    assert "No comments yet" in html and "Leave a reply" in html
    assert "Your email address is never published. Required fields are marked" in html
    for label in ("Comment", "Name", "Email", "Remember my name and email in this browser"):
        assert label in html
    assert "Website" not in html and 'name="website"' not in html


def test_a_first_comment_is_held_then_shown_once_a_moderator_approves_it(
    anonymous: Client, moderator: Client, article: Article, django_capture_on_commit_callbacks: Any
) -> None:
    response = comment(anonymous, article)
    assert response.status_code == 302
    held = Comment.objects.get()
    assert held.status == CommentStatus.PENDING
    assert "Stretching before bed" not in rendered(article)
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(f"/moderation/comment/{held.pk}/approve/")
    assert "Stretching before bed" in rendered(article)
    assert content_version() > version  # cached article pages are retired


def test_a_known_commenter_is_published_at_once_unless_a_banned_word_holds_it(
    anonymous: Client, moderator: Client, article: Article
) -> None:
    comment(anonymous, article)
    Comment.objects.update(status=CommentStatus.VISIBLE)
    comment(anonymous, article, **{"comment": "Second thought: magnesium did nothing for me."})
    assert Comment.objects.filter(status=CommentStatus.VISIBLE).count() == 2
    moderator.post("/moderation/banned-words/", {"phrase": "miracle cure"})
    comment(anonymous, article, **{"comment": "Buy my MIRACLE cure today."})
    assert Comment.objects.get(body__contains="MIRACLE").status == CommentStatus.PENDING


def test_replies_are_one_level_deep(anonymous: Client, article: Article) -> None:
    comment(anonymous, article)
    top = Comment.objects.get()
    top.status = CommentStatus.VISIBLE
    top.save()
    comment(anonymous, article, parent=str(top.pk), **{"comment": "A reply to you."})
    reply = Comment.objects.get(body="A reply to you.")
    reply.status = CommentStatus.VISIBLE
    reply.save()
    comment(anonymous, article, parent=str(reply.pk), **{"comment": "A reply to the reply."})
    deeper = Comment.objects.get(body="A reply to the reply.")
    assert reply.parent_id == top.pk and deeper.parent_id == top.pk
    html = rendered(article)
    assert html.count('class="comment-replies"') == 1


def test_the_cached_article_form_posts_without_a_csrf_token_for_anonymous_readers(article: Article) -> None:
    client = Client(enforce_csrf_checks=True)
    assert comment(client, article).status_code == 302
    assert Comment.objects.count() == 1


def test_a_cross_site_post_is_refused(article: Article) -> None:
    client = Client(enforce_csrf_checks=True)
    response = comment(client, article, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_signed_in_people_need_the_csrf_token(article: Article, member: Client) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_of(member))
    response = comment(client, article)
    assert response.status_code == 403
    assert "Please send the form again" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(("fields", "message"), [
    ({"comment": ""}, "Write your comment."),
    ({"name": ""}, "Enter the name to show with your comment."),
    ({"email": "not-an-address"}, "Enter an email address in the form name@example.com."),
    ({"comment": "x" * 3001}, "at most 3000 characters"),
])
def test_bad_input_gets_a_clear_message_and_keeps_the_text(anonymous: Client, article: Article,
                                                           fields: dict[str, str], message: str) -> None:
    data = guard(comment="My words stay here", name="Robin", email="robin@example.net", website="")
    data.update(fields)
    response = anonymous.post(f"/community/comments/article/{article.pk}/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    if fields.get("comment", "x") != "" and "comment" not in fields:
        assert "My words stay here" in page
    assert not Comment.objects.exists()


def test_a_double_click_saves_one_comment(anonymous: Client, article: Article) -> None:
    assert comment(anonymous, article).status_code == 302
    response = comment(anonymous, article)
    assert response.status_code == 400 and "already sent this comment" in response.content.decode()
    assert Comment.objects.count() == 1


def test_a_signed_in_person_posts_with_the_token_the_comment_form_carries(member: Client, expert: Client) -> None:
    import re

    from askwell.community import actions
    from askwell.community.testing import published_question

    answer = actions.post_answer(published_question(), author=user_of(expert), body="An answer long enough here.")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_of(member))
    page = client.get(answer.question.get_absolute_url()).content.decode()
    form = page[page.index('action="/community/comments/answer/'):]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None
    assert 'name="name"' not in form and 'name="email"' not in form  # the account says who they are
    data = guard(comment="Signed in and commenting.", csrfmiddlewaretoken=token.group(1))
    assert client.post(f"/community/comments/answer/{answer.pk}/", data).status_code == 302
    posted = Comment.objects.get()
    assert posted.author == user_of(member)
    assert (posted.name, posted.email) == (user_of(member).username, user_of(member).email)


def test_without_javascript_a_reply_link_opens_a_reply_form_that_joins_the_top_level_thread(
    anonymous: Client, article: Article
) -> None:
    top = Comment.objects.create(article=article, name="Sam", email="sam@example.net", body="Top.",
                                 body_html="<p>Top comment text.</p>", status=CommentStatus.VISIBLE)
    reply = Comment.objects.create(article=article, parent=top, name="Ali", email="ali@example.net", body="R.",
                                   body_html="<p>R.</p>", status=CommentStatus.VISIBLE)
    link = f"/community/comments/article/{article.pk}/?replyto={top.pk}#reply"
    html = rendered(article)
    assert f'href="{link.replace("&", "&amp;")}"' in html
    assert html.count("?replyto=") == 1  # only top-level comments offer a reply link
    page = anonymous.get(f"/community/comments/article/{article.pk}/?replyto={reply.pk}")
    body = page.content.decode()
    assert page.status_code == 200 and 'id="reply"' in body and "Top comment text." in body
    assert f'name="parent" value="{top.pk}"' in body
    anonymous.post(f"/community/comments/article/{article.pk}/",
                   guard(comment="Thanks, that works for me.", name="Kim", email="kim@example.net", website="",
                         parent=str(top.pk)))
    assert Comment.objects.get(name="Kim").parent_id == top.pk


def test_a_reply_page_ignores_a_comment_from_another_page_or_not_yet_published(
    anonymous: Client, article: Article
) -> None:
    held = Comment.objects.create(article=article, name="Sam", email="sam@example.net", body="Held.",
                                  body_html="<p>Held text.</p>", status=CommentStatus.PENDING)
    body = anonymous.get(f"/community/comments/article/{article.pk}/?replyto={held.pk}").content.decode()
    assert "Held text." not in body and f'value="{held.pk}"' not in body
