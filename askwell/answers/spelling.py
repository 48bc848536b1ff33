"""Spelling correction against a vocabulary (the knowledge base's own words). No Django.

A word that is in the vocabulary, or that the caller says is known (for example because
the search index holds it), is never changed. Otherwise the closest vocabulary word within
a small edit distance wins, ties going to the more frequent word. Lookups use a
symmetric-delete table, so a correction costs a few dictionary probes, not a scan.
Used by the search engine alone (askwell/answers/engine.py builds its vocabulary from the
knowledge base); the triage reader in askwell/medical/ does not import it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

MIN_LENGTH = 3  # shorter words are too ambiguous to correct


def max_distance_for(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def _deletes(word: str, distance: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(distance):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, giving up above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@dataclass
class SpellingCorrector:
    """Corrects words to the nearest word of a vocabulary {word: frequency}."""

    vocabulary: Mapping[str, int]
    # Kept as tuples, not sets: the engine's saved state holds some 35,000 of them, and a fresh
    # process (`askwell ask`, a new worker) unpickles tuples in less than half the time.
    _index: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, set[str]] = {}
        for word in self.vocabulary:
            if len(word) >= MIN_LENGTH and word.isalpha():
                for variant in _deletes(word, max_distance_for(word)):
                    index.setdefault(variant, set()).add(word)
        self._index = {variant: tuple(sorted(words)) for variant, words in index.items()}

    @classmethod
    def from_words(cls, words: Iterable[str]) -> SpellingCorrector:
        counts: dict[str, int] = {}
        for word in words:
            counts[word] = counts.get(word, 0) + 1
        return cls(counts)

    def correct(self, word: str, is_known: Callable[[str], bool] | None = None) -> str:
        """The word itself when known or uncorrectable, otherwise its best correction."""
        if word in self.vocabulary or len(word) < MIN_LENGTH or not word.isalpha():
            return word
        if is_known is not None and is_known(word):
            return word
        limit = max_distance_for(word)
        candidates: set[str] = set()
        for variant in _deletes(word, limit):
            candidates.update(self._index.get(variant, ()))
        best: tuple[int, int, str] | None = None
        for candidate in candidates:
            distance = edit_distance(word, candidate, limit)
            if distance > min(limit, max_distance_for(candidate)):
                continue
            rank = (distance, -self.vocabulary[candidate], candidate)
            if best is None or rank < best:
                best = rank
        return word if best is None else best[2]
