"""Everyday English words, so that spelling correction leaves real words alone. No Django.

The knowledge base's vocabulary is small: without this, "screaming" (not in it) would be
"corrected" to "screwing" and "ear" to "eat". A word common enough in general English is
taken as meant. The word frequencies come from pyspellchecker's English dictionary; rarer
words (and the typos people make) are still corrected against the knowledge base.
Search only: the triage reader's everyday words are askwell/medical/data/common_words.yaml.
"""

from __future__ import annotations

from functools import lru_cache

# Occurrences in pyspellchecker's English frequency list. At 1,000 "screaming" (61,066) and
# "ear" (30,225) count as English, while typos that happen to be listed rarely ("nite" 255,
# "mussel" 285, "calve" 66) are still open to correction.
COMMON_FREQUENCY = 1000


_preloaded: frozenset[str] | None = None


def preload_common_words(words: frozenset[str]) -> None:
    """The list as a saved engine state holds it: reading pyspellchecker's dictionary again
    is most of a fresh process's start."""
    global _preloaded
    _preloaded = words


def common_words() -> frozenset[str]:
    return _preloaded if _preloaded is not None else _dictionary_words()


@lru_cache(maxsize=1)
def _dictionary_words() -> frozenset[str]:
    try:
        from spellchecker import SpellChecker
    except ImportError:  # the package is a dependency; without it nothing is protected
        return frozenset()
    dictionary = SpellChecker(language="en", distance=1).word_frequency.dictionary
    return frozenset(word for word, count in dictionary.items() if count >= COMMON_FREQUENCY and word.isalpha())


def is_common_english(word: str) -> bool:
    return word in common_words()
