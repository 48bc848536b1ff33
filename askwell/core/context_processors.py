from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from askwell.core.models import SiteSettings


def site(request: HttpRequest) -> dict[str, object]:
    current = SiteSettings.current()
    # allauth's views put their own `site` in the context; the layout reads `site_settings`.
    return {"site": current, "site_settings": current, "SITE_URL": settings.SITE_URL}
