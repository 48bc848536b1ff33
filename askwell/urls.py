"""Top-level URLs, every app written out (as healthchecks' hc/urls.py does). The knowledge
packs come last: their pages live at top-level slugs."""

from __future__ import annotations

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from askwell.api.urls import api
from askwell.community.sitemaps import QuestionSitemap
from askwell.core import views as core_views
from askwell.core.sitemap_views import Sitemaps, sitemap_index, sitemap_section
from askwell.knowledge.sitemaps import ArticleSitemap, StaticSitemap

sitemaps: Sitemaps = {
    "static": StaticSitemap,
    "articles": ArticleSitemap,
    "questions": QuestionSitemap,
}

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("robots.txt", core_views.robots_txt, name="robots"),
    path("", include("askwell.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("askwell.helpnow.urls")),
    path("", include("askwell.answers.urls")),
    path("", include("askwell.checker.urls")),
    path("", include("askwell.accounts.urls")),
    path("", include("askwell.community.urls")),
    path("", include("askwell.moderation.urls")),
    path("", include("askwell.feedback.urls")),
    path("api/v1/", api.urls),
    # An index of cached sitemap pages (askwell/core/sitemap_views.py).
    path("sitemap.xml", sitemap_index, {"sitemaps": sitemaps}, name="sitemap"),
    path("sitemap-<slug:section>-<int:page>.xml", sitemap_section, {"sitemaps": sitemaps}, name="sitemap-section"),
    path("", include("askwell.knowledge.urls")),
]

handler404 = "askwell.core.views.page_not_found"
handler500 = "askwell.core.views.server_error"
