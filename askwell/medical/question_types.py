"""What a question asks: its type (cause, symptoms, relief ...), read from data.

    question_types("What causes Charley horse ?")  ->  frozenset({"cause"})

Plain Python: the instant-answer ranking (askwell.answers) prefers a knowledge topic that
answers the type asked, and knowledge packs say which types each topic answers, so a new
pack needs no code. In a long message the question is usually at the end, after the story:
the sentences that ask (a question mark, or a cue) decide the type.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from askwell.medical.data_files import DataFileError, load_yaml
from askwell.medical.phrases import PhraseIndex, compile_phrases, find_matches
from askwell.medical.text import SENTENCE_END, Token, normalise, tokenize


@cache
def question_type_names() -> tuple[str, ...]:
    return tuple(load_yaml("question_types.yaml")["types"])


@cache
def leading_types() -> frozenset[str]:
    """Types whose answer is always among the first when asked (question_types.yaml `lead_types`)."""
    data = load_yaml("question_types.yaml")
    leading = frozenset(str(name) for name in data.get("lead_types") or ())
    unknown = leading - set(data["types"])
    if unknown:
        raise DataFileError(f"question_types.yaml: lead_types names unknown types {sorted(unknown)}")
    return leading


@cache
def _cue_index() -> PhraseIndex:
    data = load_yaml("question_types.yaml")["types"]
    if not isinstance(data, dict) or not data:
        raise DataFileError("question_types.yaml: types must map type names to cue phrases")
    fillers = frozenset(load_yaml("text_rules.yaml")["filler_words"])
    entries = [(str(cue), ("type", str(name))) for name, cues in data.items() for cue in cues]
    index, known = compile_phrases(entries, fillers, "question_types.yaml")
    return PhraseIndex(index=index, fillers=fillers, known_stems=known, derived=())


@dataclass(frozen=True, slots=True)
class Question:
    types: frozenset[str]  # what it asks about; empty when it does not say (a bare subject)
    asking_part: str | None  # a long message's asking sentences; None for a short question
    # The words that said the type ("how do I relieve", "causes"): how it was asked, not
    # what about, so ranking weighs them less than the words of the subject.
    cue_words: frozenset[str] = frozenset()
    # Put as a question: a question mark, or an asking sentence opening with a question word.
    is_question: bool = False


def _sentences(tokens: list[Token]) -> list[tuple[int, int, bool]]:
    """(start, end, asks) of each sentence; `end` is its closing mark's index, and it asks
    when that mark is a question mark."""
    ends = [t.index for t in tokens if t.word in SENTENCE_END]
    sentences: list[tuple[int, int, bool]] = []
    start = 0
    for end in [*ends, len(tokens)]:
        if end > start:
            sentences.append((start, end, end < len(tokens) and tokens[end].word == "?"))
        start = end + 1
    return sentences


def _asking(sentences: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """The sentences that ask: those ending in "?", else the last one."""
    return [s for s in sentences if s[2]] or sentences[-1:]


def read_question(text: str) -> Question:
    """The question's types and, for a long message, its asking part: one reading."""
    tokens = tokenize(normalise(text).text)
    sentences = _sentences(tokens)
    types, cue_words = _types(tokens, sentences)
    return Question(types=types, asking_part=_asking_part(tokens, sentences), cue_words=cue_words,
                    is_question=_is_question(tokens, sentences))


def _is_question(tokens: list[Token], sentences: list[tuple[int, int, bool]]) -> bool:
    if any(asks for _, _, asks in sentences):
        return True
    openers = _question_openers()
    return any(start < len(tokens) and tokens[start].word in openers for start, _, _ in sentences)


@cache
def _yields_to() -> dict[str, frozenset[str]]:
    """question_types.yaml `yields_to`: a type dropped when another is asked too (an empty
    list: when any other is)."""
    data = load_yaml("question_types.yaml")
    names = set(data["types"])
    rules: dict[str, frozenset[str]] = {}
    for weaker, stronger in (data.get("yields_to") or {}).items():
        others = frozenset(str(name) for name in stronger or ())
        if str(weaker) not in names or not others <= names:
            raise DataFileError(f"question_types.yaml: yields_to names unknown types ({weaker}: {sorted(others)})")
        rules[str(weaker)] = others
    return rules


@cache
def _question_openers() -> frozenset[str]:
    return frozenset(str(word) for word in load_yaml("question_types.yaml").get("question_openers") or ())


def question_types(text: str) -> frozenset[str]:
    return read_question(text).types


def asking_part(text: str) -> str | None:
    return read_question(text).asking_part


def _types(tokens: list[Token], sentences: list[tuple[int, int, bool]]) -> tuple[frozenset[str], frozenset[str]]:
    matches = find_matches(tokens, _cue_index())
    if not matches:
        return frozenset(), frozenset()
    asking = _asking(sentences)
    in_question = [m for m in matches if any(s <= m.start < e for s, e, _ in asking)]
    chosen = in_question or matches
    found = {value for m in chosen for _, value in m.facts}
    for weaker, stronger in _yields_to().items():
        if weaker in found and (found & stronger if stronger else len(found) > 1):
            found.discard(weaker)
    # The cue's own words: not those a gap stepped over, which are what is asked about.
    words = {tokens[i].word for m in chosen for i in range(m.start, m.end)
             if tokens[i].word.isalpha() and i not in m.gaps}
    return frozenset(found), frozenset(words)


# A message this long that tells a story before it asks: its asking sentences say what
# the answer must be about, the story only colours it.
LONG_MESSAGE_WORDS = 25


def _asking_part(tokens: list[Token], sentences: list[tuple[int, int, bool]]) -> str | None:
    if sum(1 for t in tokens if t.word.isalpha()) < LONG_MESSAGE_WORDS:
        return None
    worded = [s for s in sentences if any(t.word.isalpha() for t in tokens[s[0]:s[1]])]
    if len(worded) < 2:
        return None
    return " ".join(" ".join(t.word for t in tokens[start:end + 1]) for start, end, _ in _asking(worded))
