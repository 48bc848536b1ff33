"""Lay language -> the knowledge base's own words (data in data/lexicon.yaml). No Django.

Two kinds of entry:

- misspellings: a wrong spelling or text-speak of one word ("nite" -> "night"). The
  intended word replaces the typed one.
- lay terms: a phrase people use for something the knowledge base names differently
  ("charley horse" -> "calf cramp", "water pill" -> "diuretic"). The knowledge-base words
  are added next to the person's own words, with a lower weight, by the search engine.

Words are lower-case [a-z0-9] tokens, the same tokens the search engine uses. Only the
search engine reads this table (ranking, the index's keywords, scope); the triage reader
has its own vocabulary in askwell/medical/data/facts_lexicon.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from askwell.medical.data_files import read_yaml
from askwell.medical.triage import PEOPLE

DATA_FILE = Path(__file__).resolve().parent / "data" / "lexicon.yaml"
_WORDS = re.compile(r"[a-z0-9]+")


class LexiconError(ValueError):
    """The lexicon data file is not valid; the message lists every problem."""


@dataclass(frozen=True)
class Expansion:
    """A lay phrase found in the words at [start, end), and the knowledge-base words for it."""

    phrase: tuple[str, ...]
    terms: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Lexicon:
    lay_terms: dict[tuple[str, ...], tuple[str, ...]]
    misspellings: dict[str, str]
    # Who the question describes (a PEOPLE tag of the medical core) -> knowledge-base words
    # that colour the ranking without being what was asked.
    people_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def longest_phrase(self) -> int:
        return max((len(phrase) for phrase in self.lay_terms), default=1)

    def respell(self, words: list[str]) -> list[str]:
        """The words with known misspellings replaced by the intended word."""
        return [self.misspellings.get(word, word) for word in words]

    def expansions(self, words: list[str]) -> list[Expansion]:
        """Lay phrases in the words, longest first at each position, never overlapping."""
        found: list[Expansion] = []
        i = 0
        longest = self.longest_phrase
        while i < len(words):
            for size in range(min(longest, len(words) - i), 0, -1):
                phrase = tuple(words[i : i + size])
                terms = self.lay_terms.get(phrase)
                if terms is not None:
                    found.append(Expansion(phrase=phrase, terms=terms, start=i, end=i + size))
                    i += size
                    break
            else:
                i += 1
        return found

    def expand_text(self, text: str) -> list[str]:
        """The knowledge-base words for every lay phrase in a text (for indexing keywords)."""
        words = self.respell(words_of(text))
        return [term for expansion in self.expansions(words) for term in expansion.terms]

    def canonical_words(self) -> set[str]:
        """Every knowledge-base word the lexicon can produce."""
        words = {term for terms in self.lay_terms.values() for term in terms}
        return words | set(self.misspellings.values())


def words_of(text: str) -> list[str]:
    """Lower-case [a-z0-9] tokens; apostrophes vanish ("what's" -> "whats")."""
    return _WORDS.findall(text.lower().replace("'", "").replace("\u2019", ""))


def parse_lexicon(data: object) -> Lexicon:
    """Validate the data of a lexicon file; raises LexiconError listing every problem."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise LexiconError(["the lexicon must be a mapping with lay_terms and misspellings"])
    lay_terms: dict[tuple[str, ...], tuple[str, ...]] = {}
    misspellings: dict[str, str] = {}
    for section in ("lay_terms", "misspellings"):
        entries = data.get(section)
        if not isinstance(entries, dict):
            problems.append(f"{section}: must be a mapping of phrase -> words")
            continue
        for raw_key, raw_value in entries.items():
            key, value = str(raw_key), str(raw_value)
            key_words, value_words = words_of(key), words_of(value)
            if " ".join(key_words) != key:
                problems.append(f"{section}: {key!r} must be lower-case words of letters and digits")
            if " ".join(value_words) != value or not value_words:
                problems.append(f"{section}: {key!r} -> {value!r}: the words must be lower-case letters and digits")
            if section == "misspellings":
                if len(key_words) != 1 or len(value_words) != 1:
                    problems.append(f"misspellings: {key!r} -> {value!r} must map one word to one word")
                elif key == value:
                    problems.append(f"misspellings: {key!r} maps to itself")
                else:
                    misspellings[key] = value
            else:
                lay_terms[tuple(key_words)] = tuple(value_words)
    people_terms: dict[str, tuple[str, ...]] = {}
    raw_people = data.get("people_terms") or {}
    if not isinstance(raw_people, dict):
        problems.append("people_terms: must be a mapping of who -> words")
    else:
        for raw_key, raw_value in raw_people.items():
            key, value_words = str(raw_key), words_of(str(raw_value))
            if key not in PEOPLE:
                problems.append(f"people_terms: {key!r} is not one of {list(PEOPLE)}")
            elif not value_words or " ".join(value_words) != str(raw_value):
                problems.append(f"people_terms: {key!r} -> {raw_value!r}: "
                                "the words must be lower-case letters and digits")
            else:
                people_terms[key] = tuple(value_words)
    if problems:
        raise LexiconError("\n".join(problems))
    return Lexicon(lay_terms=lay_terms, misspellings=misspellings, people_terms=people_terms)


def load_lexicon(path: Path = DATA_FILE) -> Lexicon:
    return parse_lexicon(read_yaml(path))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, read once per process."""
    return load_lexicon()
