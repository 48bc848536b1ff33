from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from askwell.core.models import SiteSettings


def site(request: HttpRequest) -> dict[str, object]:
    return {"site": SiteSettings.current(), "SITE_URL": settings.SITE_URL}
