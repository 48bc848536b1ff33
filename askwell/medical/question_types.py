"""What a question asks: its type (cause, symptoms, relief ...), read from data.

    question_types("What causes Charley horse ?")  ->  frozenset({"cause"})

Plain Python: the instant-answer ranking (askwell.answers) prefers a knowledge topic that
answers the type asked, and knowledge packs say which types each topic answers, so a new
pack needs no code. In a long message the question is usually at the end, after the story:
the sentences that ask (a question mark, or a cue) decide the type.
"""

from __future__ import annotations

from functools import cache

from askwell.medical.data_files import DataFileError, load_yaml
from askwell.medical.phrases import PhraseIndex, compile_phrases, find_matches
from askwell.medical.text import SENTENCE_END, normalise, tokenize


@cache
def question_type_names() -> tuple[str, ...]:
    return tuple(load_yaml("question_types.yaml")["types"])


@cache
def _cue_index() -> PhraseIndex:
    data = load_yaml("question_types.yaml")["types"]
    if not isinstance(data, dict) or not data:
        raise DataFileError("question_types.yaml: types must map type names to cue phrases")
    fillers = frozenset(load_yaml("text_rules.yaml")["filler_words"])
    entries = [(str(cue), ("type", str(name))) for name, cues in data.items() for cue in cues]
    index, known = compile_phrases(entries, fillers, "question_types.yaml")
    return PhraseIndex(index=index, fillers=fillers, known_stems=known, derived=())


def question_types(text: str) -> frozenset[str]:
    """The types a question asks about; empty when it does not say (a bare subject)."""
    tokens = tokenize(normalise(text).text)
    matches = find_matches(tokens, _cue_index())
    if not matches:
        return frozenset()
    # Split into sentences; the ones that ask come first: a sentence ending in "?" or the
    # last sentence of the message.
    ends = [t.index for t in tokens if t.word in SENTENCE_END]
    bounds: list[tuple[int, int, bool]] = []
    start = 0
    for end in [*ends, len(tokens)]:
        if end > start:
            asks = end < len(tokens) and tokens[end].word == "?"
            bounds.append((start, end, asks))
        start = end + 1
    asking = [(s, e) for s, e, asks in bounds if asks] or ([bounds[-1][:2]] if bounds else [])
    in_question = [m for m in matches if any(s <= m.start < e for s, e in asking)]
    chosen = in_question or matches
    found = {value for m in chosen for _, value in m.facts}
    # "What are the symptoms of ...": the specific type is the question; "what is" is only
    # the way it was put.
    if len(found) > 1:
        found.discard("what_is")
    return frozenset(found)


# A message this long that tells a story before it asks: its asking sentences say what
# the answer must be about, the story only colours it.
LONG_MESSAGE_WORDS = 25


def asking_part(text: str) -> str | None:
    """The sentences of a long message that ask (ending in "?", else the last one), or None
    for a short question, which is all question."""
    tokens = tokenize(normalise(text).text)
    if sum(1 for t in tokens if t.word.isalpha()) < LONG_MESSAGE_WORDS:
        return None
    sentences: list[list[str]] = [[]]
    for token in tokens:
        if token.word in SENTENCE_END:
            sentences[-1].append(token.word)
            sentences.append([])
        else:
            sentences[-1].append(token.word)
    sentences = [s for s in sentences if any(w.isalpha() for w in s)]
    if len(sentences) < 2:
        return None
    asking = [s for s in sentences if s[-1] == "?"] or [sentences[-1]]
    return " ".join(" ".join(s) for s in asking)
