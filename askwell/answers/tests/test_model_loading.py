"""The sentence model loaded on a second thread while Django sets up (`askwell ask`): the engine
uses what it loaded, and a load that fails there still answers, with words alone, and says so."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from askwell.answers import engine, model_loading, semantic
from askwell.answers.tests.test_semantic import needs_model


@pytest.fixture(autouse=True)
def _fresh_engine() -> Iterator[None]:
    """Each test starts with no model loaded and no load started, and leaves it so."""
    engine.use_semantic(True)
    yield
    model_loading.wait()
    model_loading._started = None
    engine.use_semantic(True)


@needs_model
def test_the_engine_uses_the_model_loaded_on_the_second_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[tuple[object, ...]] = []

    def counted(*args: Path | None) -> tuple[semantic.Encoder | None, str]:
        loads.append(args)
        return load_encoder(*args)

    load_encoder = semantic.load_encoder
    monkeypatch.setattr(semantic, "load_encoder", counted)
    model_loading.start()
    assert engine.encoder() is not None
    assert len(loads) == 1, "the engine loaded the model again"
    assert "loaded" in engine.semantic_status()
    assert model_loading._started is None  # taken once; a later load is the engine's own


def test_a_load_for_another_model_directory_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model_loading.start()
    monkeypatch.setattr(settings, "SEMANTIC_MODEL_DIR", tmp_path)  # the settings changed since
    assert engine.encoder() is None
    assert "not found in" in engine.semantic_status()


@pytest.mark.django_db
def test_a_load_that_fails_on_the_second_thread_answers_with_words_alone_and_says_so(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> object:
        raise RuntimeError("no memory for the session")

    monkeypatch.setattr(semantic, "load_encoder", broken)
    model_loading.start()
    out, err = StringIO(), StringIO()
    call_command("ask", "why do my calves cramp at night", stdout=out, stderr=err)
    assert "note: semantic model failed to load (no memory for the session): lexical ranking only" in err.getvalue()
    assert "1. " in out.getvalue()  # answers, ranked by their words
    assert engine.encoder() is None


def test_a_process_ending_early_lets_the_load_under_way_finish(monkeypatch: pytest.MonkeyPatch) -> None:
    """`askwell ask --limit 0 x` ends on an error before it asks for the model: the process
    waits for the load (at exit, or before it execs) instead of tearing ONNX Runtime down
    under it, or leaving half an optimised model behind."""
    loading = threading.Event()

    def slow(*args: object) -> tuple[None, str]:
        loading.set()
        time.sleep(0.2)
        return None, "loaded late"

    monkeypatch.setattr(semantic, "load_encoder", slow)
    model_loading.start()
    assert loading.wait(10)
    model_loading.wait()
    started = model_loading._started
    assert started is not None and not started._thread.is_alive()
    assert started.result() == (None, "loaded late")
