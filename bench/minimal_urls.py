"""The real URLs plus a tiny "hello" view: the floor a Django page cannot go below."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from askwell.urls import handler404, handler500  # noqa: F401
from askwell.urls import urlpatterns as site_urlpatterns


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [path("bench-minimal/", hello), *site_urlpatterns]
