"""Who is what. Every role check in the site goes through these helpers.

Roles: reader (anyone), asker (anyone who asks, with or without an account), member
(signed in), expert (verified application), moderator (the moderators group), admin
(superuser). Experts and moderators must have TOTP set up before they act as such.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from askwell.accounts.models import MODERATORS_GROUP, ExpertProfile, ExpertStatus
from askwell.accounts.onboarding import login_url_for, send_to_two_factor_setup

AnyUser = User | AnonymousUser


class AuthenticatedHttpRequest(HttpRequest):
    """The request a view behind `member_required`, `expert_required` or `moderator_required`
    receives: its user is signed in (healthchecks' hc.accounts AuthenticatedHttpRequest)."""

    user: User


def is_member(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_active)


def member_or_none(user: AnyUser) -> User | None:
    """The signed-in member, or None for an anonymous visitor (who posts without an account)."""
    return user if isinstance(user, User) and is_member(user) else None


def signed_in(user: AnyUser) -> User:
    """The user of a view that has already checked a member-only permission (a vote, an
    expert's answer, an admin action), typed as such; a 403 if the check was somehow skipped."""
    member = member_or_none(user)
    if member is None:
        raise PermissionDenied("Sign in to do this.")
    return member


def is_admin(user: AnyUser) -> bool:
    return is_member(user) and bool(getattr(user, "is_superuser", False))


def is_moderator(user: AnyUser) -> bool:
    if not is_member(user):
        return False
    return is_admin(user) or user.groups.filter(name=MODERATORS_GROUP).exists()


def expert_profile(user: AnyUser) -> ExpertProfile | None:
    if not is_member(user):
        return None
    return ExpertProfile.objects.filter(user_id=int(user.pk or 0), status=ExpertStatus.VERIFIED).first()


def is_expert(user: AnyUser) -> bool:
    return expert_profile(user) is not None


def has_totp(user: AnyUser) -> bool:
    if not is_member(user):
        return False
    from allauth.mfa.models import Authenticator

    return bool(Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists())


def needs_totp(user: AnyUser) -> bool:
    """Experts and moderators hold power over what others read, so a password alone is not enough."""
    return (is_expert(user) or is_moderator(user)) and not has_totp(user)


def can_apply_as_expert(user: AnyUser) -> bool:
    if not is_member(user):
        return False
    existing = ExpertProfile.objects.filter(user_id=int(user.pk or 0)).first()
    return existing is None or existing.status == ExpertStatus.DECLINED


def can_review_experts(user: AnyUser) -> bool:
    return is_moderator(user)


TWO_FACTOR_WHY = (
    "Experts and moderators change what others read, so their accounts need a second check: "
    "set up an authenticator app (a free phone app such as Google Authenticator, Microsoft "
    "Authenticator or Aegis). It takes about two minutes; then you come straight back here."
)

View = Callable[..., HttpResponse]


def role_required(check: Callable[[AnyUser], bool]) -> Callable[[View], View]:
    """Decorator: sign in first, then the role check, then TOTP for experts and moderators."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect(login_url_for(request))
            if not check(request.user):
                raise PermissionDenied("You may not do this.")
            if needs_totp(request.user):
                return send_to_two_factor_setup(request, request.get_full_path(), TWO_FACTOR_WHY)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


moderator_required = role_required(is_moderator)
expert_required = role_required(is_expert)
member_required = role_required(is_member)
