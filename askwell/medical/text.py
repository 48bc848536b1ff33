"""Reading a person's words: normalising, tokens, clauses and negation scopes.

Nothing here knows about medicine; reader.py puts meaning on top of these pieces.
Numbers for ages and durations live in quantities.py and are re-exported here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from askwell.medical.data_files import load_yaml
from askwell.medical.quantities import Quantity, find_quantities, parse_number

__all__ = [
    "MAX_TEXT_CHARS",
    "NormalisedText",
    "Quantity",
    "Token",
    "clauses",
    "find_quantities",
    "negated_token_indexes",
    "normalise",
    "parse_number",
    "tokenize",
    "vocabulary_stem",
]

# Long enough for any honest description; longer input is cut so that a pasted
# document cannot make the hot path slow.
MAX_TEXT_CHARS = 5000

_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?s?|[a-z]+(?:'[a-z]+)?|[.,;:!?]")
# An aside in brackets that holds words ("punched someone (not proud) and caught his teeth") is
# its own clause: a denial inside it reaches nothing outside. "(80)" after a name stays as it is.
_ASIDE = re.compile(r"\(([^()]*[a-z][^()]*)\)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
_CAN_NOT = re.compile(r"\bcan\s+not\b")
# "4 and a half months", "three and a half weeks": one number, so an age is not read as 4 years.
_SPELLED_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_AND_A_HALF = re.compile(r"\b([0-9]+|" + "|".join(_SPELLED_UNITS) + r") and a half\b")
# "she cannot to wake up", "he can't to walk": an extra "to" that second-language English often
# has, which would otherwise part the verb from its "cannot".
_CANNOT_TO = re.compile(r"\b(cannot|can't|cant)\s+to\b")
_COULD_NOT = re.compile(r"\b(?:couldn't|couldnt|could\s+not|unable\s+to|wasn't\s+able\s+to|isn't\s+able\s+to)\b")
# "wouldn't answer", "would not wake": what someone refused or failed to do is told in the
# past as often as in the present ("won't answer").
_WOULD_NOT = re.compile(r"\b(?:wouldn't|wouldnt|would\s+not)\b")
# "the runs" is diarrhoea; as a phrase it would stem to "run" ("the" is a filler word) and
# read "went for a run" or "feeling run down" as diarrhoea.
_THE_RUNS = re.compile(r"\bthe\s+runs\b")
# Typographic quotes and dashes people paste from phones and word processors.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
SENTENCE_END = frozenset(".;:!?")
PUNCTUATION = SENTENCE_END | {","}


@dataclass(frozen=True, slots=True)
class NormalisedText:
    text: str
    truncated: bool


@dataclass(frozen=True, slots=True)
class Token:
    """One word (or punctuation mark) of the text, with its stem for matching."""

    word: str
    stem: str
    index: int


def _half_more(match: re.Match[str]) -> str:
    number = match.group(1)
    whole = int(number) if number.isdigit() else _SPELLED_UNITS.index(number) + 1
    return f"{whole}.5"


def normalise(raw: str) -> NormalisedText:
    """NFKC, lowercase, no control characters or NULs, single spaces, capped length."""
    text = unicodedata.normalize("NFKC", raw).translate(_QUOTES).lower()
    text = _CONTROL.sub(" ", text)
    # "can not", "could not", "couldn't", "unable to": one spelling, so the vocabulary
    # needs "can't breathe" once and reads "she couldn't get her words out" too; likewise
    # "wouldn't" reads as "won't".
    text = _CAN_NOT.sub("cannot", text)
    text = _CANNOT_TO.sub(lambda match: match.group(1), text)
    text = _COULD_NOT.sub("can't", text)
    text = _WOULD_NOT.sub("won't", text)
    text = _THE_RUNS.sub("diarrhoea", text)
    text = _AND_A_HALF.sub(_half_more, text)
    text = _respell(text)
    text = _SPACES.sub(" ", text).strip()
    truncated = len(text) > MAX_TEXT_CHARS
    if truncated:
        text = text[:MAX_TEXT_CHARS].rstrip()
    return NormalisedText(text=text, truncated=truncated)


@cache
def _spellings() -> tuple[re.Pattern[str], dict[str, str]]:
    """Common misspellings, phonetic spellings and dropped g's of words the readers need
    (text_rules.yaml `spellings`): "slured", "bleedin", "diarea". Whole words only, and only
    ones that are not another English word."""
    table = {str(wrong).lower(): str(right).lower()
             for wrong, right in (load_yaml("text_rules.yaml").get("spellings") or {}).items()}
    if not table:
        return re.compile(r"(?!x)x"), {}
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)) + r")\b")
    return pattern, table


def _respell(text: str) -> str:
    pattern, table = _spellings()
    return pattern.sub(lambda match: table[match.group(1)], text) if table else text


def vocabulary_stem(word: str) -> str:
    """A deliberately crude stem, applied to the text and the triage vocabulary alike.

    Only the consistency matters: "cramps", "cramped" and "cramping" all become
    "cramp" on both sides, so the vocabulary needs one spelling per word. The search
    engine stems with its own rules (askwell/answers/ranking.py search_stem); the phrases
    of the data files are written for this one, so the two must not be swapped.
    """
    if word.endswith("n't") or not word.isalpha():
        return word
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: -len(suffix)] + keep
    return word


@cache
def _spelled_out_contractions() -> dict[str, str]:
    bare = load_yaml("text_rules.yaml")["negation"]["bare_contractions"]
    spelled = {word: word[:-2] + "n't" for word in bare}  # "cant" -> "can't"
    spelled["cannot"] = "can't"
    return spelled


def tokenize(text: str) -> list[Token]:
    """Words, numbers and the punctuation that ends clauses, from normalised text."""
    spelled = _spelled_out_contractions()
    text = _ASIDE.sub(r" , \1 , ", text)
    words = (spelled.get(w, w) for w in _TOKEN.findall(text.replace("'s ", " ")))
    return [Token(word=w, stem=vocabulary_stem(w), index=i) for i, w in enumerate(words)]


def clauses(tokens: list[Token], *, at_commas: bool = False) -> list[tuple[int, int]]:
    """Half-open token ranges of the sentences (split at . ; : ! ? and at "but", "though",
    "although" and "whereas", and at commas too when asked): "bleeding again though my
    periods stopped 5 years ago" tells the bleeding as now, only the periods as history."""
    breaks = SENTENCE_END | {"but", "though", "although", "whereas"} | ({","} if at_commas else set())
    ranges: list[tuple[int, int]] = []
    start = 0
    for token in tokens:
        if token.word in breaks:
            if token.index > start:
                ranges.append((start, token.index))
            start = token.index + 1
    if start < len(tokens):
        ranges.append((start, len(tokens)))
    return ranges


@dataclass(frozen=True, slots=True)
class _NegationRules:
    cues: frozenset[str]
    terminators: frozenset[str]
    list_cues: frozenset[str]
    max_scope_words: int
    max_words_after_comma: int


@cache
def _negation_rules() -> _NegationRules:
    data: dict[str, Any] = load_yaml("text_rules.yaml")["negation"]
    return _NegationRules(
        cues=frozenset(data["cues"]) | frozenset(data["bare_contractions"]),
        terminators=frozenset(data["terminators"]),
        list_cues=frozenset(data["list_cues"]),
        max_scope_words=int(data["max_scope_words"]),
        max_words_after_comma=int(data["max_words_after_comma"]),
    )


def _is_cue(word: str, rules: _NegationRules) -> bool:
    return word in rules.cues or word.endswith("n't")


def _list_continues(tokens: list[Token], start: int, rules: _NegationRules) -> bool:
    """After a comma: is what follows a short bare list ("redness or warmth")?"""
    words = 0
    for token in tokens[start:]:
        if token.word in PUNCTUATION or token.word in rules.terminators:
            break
        words += 1
    return 0 < words <= rules.max_words_after_comma


# After a denial, these words deny the stopping, not what follows ("can't stop shaking").
_KEEPS_GOING = frozenset({"stop", "stopping", "help"})


def negated_token_indexes(tokens: list[Token], ignore: frozenset[int] = frozenset()) -> set[int]:
    """Indexes of the tokens that a denial word reaches.

    "no weakness or numbness" denies both; the scope ends at sentence punctuation, at a
    word that starts a new statement ("but", "my", "is" ...), after a few words, or at a
    comma unless a short bare list follows. Cue words whose index is in `ignore` are
    part of a vocabulary phrase ("can't sleep", "for no reason") and deny nothing.
    """
    rules = _negation_rules()
    negated: set[int] = set()
    i = 0
    while i < len(tokens):
        if i in ignore or not _is_cue(tokens[i].word, rules):
            i += 1
            continue
        if i + 1 < len(tokens) and tokens[i + 1].word in _KEEPS_GOING:
            # "can't stop thinking about ending it", "couldn't help crying": the denial is of
            # stopping, so what follows goes on happening.
            i += 2
            continue
        reach = 0
        opens_list = tokens[i].word in rules.list_cues
        j = i + 1
        while j < len(tokens) and reach < rules.max_scope_words:
            word = tokens[j].word
            if word in SENTENCE_END or word in rules.terminators:
                break
            if word == ",":
                if not opens_list or not _list_continues(tokens, j + 1, rules):
                    break
            elif j not in ignore and _is_cue(word, rules):
                reach = 0  # "not short of breath and no chest pain": a fresh denial
                opens_list = word in rules.list_cues
            else:
                negated.add(j)
                reach += 1
            j += 1
        i = j
    return negated
