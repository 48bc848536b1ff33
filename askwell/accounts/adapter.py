"""allauth's account adapter, changed in one place: a fresh sign-in counts as re-authentication.

allauth asks for the password again before any sensitive change, such as setting up an
authenticator app, unless the person re-authenticated in the last few minutes; a sign-in
does not count. A new expert sent to set up two-factor straight after signing in was asked
for the password they had just typed. A password sign-in within the same time window
(ACCOUNT_REAUTHENTICATION_TIMEOUT) now counts as well; older sessions are still asked.
"""

from __future__ import annotations

import time

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from django.http import HttpRequest


def signed_in_moments_ago(request: HttpRequest | None) -> bool:
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return False
    records = get_authentication_records(request, user)
    return any(
        record.get("method") in app_settings.REAUTHENTICATION_METHODS
        and time.time() - float(record.get("at", 0)) < app_settings.REAUTHENTICATION_TIMEOUT
        for record in records
    )


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth ships no types
    def is_reauthentication_required(self, *, app: str, **kwargs: object) -> bool:
        if signed_in_moments_ago(getattr(self, "request", None)):
            return False
        return bool(super().is_reauthentication_required(app=app, **kwargs))
