"""The admin: no password form of its own; allauth's rate-limited login, then the same TOTP as moderators."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from askwell.test import authenticator_code

pytestmark = pytest.mark.django_db

EMAIL = "admin@localhost"


@pytest.fixture
def admin_password() -> str:
    out = StringIO()
    call_command("ensureadmin", stdout=out)
    match = re.search(r"password:\s+(\S+)", out.getvalue())
    assert match and EMAIL in out.getvalue()
    return match.group(1)


def admin() -> User:
    user: User = get_user_model().objects.get(username="admin")
    return user


def current_code(secret: str) -> str:
    return authenticator_code(secret)


def sign_in(client: Client, password: str, email: str = EMAIL) -> str:
    response = client.post("/accounts/login/", {"login": email, "password": password})
    return response["Location"] if response.status_code == 302 else ""


def test_the_admin_login_page_hands_over_to_the_sites_login(anonymous: Client) -> None:
    response = anonymous.get("/admin/login/?next=/admin/core/sitesettings/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=%2Fadmin%2Fcore%2Fsitesettings%2F")
    # An offsite next is dropped.
    assert "evil" not in anonymous.get("/admin/login/?next=https://evil.example/")["Location"]


def test_the_admin_password_form_is_gone(anonymous: Client, admin_password: str) -> None:
    response = anonymous.post("/admin/login/", {"username": "admin", "password": admin_password,
                                                "next": "/admin/"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in anonymous.session
    assert anonymous.get("/admin/").status_code == 302


def test_a_password_alone_never_opens_the_admin(anonymous: Client, admin_password: str) -> None:
    assert sign_in(anonymous, admin_password)
    response = anonymous.get("/admin/", follow=True)
    # Sent to set up an authenticator app (allauth asks for the password again first, as for moderators).
    assert "/accounts/2fa/totp/activate/" in [url for url, _ in response.redirect_chain][1]
    assert anonymous.get("/admin/core/sitesettings/").status_code == 302


def test_with_totp_the_admin_opens_only_after_the_code(anonymous: Client, admin_password: str) -> None:
    secret = generate_totp_secret()
    TOTP.activate(admin(), secret)
    assert sign_in(anonymous, admin_password) == "/accounts/2fa/authenticate/"
    assert anonymous.get("/admin/").status_code == 302  # not signed in until the code
    response = anonymous.post("/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert anonymous.get("/admin/").status_code == 200


def test_a_session_that_never_passed_the_code_is_asked_for_it(admin_password: str) -> None:
    TOTP.activate(admin(), generate_totp_secret())
    client = Client()
    client.force_login(admin())  # e.g. a session from before TOTP was set up
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/2fa/reauthenticate/")


def test_members_and_moderators_cannot_open_the_admin(member: Client, moderator: Client) -> None:
    for client in (member, moderator):
        assert client.get("/admin/login/?next=/admin/").status_code == 403
        assert client.get("/admin/").status_code == 302


def test_wrong_passwords_lock_the_account_out_even_for_the_right_one(anonymous: Client, admin_password: str) -> None:
    for attempt in range(5):
        assert not sign_in(anonymous, f"wrong-{attempt}")
    assert not sign_in(anonymous, admin_password)
    assert "Too many failed login attempts" in anonymous.post(
        "/accounts/login/", {"login": EMAIL, "password": admin_password}).content.decode()
    assert not sign_in(Client(REMOTE_ADDR="10.9.8.7"), admin_password)  # per account, whatever the IP


def test_wrong_passwords_from_one_ip_are_limited_whatever_the_account(admin_password: str) -> None:
    client = Client(REMOTE_ADDR="10.1.2.3")
    for attempt in range(10):
        assert not sign_in(client, "wrong", email=f"guess{attempt}@example.org")
    assert not sign_in(client, admin_password)
    assert sign_in(Client(REMOTE_ADDR="10.1.2.4"), admin_password)


def test_the_lockout_holds_when_each_attempt_reaches_another_worker(admin_password: str) -> None:
    """allauth counts in the shared cache; axes counts in the database, which every worker shares."""
    from django.core.cache import cache, caches

    client = Client(REMOTE_ADDR="10.5.5.5")
    for attempt in range(10):
        cache.clear()  # a fresh per-process cache, as in another gunicorn worker
        assert not sign_in(client, f"wrong-{attempt}")
    cache.clear()
    response = client.post("/accounts/login/", {"login": EMAIL, "password": admin_password})
    # Refused by axes (403/429) or, first, by allauth's own limit, which counts in the shared cache too.
    refused_by_allauth = "Too many failed login attempts" in response.content.decode()
    assert (response.status_code in (403, 429) or refused_by_allauth) and "_auth_user_id" not in client.session
    caches["ratelimit"].clear()  # allauth's per-account 5 minutes pass; axes' lockout is per address and IP
    assert sign_in(Client(REMOTE_ADDR="10.5.5.6"), admin_password)  # locked per address and IP, not for everyone


def test_a_right_password_resets_the_count(admin_password: str) -> None:
    from django.core.cache import cache, caches

    client = Client(REMOTE_ADDR="10.6.6.6")
    for attempt in range(4):
        assert not sign_in(client, f"wrong-{attempt}")
    assert sign_in(client, admin_password)
    cache.clear()
    client = Client(REMOTE_ADDR="10.6.6.6")
    for attempt in range(9):
        cache.clear()
        # allauth's own limit (5 in 5 minutes, in the shared cache) is let pass: axes' count is the point here.
        caches["ratelimit"].clear()
        assert not sign_in(client, f"wrong-again-{attempt}")
    cache.clear()
    caches["ratelimit"].clear()
    assert sign_in(client, admin_password)
