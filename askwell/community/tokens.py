"""Signed links in emails: confirm a question, accept an answer, unsubscribe."""

from __future__ import annotations

from typing import Any

from django.core import signing

CONFIRM_SALT = "askwell.confirm-question"
ACCEPT_SALT = "askwell.accept-answer"
UNSUBSCRIBE_SALT = "askwell.unsubscribe"
CONFIRM_MAX_AGE = 3 * 24 * 3600
ACCEPT_MAX_AGE = 90 * 24 * 3600


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def make(value: object, salt: str) -> str:
    return signing.dumps(value, salt=salt, compress=True)


def read(token: str, salt: str, max_age: int | None = None) -> object:
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error


def read_fields(token: str, salt: str, fields: dict[str, type], max_age: int | None = None) -> dict[str, Any]:
    """A signed dict with exactly these keys and value types; any other shape is an invalid link."""
    value = read(token, salt, max_age)
    if not isinstance(value, dict) or set(value) != set(fields):
        raise LinkInvalid
    for key, kind in fields.items():
        if not isinstance(value[key], kind) or isinstance(value[key], bool):
            raise LinkInvalid
    return value
