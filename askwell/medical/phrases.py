"""The phrase matcher: data/facts_lexicon.yaml compiled into an index, and matching.

Phrases are stemmed and stripped of filler words exactly like the text, then indexed by
their first word, so reading a description is one pass with a dictionary lookup per
word: fast enough to run on every search query.

(askwell/answers/lexicon.py is the search engine's lay-term table; this module only
reads facts, for triage and the checker.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from askwell.medical.conditions import Predicate, compile_condition
from askwell.medical.data_files import DataFileError, built_once, load_yaml
from askwell.medical.text import PUNCTUATION, Token, normalise, tokenize
from askwell.medical.vocabulary import SCALAR_CATEGORIES, SET_CATEGORIES

GAP = "~"
MAX_GAP_WORDS = 2
# Sections of the lexicon that are not fact categories.
_SPECIAL = ("ignore", "derived")
_PHRASE_CATEGORIES = (*SET_CATEGORIES, *SCALAR_CATEGORIES, "pregnancy")

FactKey = tuple[str, str]  # (category, value), e.g. ("symptom", "swelling")
_Candidates = list[tuple[tuple[str, ...], tuple[FactKey, ...]]]


@dataclass(frozen=True, slots=True)
class Match:
    """A vocabulary phrase found in the text: its facts and its token span [start, end)."""

    facts: tuple[FactKey, ...]
    start: int
    end: int
    # Token indices inside [start, end) that a gap stepped over: words of the text, not of the
    # phrase ("back spasm" in "what does ~ feel like" read from "what does a back spasm feel like").
    gaps: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class DerivedRule:
    when: Predicate
    adds: tuple[FactKey, ...]


@dataclass(frozen=True, slots=True)
class PhraseIndex:
    index: dict[str, _Candidates]  # first stem -> [(pattern, facts)], longest first
    fillers: frozenset[str]
    known_stems: frozenset[str]
    derived: tuple[DerivedRule, ...]


def _pattern(phrase: str, fillers: frozenset[str]) -> tuple[str, ...]:
    words = tokenize(normalise(phrase.replace(GAP, " zzgapzz ")).text)
    return tuple(GAP if t.word == "zzgapzz" else t.stem for t in words if t.word not in fillers)


def _phrases(category: str, section: object) -> list[tuple[str, FactKey | None]]:
    if category == "ignore":
        if not isinstance(section, list):
            raise DataFileError("facts_lexicon.yaml: ignore must list phrases")
        return [(str(p), None) for p in section]
    if not isinstance(section, dict):
        raise DataFileError(f"facts_lexicon.yaml: {category} must map values to phrases")
    return [(str(p), (category, str(value))) for value, phrases in section.items()
            for p in phrases]


def _derived_rules(entries: list[dict[str, Any]]) -> tuple[DerivedRule, ...]:
    rules = []
    for n, entry in enumerate(entries):
        where = f"facts_lexicon.yaml derived[{n}]"
        adds = tuple((str(k), str(v)) for k, v in entry["add"].items())
        rules.append(DerivedRule(when=compile_condition(entry["when"], where), adds=adds))
    return tuple(rules)


def compile_phrases(
    entries: Sequence[tuple[str, FactKey | None]], fillers: frozenset[str], where: str,
) -> tuple[dict[str, _Candidates], frozenset[str]]:
    """Index (phrase, fact) pairs by first stem, longest pattern first; also the known stems.

    Shared by the spasm lexicon and the universal red-flag lexicon (red_flags.py), so
    both read text with exactly the same stemming, fillers and gaps. Built once and kept on
    disk (data_files.built_once): a fresh process, such as `askwell ask`, reads it back.
    """
    return built_once(f"phrases-{where.replace(' ', '-')}", (entries, sorted(fillers)),
                      lambda: _index_phrases(entries, fillers, where))


def _index_phrases(
    entries: Sequence[tuple[str, FactKey | None]], fillers: frozenset[str], where: str,
) -> tuple[dict[str, _Candidates], frozenset[str]]:
    merged: dict[tuple[str, ...], list[FactKey]] = {}
    for phrase, fact in entries:
        pattern = _pattern(phrase, fillers)
        if not pattern or pattern[0] == GAP:
            raise DataFileError(f"{where}: phrase {phrase!r} has no words")
        facts = merged.setdefault(pattern, [])
        if fact is not None and fact not in facts:
            facts.append(fact)
    index: dict[str, _Candidates] = {}
    for pattern, facts in merged.items():
        index.setdefault(pattern[0], []).append((pattern, tuple(facts)))
    for candidates in index.values():
        candidates.sort(key=lambda item: -len(item[0]))
    known = frozenset(stem for pattern in merged for stem in pattern if stem != GAP)
    return index, known


@cache
def load_phrase_index() -> PhraseIndex:
    data = load_yaml("facts_lexicon.yaml")
    fillers = frozenset(load_yaml("text_rules.yaml")["filler_words"])
    unknown = set(data) - set(_PHRASE_CATEGORIES) - set(_SPECIAL)
    if unknown:
        raise DataFileError(f"facts_lexicon.yaml: unknown categories {sorted(unknown)}")
    entries = [entry for category, section in data.items() if category != "derived"
               for entry in _phrases(category, section)]
    index, known = compile_phrases(entries, fillers, "facts_lexicon.yaml")
    return PhraseIndex(index=index, fillers=fillers, known_stems=known,
                       derived=_derived_rules(data.get("derived", [])))


def _match_end(pattern: tuple[str, ...], content: list[Token], at: int,
               skipped: list[int] | None = None) -> int | None:
    """Content position just after `pattern` matched at `at`, or None (gaps are lazy).

    When `skipped` is given, the positions a gap stepped over are added to it.
    """
    position = at
    for n, part in enumerate(pattern):
        if part != GAP:
            if position >= len(content) or content[position].stem != part:
                return None
            position += 1
            continue
        rest = pattern[n + 1:]
        for skip in range(MAX_GAP_WORDS + 1):
            # A gap never crosses punctuation or a denial: "jaw ~ locked" must not read
            # "my jaw isn't locked" as a locked jaw.
            if any(t.word in PUNCTUATION or denies(t.word) for t in content[position:position + skip]):
                return None
            inner: list[int] | None = [] if skipped is not None else None
            end = _match_end(rest, content, position + skip, inner)
            if end is not None:
                if skipped is not None and inner is not None:
                    skipped.extend(range(position, position + skip))
                    skipped.extend(inner)
                return end
        return None
    return position


_DENIALS = frozenset({"not", "no", "never", "without", "nor", "cannot"})


def denies(word: str) -> bool:
    """A denial word (\"not\", \"no\", any \"n't\"): a gap never crosses one."""
    return word in _DENIALS or word.endswith("n't")


def find_matches(tokens: list[Token], phrase_index: PhraseIndex | None = None, *,
                 overlapping: bool = False) -> list[Match]:
    """Longest vocabulary matches, left to right (the spasm lexicon's unless another index
    is given).

    By default matches do not overlap. With `overlapping`, every position gets its longest
    match unless that match lies wholly inside an earlier one: "fever" inside "hay fever"
    is still not a fever, but "oven cleaner" and "cleaner in my eye" are both read. The
    red-flag reader uses this, because a warning sign must not hide behind a neighbour.
    """
    phrase_index = phrase_index or load_phrase_index()
    content = [t for t in tokens if t.word not in phrase_index.fillers]
    matches: list[Match] = []
    read: set[int] = set()  # content positions an earlier match read as its own words
    at = 0
    while at < len(content):
        best_end: int = -1
        best_facts: tuple[FactKey, ...] = ()
        best_pattern: tuple[str, ...] = ()
        for pattern, facts in phrase_index.index.get(content[at].stem, ()):
            end = _match_end(pattern, content, at)
            if end is not None and end > best_end:
                best_end, best_facts, best_pattern = end, facts, pattern
        # Overlapping: a match whose every word an earlier phrase read is that phrase's
        # ("fever" in "hay fever"); words a gap stepped over are not ("suddenly" in
        # "face ~ swollen" read from "face has suddenly swollen").
        if best_end < 0 or (overlapping and set(range(at, best_end)) <= read):
            at += 1
            continue
        skipped: list[int] = []
        if GAP in best_pattern:
            _match_end(best_pattern, content, at, skipped)
        matches.append(Match(best_facts, content[at].index, content[best_end - 1].index + 1,
                             frozenset(content[i].index for i in skipped)))
        if overlapping:
            read.update(set(range(at, best_end)) - set(skipped))
        at = at + 1 if overlapping else best_end
    return matches


def facts_in_phrase(text: str) -> list[FactKey]:
    """The facts a short phrase names in the spasm vocabulary ("furosemide" -> a diuretic)."""
    tokens = tokenize(normalise(text).text)
    return [fact for match in find_matches(tokens) for fact in match.facts]
