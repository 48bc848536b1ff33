"""The sentence encoder's load, started on a second thread before Django is set up.

`askwell ask` spends about half a second setting Django up (its models, the answers app's
imports) before it first needs the model, and loading the model takes a fifth of a second,
most of it ONNX Runtime building its session, which runs without holding the GIL. So a
command a person waits on starts the load first (askwell/cli.py) and the engine takes what it
loaded when it first asks for the encoder (engine.encoder). Everything else loads the model
where it is first needed, as before.

No Django models here: this runs before the apps are ready. Only the settings are read.
"""

from __future__ import annotations

import atexit
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from askwell.answers.semantic import Encoder

Loaded = tuple["Encoder | None", str]


def vector_cache_dir() -> Path:
    """Where the optimised model and the topics' vectors are kept: beside the model when it may
    be written there (the vectors depend only on the model and the passages, and their file
    name says which, so every data directory on the machine, each test database, each fresh
    install, reuses them instead of running the model again); else the data directory's cache."""
    model_dir = settings.SEMANTIC_MODEL_DIR
    if model_dir is not None and os.access(model_dir, os.W_OK):
        return Path(model_dir) / "vectors"
    return Path(settings.DATA_DIR) / "cache"


def _import_runtime() -> None:
    """ONNX Runtime and the tokenizer, which semantic imports only as it loads a model: they need
    no settings, so the thread imports them while the main thread reads the settings."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        pass  # semantic.load_encoder says why the model cannot be used


class _Loading:
    """One load on a daemon thread (a process that ends before it finishes does not wait):
    the runtime's imports at once, the model once told where it is."""

    def __init__(self) -> None:
        self.key: tuple[Path | None, Path | None] | None = None
        self._told = threading.Event()
        self._result: Loaded | None = None
        self._thread = threading.Thread(target=self._run, name="askwell-model-load", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            from askwell.answers import semantic

            _import_runtime()
            self._told.wait()
            assert self.key is not None  # set before _told
            self._result = semantic.load_encoder(*self.key)  # which tells its own failures
        except BaseException as error:  # noqa: BLE001 - the thread's end: anything else is told the same way
            self._result = None, f"semantic model failed to load ({error}): lexical ranking only"

    def load(self, directory: Path | None, cache_dir: Path | None) -> None:
        self.key = (directory, cache_dir)
        self._told.set()

    @property
    def told(self) -> bool:
        return self._told.is_set()

    def result(self) -> Loaded:
        self._thread.join()
        assert self._result is not None  # _run always sets it once told
        return self._result


_lock = threading.Lock()
_started: _Loading | None = None


def start() -> None:
    """Start loading the model the settings name on a second thread (at most once). The thread
    imports the model's runtime at once, while this reads the settings (a fifth of a second of
    Django's imports, when they were not read yet) and then tells it where the model is."""
    global _started
    with _lock:
        if _started is not None:
            return
        _started = started = _Loading()
    started.load(settings.SEMANTIC_MODEL_DIR, vector_cache_dir())


def take(directory: Path | None, cache_dir: Path | None) -> Loaded | None:
    """What the thread loaded for these directories (waiting for it to finish), once; None
    when it was not asked to load them, and the caller loads the model itself."""
    global _started
    with _lock:
        started = _started
        if started is None or started.key != (directory, cache_dir):
            return None
        _started = None
    return started.result()


def wait() -> None:
    """Let a load under way finish before the process replaces itself (exec) or ends on an
    error, either of which would cut it off half way: through writing the optimised model it
    keeps, or inside ONNX Runtime as the runtime's library is torn down. (A command that
    answered ends at once, with the model taken.) A thread never told where to load is only
    waiting, and is left."""
    with _lock:
        started = _started
    if started is not None and started.told:
        started.result()


atexit.register(wait)
