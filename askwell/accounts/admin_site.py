"""The Django admin behind the site's own sign-in: no password form of its own.

The admin's login page sends people to allauth's login (/accounts/login/), which limits failed
attempts per address and per IP (allauth's "login_failed" rate limit) and asks for the
authenticator-app code of anyone who has one. The admin then opens only for active staff with
TOTP set up who passed the second factor in this session: the same second factor experts and
moderators need on the site (askwell.accounts.permissions). A staff member without TOTP is
sent to set it up; one whose session never passed it is asked for a code again.

Imports of models stay inside the methods: this module also names the admin's AppConfig.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def passed_second_factor(request: HttpRequest) -> bool:
    """allauth records each way this session's user proved who they are; one must be MFA."""
    from allauth.account.internal.flows.login import get_authentication_records

    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class AskwellAdminSite(AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        from askwell.accounts.permissions import has_totp

        user = request.user
        return bool(user.is_active and user.is_staff and has_totp(user) and passed_second_factor(request))

    def login(self, request: HttpRequest, extra_context: dict[str, object] | None = None) -> HttpResponse:
        from askwell.accounts.permissions import has_totp

        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
            next_url = ""
        next_url = next_url or reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            return redirect(f"{settings.LOGIN_URL}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
        if not (user.is_active and user.is_staff):
            raise PermissionDenied("This account may not use the admin.")
        if not has_totp(user):
            from askwell.accounts.onboarding import send_to_two_factor_setup

            return send_to_two_factor_setup(
                request, next_url,
                "The admin needs a second check: set up an authenticator app, then continue to the admin.",
            )
        if not passed_second_factor(request):
            return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
        return redirect(next_url)


class AskwellAdminConfig(AdminConfig):
    default_site = "askwell.accounts.admin_site.AskwellAdminSite"

    def ready(self) -> None:
        super().ready()
        from django.contrib.admin.widgets import AdminSplitDateTime

        # Each of the date and time inputs in its own label (axe: the time input had none).
        # Widgets render through the form renderer, which reads app templates, not templates/.
        AdminSplitDateTime.template_name = "admin_widgets/split_datetime.html"
