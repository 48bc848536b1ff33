from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from askwell.core import readiness
from askwell.core.middleware import is_api
from askwell.core.models import SiteSettings
from askwell.core.pagecache import cached_for_anonymous
from askwell.knowledge.models import Article, Pack, Status


def ask_url() -> str:
    """Where "Ask a question" leads: the community form once it exists, else the contact page."""
    try:
        return reverse("community:ask")
    except NoReverseMatch:
        return reverse("core:contact")


def home(request: HttpRequest) -> HttpResponse:
    def render_home() -> HttpResponse:
        published = Article.objects.published().select_related("pack")
        context = {
            "packs": Pack.objects.filter(status=Status.PUBLISHED),
            "articles": published,
            "newest": published.order_by("-updated_at", "position")[:5],
            "most_read": published.order_by("-views", "position")[:5],
            "ask_url": ask_url(),
        }
        return render(request, "core/home.html", context)

    return cached_for_anonymous(request, "home", render_home)


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html", {"ask_url": ask_url()})


# The contact details ship with placeholders (an example street, a drama-range phone number)
# so the admin form shows their format; a detail still equal to its placeholder is not shown.
CONTACT_FIELDS = ("postal_address", "phone", "whatsapp_number", "website")


def configured_contact_details(site: SiteSettings) -> set[str]:
    """The contact fields an operator has set, i.e. changed from the shipped placeholder."""
    def placeholder(name: str) -> object:
        return getattr(SiteSettings._meta.get_field(name), "default", None)

    return {name for name in CONTACT_FIELDS
            if str(getattr(site, name)).strip() and getattr(site, name) != placeholder(name)}


def contact(request: HttpRequest) -> HttpResponse:
    configured = configured_contact_details(SiteSettings.current())
    return render(request, "core/contact.html", {"ask_url": ask_url(), "configured": configured})


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /api/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: this process answers requests. It touches nothing shared, so a database or Redis
    outage never makes an orchestrator restart every healthy app server at once (that is /readyz)."""
    return JsonResponse({"status": "ok", "database": connection.vendor})


@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness for load balancers: the database, the caches and the task queue all answer.

    200 {"status": "ready", "checks": {...}} or 503 {"status": "not ready", "detail": every
    problem, "checks": {...}}; never cached. Each check is in askwell/core/readiness.py.
    """
    report = readiness.check_all()
    response = JsonResponse(report.as_json(), status=200 if report.ready else 503)
    add_never_cache_headers(response)
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return render(request, "404.html", {"ask_url": ask_url()}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that touch the database: the error may be the database. The help
    # numbers still come from the site settings, read from the cache or this process's memory
    # (SiteSettings.without_database), and fall back to the defaults rather than to nothing.
    from django.template import loader

    if is_api(request):
        return JsonResponse({"detail": "Something went wrong on our side; please try again later."}, status=500)
    template = loader.get_template("500.html")
    context = {"site_name": settings.ASKWELL_SITE_NAME, "help": SiteSettings.without_database()}
    return HttpResponse(template.render(context), status=500)
