"""Top-level URLs. Feature apps add theirs when installed; packs come last (top-level slugs)."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import Sitemap
from django.urls import URLPattern, URLResolver, include, path

from askwell.core import views as core_views
from askwell.core.sitemap_views import sitemap_index, sitemap_section
from askwell.knowledge.sitemaps import ArticleSitemap, StaticSitemap

sitemaps: dict[str, type[Sitemap]] = {"static": StaticSitemap, "articles": ArticleSitemap}  # type: ignore[type-arg]

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("robots.txt", core_views.robots_txt, name="robots"),
    path("", include("askwell.core.urls")),
]
if "askwell.accounts" in settings.FEATURE_APPS:
    urlpatterns.append(path("accounts/", include("allauth.urls")))

# Each feature app may define urls.py (its pages) and sitemaps.py (a SITEMAPS dict).
for app in settings.FEATURE_APPS:
    try:
        urlpatterns.append(path("", include(f"{app}.urls")))
    except ModuleNotFoundError as error:
        if error.name != f"{app}.urls":
            raise
    try:
        sitemaps.update(import_module(f"{app}.sitemaps").SITEMAPS)
    except ModuleNotFoundError as error:
        if error.name != f"{app}.sitemaps":
            raise

try:
    urlpatterns.append(path("api/v1/", import_module("askwell.api.urls").api.urls))
except ModuleNotFoundError as error:
    if error.name != "askwell.api.urls":
        raise

urlpatterns += [
    # An index of cached sitemap pages (askwell/core/sitemap_views.py).
    path("sitemap.xml", sitemap_index, {"sitemaps": sitemaps}, name="sitemap"),
    path("sitemap-<slug:section>-<int:page>.xml", sitemap_section, {"sitemaps": sitemaps}, name="sitemap-section"),
    path("", include("askwell.knowledge.urls")),
]

handler404 = "askwell.core.views.page_not_found"
handler500 = "askwell.core.views.server_error"
