"""Schemas shared by every app's API router."""

from ninja import Schema


# Every 4xx answer of the API: {"detail": "what was wrong"}. (A comment, not a docstring:
# a docstring would become part of the published OpenAPI schema.)
class ErrorOut(Schema):
    detail: str
