"""The engine's in-process state: the knowledge documents analysed for re-ranking, corpus
statistics, the spelling vocabulary and (when the semantic model is installed) the topics'
passage vectors. Rebuilt whenever the knowledge documents change."""

from __future__ import annotations

import gc
import hashlib
import logging
import pickle
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Count, Max

from askwell.answers import model_loading, semantic
from askwell.answers.english import common_words, preload_common_words
from askwell.answers.filecache import keep_file
from askwell.answers.lexicon import default_lexicon, words_of
from askwell.answers.models import DocumentOrigin, SearchDocument
from askwell.answers.ranking import STOPWORDS, CorpusStats, Document, search_stem
from askwell.answers.spelling import SpellingCorrector
from askwell.knowledge.models import Pack, Status, Topic


@dataclass(frozen=True)
class State:
    signature: tuple[Any, ...]
    documents: dict[int, Document]
    stats: CorpusStats
    corrector: SpellingCorrector
    # The published packs' subjects (pack.yaml `covers`), each as its stems: a question
    # is in scope when it holds every stem of one of them.
    covers: tuple[tuple[str, ...], ...] = ()
    near_misses: tuple[tuple[str, ...], ...] = ()
    # Knowledge topic key -> the question types it answers (pack data, `answers:`).
    answers: dict[str, frozenset[str]] = field(default_factory=dict)
    # Knowledge topic key -> whom it is written for, when someone in particular (`for_whom:`).
    for_whom: dict[str, frozenset[str]] = field(default_factory=dict)
    # The knowledge topics' passages as sentence vectors; None without the semantic model.
    vectors: semantic.TopicVectors | None = None


logger = logging.getLogger(__name__)
_lock = threading.RLock()
_state: State | None = None
_checked_at = 0.0
# How long a process trusts its state before asking the database whether knowledge changed.
# Writes in this process forget the state at once; other processes catch up within this time.
RECHECK_SECONDS = 1.0


_encoder: semantic.Encoder | None = None
_encoder_status: str | None = None


def encoder() -> semantic.Encoder | None:
    """The process's sentence encoder, loaded once (None: lexical ranking only)."""
    global _encoder, _encoder_status
    if _encoder_status is None:
        with _lock:
            if _encoder_status is None:
                directory, cache_dir = settings.SEMANTIC_MODEL_DIR, model_loading.vector_cache_dir()
                # Loaded on a second thread since the process started (askwell ask), or here.
                _encoder, _encoder_status = (model_loading.take(directory, cache_dir)
                                             or semantic.load_encoder(directory, cache_dir))
                logger.log(logging.DEBUG if _encoder is not None else logging.WARNING, "%s", _encoder_status)
    return _encoder


def use_semantic(enabled: bool) -> None:
    """Switch the semantic model off (or back on) in this process: the benchmark measures
    the engine with and without it in one run."""
    global _encoder, _encoder_status
    with _lock:
        _encoder, _encoder_status = (None, None) if enabled else (None, "semantic model switched off in this process")
    forget()


def semantic_status(load: bool = True) -> str:
    """One line for start-up output: is the semantic model in use, and if not, why. A
    server's master process asks with load=False: the model is loaded in each worker
    after the fork, never shared across it."""
    if not load and _encoder_status is None:
        return semantic.missing(settings.SEMANTIC_MODEL_DIR) or f"semantic model found in {settings.SEMANTIC_MODEL_DIR}"
    encoder()
    return _encoder_status or ""


# A search document's columns, in the order document_of takes them (values_list rows).
DOCUMENT_COLUMNS = ("pk", "key", "kind", "title", "synonyms", "body", "url", "source")


def document_of(pk: int, key: str, kind: str, title: str, synonyms: str, body: str, url: str,
                source: str) -> Document:
    """A search document's row, analysed for ranking."""
    return Document(id=pk, key=key, kind=kind, title=title, synonyms=synonyms, body=body, url=url, source=source)


def _signature() -> tuple[Any, ...]:
    summary = SearchDocument.objects.filter(source=DocumentOrigin.KNOWLEDGE).aggregate(
        n=Count("id"), last=Max("updated_at"))
    packs = Pack.objects.aggregate(n=Count("id"), last=Max("loaded_at"))
    return (summary["n"], summary["last"], packs["n"], packs["last"])


def _subjects(lists: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    subjects: set[tuple[str, ...]] = set()
    for subject in (subject for listed in lists for subject in listed or ()):
        # Analysed like a question: stop words ("up" in "warm up") never count.
        stems = tuple(search_stem(word) for word in words_of(str(subject)) if word not in STOPWORDS)
        if stems:
            subjects.add(stems)
    return tuple(sorted(subjects))


def _build(signature: tuple[Any, ...]) -> State:
    rows = SearchDocument.objects.filter(source=DocumentOrigin.KNOWLEDGE).values_list(*DOCUMENT_COLUMNS)
    documents = {row[0]: document_of(*row) for row in rows}
    lexicon = default_lexicon()
    vocabulary: list[str] = []
    for document in documents.values():
        vocabulary += words_of(f"{document.title}\n{document.synonyms}\n{document.body}")
    for phrase in lexicon.lay_terms:
        vocabulary += phrase
    vocabulary += lexicon.canonical_words()
    vocabulary += lexicon.misspellings.values()
    common_words()  # loaded with the state, not on the first question with an unknown word
    packs = list(Pack.objects.filter(status=Status.PUBLISHED).values_list("covers", "near_misses"))
    topic_rows = list(Topic.objects.filter(status=Status.PUBLISHED).values_list(
        "slug", "answers", "keywords", "asks", "for_whom"))  # one query, read twice below
    topics = {slug: (answers, keywords, asks) for slug, answers, keywords, asks, _ in topic_rows}
    for_whom = {slug: frozenset(people) for slug, *_, people in topic_rows if people}
    model = encoder()
    vectors = None if model is None else semantic.topic_vectors(model, (
        semantic.TopicText(d.key, d.title, d.body, *[list(v or ()) for v in topics.get(d.key, ((), (), ()))[1:]])
        for d in documents.values()), model_loading.vector_cache_dir())
    return State(
        signature=signature,
        documents=documents,
        stats=CorpusStats.of(documents.values()),
        corrector=SpellingCorrector.from_words(vocabulary),
        covers=_subjects([covers for covers, _ in packs]),
        near_misses=_subjects([near for _, near in packs]),
        answers={slug: frozenset(answers or ()) for slug, (answers, _, _) in topics.items()},
        for_whom=for_whom,
        vectors=vectors,
    )


def state() -> State:
    """The current state; one cheap aggregate query tells whether the knowledge changed."""
    global _state, _checked_at
    current = _state
    now = time.monotonic()
    if current is not None and now - _checked_at < RECHECK_SECONDS:
        return current
    signature = _signature()
    _checked_at = now
    if current is not None and current.signature == signature:
        return current
    with _lock:
        if _state is None or _state.signature != signature:
            _state = _load_snapshot(signature) or _snapshot(_build(signature))
        return _state


# A built state is kept on disk, so a fresh process (`askwell ask`, a new worker) reads it in
# a few milliseconds instead of analysing every topic and building the spelling index again.
# Its name changes with the knowledge (the signature) and with the engine's own code and data,
# so a snapshot is never read by code it was not written by.
_ENGINE_FILES = ("engine.py", "ranking.py", "spelling.py", "lexicon.py", "english.py", "semantic.py",
                 "data_files.py")


def _snapshot_file(signature: tuple[Any, ...]) -> Path:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(repr(signature).encode())
    for name in _ENGINE_FILES:
        digest.update((here / name).read_bytes())
    for data in sorted((here / "data").glob("*.yaml")):
        digest.update(data.read_bytes())
    model = encoder()
    digest.update((model.fingerprint if model is not None else "no model").encode())
    return Path(settings.DATA_DIR) / "cache" / f"engine-state-{digest.hexdigest()[:24]}.pickle"


def _load_snapshot(signature: tuple[Any, ...]) -> State | None:
    try:
        with _snapshot_file(signature).open("rb") as handle, _collector_paused():
            loaded, words = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return None
    if not isinstance(loaded, State) or loaded.signature != signature:
        return None
    preload_common_words(words)
    return loaded


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while a snapshot is read: unpickling makes every object of the
    state at once and all of them are kept, so each collection on the way only walked them
    again (two thirds of the load's time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _snapshot(built: State) -> State:
    keep_file(_snapshot_file(built.signature),
              lambda handle: pickle.dump((built, common_words()), handle, protocol=pickle.HIGHEST_PROTOCOL),
              kind="engine-state-*.pickle", keep=4)
    return built


def forget() -> None:
    global _state
    _state = None
