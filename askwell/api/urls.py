"""The public JSON API (/api/v1/), assembled from each feature app's `api.router`.

Errors are always JSON {"detail": "..."} with a 4xx status: see shared/spec/interfaces.md.
"""

from __future__ import annotations

import logging
from importlib import import_module

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

logger = logging.getLogger("django.request")

api = NinjaAPI(
    title="askwell API",
    version="1.0.0",
    description=(
        "Instant answers from an expert-reviewed knowledge base, a spasm checker and community "
        "questions. Every answer carries a triage level. askwell informs; it does not diagnose."
    ),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def _first_problem(error: ValidationError) -> str:
    for problem in error.errors:
        location = ".".join(str(part) for part in problem.get("loc", ()) if part not in {"body", "query", "payload"})
        message = str(problem.get("msg", "invalid value"))
        return f"{location}: {message}" if location else message
    return "The request is not valid."


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": _first_problem(error)}, status=422)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(error.message)}, status=error.status_code)


@api.exception_handler(Exception)
def unexpected_error(request: HttpRequest, error: Exception) -> HttpResponse:
    # Logged with its traceback like any 500, but the client still gets the API's JSON shape.
    logger.error("API error on %s %s", request.method, request.path, exc_info=error)
    return api.create_response(request, {"detail": "Something went wrong on our side; please try again later."},
                               status=500)


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    return api.create_response(request, {"detail": "Sign in to do this."}, status=401)


for _app in settings.FEATURE_APPS:
    try:
        _module = import_module(f"{_app}.api")
    except ModuleNotFoundError as error:
        if error.name != f"{_app}.api":
            raise
        continue
    api.add_router("", _module.router)
