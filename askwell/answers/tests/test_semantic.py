"""The optional semantic model: passages, similarities, loading, and the ranking blend."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from django.conf import settings
from django.utils import timezone

from askwell.answers import engine, semantic
from askwell.answers.lexicon import default_lexicon
from askwell.answers.ranking import CorpusStats, Document, Ranked, analyse, is_confident, rerank
from askwell.answers.spelling import SpellingCorrector

MODEL = settings.SEMANTIC_MODEL_DIR
needs_model = pytest.mark.skipif(
    (MODEL is None or not (MODEL / "model.onnx").exists()) and os.environ.get("CI") != "true",
    reason="the semantic model is not built here (make install builds it; CI must have it)",
)


def test_a_topic_is_compared_by_its_title_its_questions_its_text_and_its_keywords() -> None:
    topic = semantic.TopicText("calf", "Calf cramps", "The first part of the text.\n\n" + "word " * 70,
                               keywords=["charley horse"], asks=["why does my calf cramp"])
    found = semantic.passages(topic)
    assert found[:2] == ["Calf cramps", "why does my calf cramp"]
    assert "Calf cramps: The first part of the text." in found
    # a long paragraph is cut into stretches the model can weigh one at a time
    assert sum(p.startswith("Calf cramps: word") for p in found) == 2
    assert found[-1] == "Calf cramps: charley horse"


def test_a_topic_scores_by_its_closest_passage() -> None:
    vectors = semantic.TopicVectors(
        keys=("a", "b"), owner=np.array([0, 0, 1]),
        matrix=np.array([[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]], dtype=np.float32))
    similarities = vectors.similarities(np.array([0.0, 1.0], dtype=np.float32))
    assert similarities == pytest.approx({"a": 1.0, "b": 0.8})


def test_every_topic_gets_the_best_of_its_own_passages_only() -> None:
    rng = np.random.default_rng(3)
    counts = [1, 4, 1, 2, 7, 1]  # passages per topic, one and several, first and last
    owner = np.repeat(np.arange(len(counts)), counts)
    matrix = rng.normal(size=(len(owner), 8)).astype(np.float32)
    query = rng.normal(size=8).astype(np.float32)
    keys = tuple(f"topic-{i}" for i in range(len(counts)))
    similarities = semantic.TopicVectors(keys=keys, owner=owner, matrix=matrix).similarities(query)
    sims = matrix @ query
    assert similarities == pytest.approx({key: float(sims[owner == i].max()) for i, key in enumerate(keys)})


def test_a_missing_model_means_words_alone_and_says_so(tmp_path: Path) -> None:
    encoder, status = semantic.load_encoder(tmp_path / "nowhere")
    assert encoder is None and "lexical ranking only" in status and "make install" in status
    encoder, status = semantic.load_encoder(None)
    assert encoder is None and "switched off" in status


def test_a_corrupt_model_file_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "model.onnx").write_bytes(b"not a model")
    (tmp_path / "tokenizer.json").write_text("{}")
    encoder, status = semantic.load_encoder(tmp_path)
    assert encoder is None and "failed to load" in status


def _document(key: str, body: str) -> Document:
    return Document(id=len(key), key=key, kind="topic", title=key, synonyms="", body=body, url="",
                    source="knowledge")


def test_meaning_reorders_and_brings_in_topics_without_a_shared_word() -> None:
    documents = [_document("stretching", "stretch the calf slowly"), _document("heat", "a warm bath eases it"),
                 _document("community", "calf stretch answer")]
    stats = CorpusStats.of(documents)
    plan = analyse("calf stretch", default_lexicon(), SpellingCorrector.from_words(["calf", "stretch"]))
    meaning = {"stretching": 0.2, "heat": 0.9}  # "community" has no vector: a community question

    ranked = rerank(plan, documents, stats, similarity=lambda d: meaning.get(d.key))
    keys = [r.document.key for r in ranked]
    assert "heat" in keys  # no shared word, close in meaning
    by_key = {r.document.key: r for r in ranked}
    assert by_key["community"].similarity is None
    # without a vector a document keeps its share of the best word score
    assert by_key["community"].score == pytest.approx(by_key["community"].words)
    words_only = rerank(plan, documents, stats)
    assert "heat" not in [r.document.key for r in words_only]


def test_confidence_follows_meaning_when_the_model_saw_the_document() -> None:
    document = _document("a", "text")
    assert is_confident(Ranked(document, 0.1, 0.1, similarity=0.8, words=0.1))
    assert not is_confident(Ranked(document, 50.0, 1.0, similarity=0.5, words=50.0))
    # a document without a vector (an answered community question) is judged by its words
    assert is_confident(Ranked(document, 50.0, 1.0, similarity=None, words=50.0))


def test_a_little_less_closeness_is_enough_when_every_signal_agrees() -> None:
    document = _document("a", "text")
    agreeing = Ranked(document, 1.0, 1.0, similarity=0.70, words=1.0, answers_asked=True, agreed=True)
    assert is_confident(agreeing)
    assert not is_confident(replace(agreeing, agreed=False))  # another is first by words or meaning
    assert not is_confident(replace(agreeing, answers_asked=False))  # answers another kind of question
    assert not is_confident(replace(agreeing, answers_asked=None))  # no kind of question recognised
    assert not is_confident(replace(agreeing, similarity=0.60))


def test_the_first_answer_is_marked_agreed_only_when_first_by_words_and_by_meaning() -> None:
    stats_documents = [_document("calf", "calf cramp stretch calf"), _document("night", "night cramp calf")]
    stats = CorpusStats.of(stats_documents)
    plan = analyse("calf cramp", default_lexicon(), SpellingCorrector(["calf", "cramp"]))
    agreeing = rerank(plan, stats_documents, stats, similarity=lambda d: {"calf": 0.8, "night": 0.5}[d.key])
    assert agreeing[0].document.key == "calf" and agreeing[0].agreed
    assert not any(r.agreed for r in agreeing[1:])
    # the words favour "calf" but the meaning favours "night": they do not agree
    split = rerank(plan, stats_documents, stats, similarity=lambda d: {"calf": 0.5, "night": 0.52}[d.key])
    assert not split[0].agreed


@needs_model
def test_the_model_puts_a_paraphrase_closer_than_an_unrelated_sentence() -> None:
    encoder, status = semantic.load_encoder(MODEL)
    assert encoder is not None, status
    question, paraphrase, unrelated = encoder.encode(
        ["why do my calves cramp at night", "night-time leg cramps in the calf muscle", "how to bake sourdough bread"])
    assert float(question @ paraphrase) > float(question @ unrelated) + 0.3
    assert np.linalg.norm(question) == pytest.approx(1.0, abs=1e-3)


@needs_model
def test_a_texts_vector_does_not_depend_on_the_texts_encoded_with_it() -> None:
    # Dynamic INT8 quantisation takes one scale per run: texts run together would each get
    # a vector shaped by the others (editing one topic would move unrelated topics' scores).
    encoder, status = semantic.load_encoder(MODEL)
    assert encoder is not None, status
    passage = "Calf cramps: a sudden tight pain in the back of the lower leg, often at night."
    long_neighbour = "Stretching: " + "hold the stretch gently for thirty seconds and breathe slowly. " * 8
    alone = encoder.encode([passage])[0]
    assert np.array_equal(encoder.encode([long_neighbour, passage, "x"])[1], alone)
    assert np.array_equal(encoder.encode_one(passage), alone)


@needs_model
@pytest.mark.django_db
def test_the_engine_answers_with_and_without_the_model() -> None:
    from askwell.answers.search import answer

    engine.use_semantic(True)
    with_model = answer("how do I get rid of a charley horse")
    assert engine.encoder() is not None and "loaded" in engine.semantic_status()
    engine.use_semantic(False)
    try:
        without = answer("how do I get rid of a charley horse")
        assert engine.encoder() is None and "switched off" in engine.semantic_status()
    finally:
        engine.use_semantic(True)
    assert with_model["answers"] and without["answers"]
    assert with_model["scope"] == without["scope"] == "covered"


def test_the_start_up_line_says_whether_the_model_is_there_without_loading_it(
        tmp_path: Path, settings: pytest.FixtureRequest) -> None:
    settings.SEMANTIC_MODEL_DIR = tmp_path  # type: ignore[attr-defined]
    engine.use_semantic(True)
    try:
        assert "not found" in engine.semantic_status(load=False)
        assert engine._encoder_status is None  # nothing was loaded
    finally:
        engine.use_semantic(True)


@pytest.mark.django_db
def test_an_answered_community_question_answers_what_its_title_asked() -> None:
    from askwell.answers.search import answer, index_question

    index_question(9101, "Why do I get toe cramps when swimming?",
                   "Answer: cold water and tired feet.", "/questions/9101/", True)
    index_question(9102, "Best way to ease toe cramps when swimming", "Answer: point the toes up.",
                   "/questions/9102/", True)
    engine.forget()
    # More words are shared with the first, but the second answers what is asked.
    ranked = [a["topic"] for a in answer("how do I get rid of toe cramps when swimming")["answers"]]
    assert ranked.index("question/9102") < ranked.index("question/9101")


@pytest.mark.django_db
def test_a_fresh_process_reads_the_saved_engine_state_instead_of_building_it() -> None:
    from unittest import mock

    engine.forget()
    built = engine.state()
    engine.forget()
    with mock.patch.object(engine, "_build", side_effect=AssertionError("built again")):
        loaded = engine.state()
    assert loaded.signature == built.signature and loaded.documents.keys() == built.documents.keys()


@pytest.mark.django_db
def test_a_saved_state_is_not_read_when_the_knowledge_changed() -> None:
    from askwell.knowledge.models import Pack

    engine.forget()
    before = engine.state()
    Pack.objects.update(loaded_at=timezone.now())
    engine.forget()
    assert engine.state().signature != before.signature


@pytest.mark.django_db
def test_asked_whether_to_see_a_doctor_a_page_that_says_when_is_among_the_first_three() -> None:
    from askwell.answers.search import answer

    engine.forget()
    top = [a["topic"] for a in answer("Do I need to see a doctor for Charley horse ?")["answers"][:3]]
    assert {"faq/see-a-doctor", "care/when-to-see-a-doctor"} & set(top), top


@needs_model
def test_the_optimised_graph_is_kept_and_gives_the_same_vectors(tmp_path: Path) -> None:
    assert MODEL is not None
    first = semantic.Encoder(MODEL, tmp_path)
    kept = list(tmp_path.glob("model-optimised-*.onnx"))
    assert len(kept) == 1 and not list(tmp_path.glob("*.partial.onnx"))
    again = semantic.Encoder(MODEL, tmp_path)  # loads the kept graph as it is
    text = ["my calf cramps at night"]
    assert np.allclose(first.encode(text), again.encode(text), atol=1e-6)
    assert np.allclose(first.encode(text), semantic.Encoder(MODEL).encode(text), atol=1e-6)
    kept[0].write_bytes(b"damaged")  # a damaged copy is optimised again, not an error
    assert np.allclose(semantic.Encoder(MODEL, tmp_path).encode(text), first.encode(text), atol=1e-6)
