"""The thin seam between the web, API and CLI and the medical core's `check`.

Everything that shows a check (page, JSON, terminal) goes through `run_check`, so the
three agree by construction: each gets the typed `CheckResult`, and the JSON edges write
its `to_dict()` (the contract's `CheckObject`). Input problems become one exception with a
message fit to show the person.
"""

from __future__ import annotations

from collections.abc import Mapping

from askwell.medical.check import CheckInputError, CheckResult, check
from askwell.medical.facts import FactsError
from askwell.medical.text import MAX_TEXT_CHARS


class CheckerInputError(ValueError):
    """Input the checker cannot use: empty, too long, impossible or contradictory facts."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def too_long_message(length: int) -> str:
    return (f"The description is {length:,} characters long; please keep it to at most {MAX_TEXT_CHARS:,} "
            "characters (a few sentences are enough).")


def run_check(text: str | None = None, structured: Mapping[str, object] | None = None) -> CheckResult:
    """The check of a description and/or structured facts (`.to_dict()`: the contract's object)."""
    text = (text or "").strip() or None
    if text is not None and len(text) > MAX_TEXT_CHARS:
        # The core would cut it; the contract asks us to refuse it with a clear message.
        raise CheckerInputError(too_long_message(len(text)))
    try:
        return check(text=text, structured=structured or None)
    except (CheckInputError, FactsError) as error:
        raise CheckerInputError(str(error)) from error
