"""Persona fixtures, shared by every app's tests.

Each persona is a logged-in test client (or an anonymous one) with a fixed role: every
signed-in persona has a verified email address; "expert" is a verified expert and
"moderator" a moderator, both with TOTP set up (ROLE_SETUP).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.test import Client

PERSONAS = ("anonymous", "asker", "member", "expert", "moderator")

def make_user(name: str) -> User:
    user: User = get_user_model().objects.create_user(
        username=name, email=f"{name}@example.org", password="correct horse battery staple"
    )
    for setup in ROLE_SETUP.get(name, []):  # a name that is no persona gets a plain account
        setup(user)
    return user


def client_for(name: str) -> Client:
    client = Client()
    if name != "anonymous":
        client.force_login(make_user(name))
    return client


@pytest.fixture
def anonymous(db: None) -> Client:
    return Client()


@pytest.fixture
def asker(db: None) -> Client:
    return client_for("asker")


@pytest.fixture
def member(db: None) -> Client:
    return client_for("member")


@pytest.fixture
def expert(db: None) -> Client:
    return client_for("expert")


@pytest.fixture
def moderator(db: None) -> Client:
    return client_for("moderator")


@pytest.fixture(params=PERSONAS)
def persona(request: pytest.FixtureRequest, db: None) -> Client:
    """Runs a test once per persona."""
    return client_for(request.param)


# --- roles from the accounts app: a verified expert and a moderator, both with real TOTP ---


def _activate_totp(user: User) -> None:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())


def _make_expert(user: User) -> None:
    from askwell.accounts.models import ExpertProfile, ExpertStatus

    ExpertProfile.objects.create(
        user=user, profession="Physiotherapist", registration_body="Health and Care Professions Council",
        registration_number="PH123456", bio="Twenty years treating muscle problems.", status=ExpertStatus.VERIFIED,
    )
    _activate_totp(user)


def _make_moderator(user: User) -> None:
    from django.contrib.auth.models import Group

    from askwell.accounts.models import MODERATORS_GROUP

    user.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    _activate_totp(user)


def _verified_email(user: User) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


# persona -> what make_user does to give a new user that persona's role, in order.
ROLE_SETUP: dict[str, list[Callable[[User], None]]] = {
    "anonymous": [],
    "asker": [_verified_email],
    "member": [_verified_email],
    "expert": [_verified_email, _make_expert],
    "moderator": [_verified_email, _make_moderator],
}


# --- the admin: staff sign in through allauth and must pass TOTP (askwell/accounts/admin_site.py) ---


def sign_in_with_second_factor(client: Client, user: User) -> Client:
    """Logs the client in as allauth does after a password and an authenticator code."""
    from allauth.account.internal.flows.login import record_authentication
    from django.http import HttpRequest

    client.force_login(user)
    request = HttpRequest()
    request.session = client.session
    record_authentication(request, user, "password")
    record_authentication(request, user, "mfa", type="totp")
    request.session.save()
    return client


@pytest.fixture
def admin_client(db: None, admin_user: User) -> Client:
    """pytest-django's admin client, with what the admin needs: TOTP set up and passed."""
    _activate_totp(admin_user)
    return sign_in_with_second_factor(Client(), admin_user)


def authenticator_code(secret: str, spare_seconds: int = 8) -> str:
    """The current authenticator (TOTP) code for `secret`, with at least `spare_seconds` of its
    30-second window left: a code typed into a browser near the end of its window can reach the
    server in the next one and be refused (a flaky test, not a bug)."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    left = 30 - time.time() % 30
    if left < spare_seconds:
        time.sleep(left + 0.1)
    code: str = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    return code

