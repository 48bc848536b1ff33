"""Sign-up with email verification, sign-in by email, the account area, roles and two-factor."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from askwell.accounts import permissions
from askwell.community.testing import user_of


def test_sign_up_needs_the_emailed_link_before_signing_in(anonymous: Client) -> None:
    response = anonymous.post("/accounts/signup/", {
        "email": "new.person@example.net", "username": "newperson",
        "password1": "a long and unusual passphrase", "password2": "a long and unusual passphrase",
    })
    assert response.status_code == 302
    user = get_user_model().objects.get(username="newperson")
    link = re.search(r"http://\S+/accounts/confirm-email/\S+", str(mail.outbox[-1].body))
    assert link is not None
    path = link.group(0).split("testserver", 1)[-1] if "testserver" in link.group(0) else "/" + link.group(0).split(
        "/", 3)[3]
    anonymous.post(path)
    from allauth.account.models import EmailAddress

    assert EmailAddress.objects.get(user=user).verified
    client = Client()
    response = client.post("/accounts/login/", {"login": "new.person@example.net",
                                                "password": "a long and unusual passphrase"})
    assert response.status_code == 302
    page = client.get("/questions/").content.decode()
    assert "newperson" in page and "new.person@example.net" not in page


def test_the_header_offers_sign_in_to_readers_and_the_account_to_members(anonymous: Client, member: Client) -> None:
    assert "Sign in" in anonymous.get("/questions/").content.decode()
    page = member.get("/questions/").content.decode()
    assert "Sign out" in page and "member@example.org" not in page


def test_roles_come_from_the_helpers(asker: Client, expert: Client, moderator: Client) -> None:
    assert not permissions.is_expert(user_of(asker)) and not permissions.is_moderator(user_of(asker))
    assert permissions.is_expert(user_of(expert)) and permissions.has_totp(user_of(expert))
    assert permissions.is_moderator(user_of(moderator)) and not permissions.needs_totp(user_of(moderator))


def test_an_expert_chooses_the_topics_they_follow(expert: Client) -> None:
    from askwell.knowledge.models import Topic

    topic = Topic.objects.published().first()
    assert topic is not None
    expert.post("/account/expert/topics/", {"topics": [topic.pk]})
    assert list(user_of(expert).expert_profile.topics.all()) == [topic]


def test_the_expert_page_lists_their_answers_and_the_badge(expert: Client, anonymous: Client) -> None:
    from askwell.community import actions
    from askwell.community.testing import published_question

    question = published_question(title="A question the expert answers")
    actions.post_answer(question, author=user_of(expert), body="An expert answer long enough to show.")
    page = anonymous.get("/experts/expert/").content.decode()
    assert "A question the expert answers" in page and "Physiotherapist" in page
    assert "expert@example.org" not in page


def test_the_allauth_pages_use_the_site_layout(anonymous: Client, expert: Client) -> None:
    for url in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"):
        page = anonymous.get(url).content.decode()
        assert 'class="site-header"' in page and "community.css" in page, url
    page = expert.get("/accounts/2fa/").content.decode()
    assert 'class="site-header"' in page
