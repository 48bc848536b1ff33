"""The public JSON API (/api/v1/): each app's `api.router`, written out below.

Errors are always JSON {"detail": "..."} with a 4xx status: see shared/spec/interfaces.md.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError

from askwell.answers import api as answers_api
from askwell.checker import api as checker_api
from askwell.community import api as community_api

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
    # Swagger UI's deep links put a link inside each operation's toggle button (axe:
    # nested-interactive, and 14-pixel targets); its syntax colours are inline styles with too
    # little contrast. Both off; templates/ninja/swagger.html fixes the rest.
    docs=Swagger(settings={"deepLinking": False, "syntaxHighlight": {"activated": False}}),
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


api.add_router("", answers_api.router)
api.add_router("", checker_api.router)
api.add_router("", community_api.router)
