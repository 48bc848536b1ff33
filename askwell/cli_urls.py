"""The URLs `askwell ask` may reverse (the help page, knowledge articles), at their real paths.

The site's URLconf imports the HTTP API (django-ninja and pydantic) and allauth's views, a
third of a second before a person's first answer; a command that only prints text and the help
page's address does not need them. askwell/cli.py switches to this URLconf for such commands.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("askwell.helpnow.urls")),
    path("", include("askwell.knowledge.urls")),
]
