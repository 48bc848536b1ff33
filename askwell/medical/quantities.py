"""Numbers in plain words: "70", "seventy-two", "half an hour", "a couple of weeks".

Returns quantities with their unit and token span; reader.py decides whether a quantity
is an age, the length of a cramp, how long the problem has gone on, or a pregnancy week.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from askwell.medical.data_files import load_yaml

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_DECADES = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}
# Vague amounts people use for time: "a few weeks", "several months", "a couple of days".
_VAGUE = {"a": 1.0, "an": 1.0, "couple": 2.0, "few": 3.0, "several": 4.0, "dozen": 12.0}

# Unit word -> (unit, multiplier into that unit).
TIME_UNITS: dict[str, tuple[str, float]] = {
    "second": ("minutes", 1 / 60), "seconds": ("minutes", 1 / 60), "sec": ("minutes", 1 / 60),
    "secs": ("minutes", 1 / 60), "minute": ("minutes", 1.0), "minutes": ("minutes", 1.0),
    "min": ("minutes", 1.0), "mins": ("minutes", 1.0), "hour": ("minutes", 60.0),
    "hours": ("minutes", 60.0), "hr": ("minutes", 60.0), "hrs": ("minutes", 60.0),
    "day": ("weeks", 1 / 7), "days": ("weeks", 1 / 7), "week": ("weeks", 1.0),
    "weeks": ("weeks", 1.0), "wk": ("weeks", 1.0), "wks": ("weeks", 1.0),
    "fortnight": ("weeks", 2.0), "fortnights": ("weeks", 4.0), "month": ("weeks", 4.35),
    "months": ("weeks", 4.35), "year": ("years", 1.0), "years": ("years", 1.0),
    "yr": ("years", 1.0), "yrs": ("years", 1.0),
}


_PLURAL_UNITS = frozenset({"days", "weeks", "months", "years", "hours", "minutes"})


class _Word(Protocol):
    @property
    def word(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what followed it: value 2, unit "weeks", tokens [start, end)."""

    value: float
    unit: str | None
    start: int
    end: int


def parse_number(words: Sequence[str], start: int = 0) -> tuple[float, int] | None:
    """The number spelled at words[start:], and how many words it used; else None.

    "70", "seventy", "seventy two", "seventy-two" (split by the tokenizer), "half",
    "a couple of", "a few", "several". A decade ("70s", "seventies") reads as its middle.
    """
    if start >= len(words):
        return None
    word = words[start]
    if word[:1].isdigit():
        if word.endswith("s"):
            return float(word[:-1]) + 5, 1
        return float(word), 1
    if word in _DECADES:
        return float(_DECADES[word] + 5), 1
    if word in _TENS:
        following = words[start + 1] if start + 1 < len(words) else ""
        if following in _UNITS and 0 < _UNITS[following] < 10:
            return float(_TENS[word] + _UNITS[following]), 2
        return float(_TENS[word]), 1
    if word in _UNITS:
        return float(_UNITS[word]), 1
    if word == "half":
        return 0.5, 1
    if word in ("a", "an") and start + 1 < len(words) and words[start + 1] in _VAGUE:
        parsed = parse_number(words, start + 1)
        return (parsed[0], parsed[1] + 1) if parsed else None
    if word in _VAGUE:
        used = 1
        if start + 1 < len(words) and words[start + 1] == "of":
            used = 2  # "a couple of days"
        return _VAGUE[word], used
    return None


def _article_or_bare_unit(words: Sequence[str], i: int) -> tuple[float, int] | None:
    """ "an hour" is one hour, "last year" one year; "for years" is a vague two of them."""
    following = words[i + 1] if i + 1 < len(words) else ""
    if words[i] in ("a", "an") and following in TIME_UNITS:
        return 1.0, 1
    if words[i] in ("for", "many") and following in _PLURAL_UNITS:
        return 2.0, 1
    if words[i] in ("last", "past") and following in TIME_UNITS and following not in _PLURAL_UNITS:
        return 1.0, 1  # "since last year", "for the past hour"
    return None


def find_quantities(tokens: Sequence[_Word]) -> list[Quantity]:
    """Every number in the tokens, with the time unit that follows it (if any).

    "half an hour" is 30 minutes; "an hour" is 60; a bare "a"/"an" counts only when a
    time unit follows, so "a cramp" is not a quantity.
    """
    words = [t.word for t in tokens]
    found: list[Quantity] = []
    i = 0
    while i < len(words):
        parsed = parse_number(words, i)
        if parsed is None:
            parsed = _article_or_bare_unit(words, i)
        if parsed is None:
            i += 1
            continue
        value, used = parsed
        end = i + used
        if words[i] == "half" and end < len(words) and words[end] in ("a", "an"):
            end += 1  # "half an hour"
        unit_word = words[end] if end < len(words) else ""
        if unit_word in TIME_UNITS:
            unit, multiplier = TIME_UNITS[unit_word]
            found.append(Quantity(value * multiplier, unit, i, end + 1))
            i = end + 1
            continue
        if words[i] in ("a", "an", "for", "many", "half") or words[i] in _VAGUE:
            i += 1  # "a cramp", "a few times": not a number we can use
            continue
        found.append(Quantity(value, None, i, end))
        i = end
    return found


@dataclass(frozen=True, slots=True)
class NumberWords:
    """Words that make a number an age or a pregnancy week (text_rules.yaml ages, pregnancy_weeks)."""

    before: frozenset[str]
    after: frozenset[str]
    after_years: frozenset[str]
    person: frozenset[str]
    pregnancy_after: frozenset[str]


@cache
def number_words() -> NumberWords:
    data = load_yaml("text_rules.yaml")
    ages = data["ages"]
    return NumberWords(
        before=frozenset(ages["words_before"]),
        after=frozenset(ages["words_after"]),
        after_years=frozenset(ages["words_after_years"]),
        person=frozenset(ages["person_words"]),
        pregnancy_after=frozenset(data["pregnancy_weeks"]["words_after"]),
    )
