"""/sitemap.xml as an index of sitemap pages, each page cached whole like any anonymous page.

Every section (static pages, articles, questions ...) is listed page by page as
/sitemap-<section>-<page>.xml. The index and each page go through the page cache, so a crawler
costs one cache lookup per page; the index follows every content change at once, and each page
of addresses is kept an hour (a new question reaches the sitemap within the hour). How many
pages a section has comes from its paginator: Django's for the small sections, primary-key
ranges for questions (askwell/community/sitemaps.py), so nothing here counts rows.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from askwell.core.pagecache import cached_for_anonymous

Sitemaps = dict[str, type[Sitemap[Any]]]  # each section's items are its own model
ROBOTS = "noindex, noodp, noarchive"
SECTION_SECONDS = 3600


def section_url(request: HttpRequest, section: str, page: int) -> str:
    return request.build_absolute_uri(reverse("sitemap-section", kwargs={"section": section, "page": page}))


def sitemap_index(request: HttpRequest, sitemaps: Sitemaps) -> HttpResponse:
    def render_index() -> HttpResponse:
        entries = [
            SitemapIndexItem(section_url(request, section, page), None)
            for section, sitemap in sitemaps.items()
            for page in range(1, sitemap().paginator.num_pages + 1)
        ]
        response = render(request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml")
        response["X-Robots-Tag"] = ROBOTS
        return response

    return cached_for_anonymous(request, "sitemap:index", render_index)


def sitemap_section(request: HttpRequest, sitemaps: Sitemaps, section: str, page: int) -> HttpResponse:
    if section not in sitemaps:
        raise Http404(f"No sitemap section {section!r}")

    def render_section() -> HttpResponse:
        sitemap = sitemaps[section]()
        try:
            urls = sitemap.get_urls(page=page, site=RequestSite(request), protocol=request.scheme)
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404(f"No page {page} of the {section} sitemap") from error
        response = render(request, "sitemap.xml", {"urlset": urls}, content_type="application/xml")
        response["X-Robots-Tag"] = ROBOTS
        return response

    # A page of 5,000 addresses takes a while to render and crawlers tolerate an hour's lag: kept
    # an hour whatever changes (the index, cheap, follows every change at once).
    return cached_for_anonymous(request, f"sitemap:{section}:{page}", render_section, keep_for=SECTION_SECONDS)
