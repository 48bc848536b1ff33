"""The typed user of signed-in views (issue 14, point 7): member_or_none and signed_in
narrow `request.user` to a User only for an active, signed-in member."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from askwell.accounts.permissions import member_or_none, signed_in

pytestmark = pytest.mark.django_db


def make_user(active: bool = True):  # type: ignore[no-untyped-def]
    return get_user_model().objects.create_user(username="typed", email="typed@example.org",
                                                password="correct horse battery staple", is_active=active)


def test_a_member_is_themselves() -> None:
    user = make_user()
    assert member_or_none(user) == user
    assert signed_in(user) == user


def test_an_anonymous_visitor_is_nobody_and_refused() -> None:
    assert member_or_none(AnonymousUser()) is None
    with pytest.raises(PermissionDenied):
        signed_in(AnonymousUser())


def test_a_deactivated_account_is_not_a_member() -> None:
    user = make_user(active=False)
    assert member_or_none(user) is None
    with pytest.raises(PermissionDenied):
        signed_in(user)
