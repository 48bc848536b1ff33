import pytest

from askwell.answers import ranking
from askwell.answers.lexicon import default_lexicon
from askwell.answers.ranking import CorpusStats, Document, analyse, highlight, normalise_query, rerank, search_stem
from askwell.answers.spelling import SpellingCorrector

CORRECTOR = SpellingCorrector.from_words(["cramp", "night", "calf", "twitching", "eyelid"])


def test_stems_agree_across_word_forms() -> None:
    assert search_stem("cramps") == search_stem("cramping") == search_stem("cramped") == search_stem("cramp")
    assert search_stem("stretches") == search_stem("stretching") == search_stem("stretch")


def test_lay_terms_add_knowledge_words_with_a_lower_weight() -> None:
    plan = analyse("charley horse", default_lexicon(), CORRECTOR)
    weights = {t.word: t.weight for t in plan.terms}
    assert weights["charley"] == 1.0 and weights["calf"] < 1.0


def test_the_backend_only_ever_sees_plain_words() -> None:
    plan = analyse('"calf" NEAR(x*) -cramp^ title:(night)', default_lexicon(), CORRECTOR)
    assert all(word.isalnum() and word.islower() or word.isdigit() for word in plan.backend_words)


def test_long_queries_are_cut_and_flagged() -> None:
    text, truncated = normalise_query("cramp " * 200)
    assert truncated and len(text) <= 500


def test_control_characters_become_spaces() -> None:
    assert normalise_query("calf\x00cramp\x07") == ("calf cramp", False)


def test_highlight_escapes_html_and_marks_matches() -> None:
    assert highlight("<b>Calf</b> cramps hurt", {"calf", "cramp"}) == (
        "&lt;b&gt;<mark>Calf</mark>&lt;/b&gt; <mark>cramps</mark> hurt"
    )


def _documents() -> list[Document]:
    return [
        Document(id=1, key="locations/calf", kind="topic", title="Calf cramps", synonyms="",
                 body="Stretch the leg to ease it.", url="", source="knowledge"),
        Document(id=2, key="overview", kind="topic", title="What a spasm is", synonyms="calf cramp\ncramp in the calf\ncalf cramp at night",  # noqa: E501
                 body="A calf cramp is a common spasm. Cramps come and go in the calf.", url="", source="knowledge"),
        Document(id=3, key="locations/back", kind="topic", title="Back spasms", synonyms="",
                 body="The back went stiff and tight after lifting.", url="", source="knowledge"),
    ]


def test_a_question_holding_a_whole_title_ranks_that_topic_first(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = _documents()
    stats = CorpusStats.of(documents)
    plan = analyse("cramps in the calf", default_lexicon(), CORRECTOR)
    assert rerank(plan, documents, stats)[0].document.key == "locations/calf"
    # The title bonus is what decides it: without it the overview's repeated mentions win.
    monkeypatch.setattr(ranking, "TITLE_BONUS", 0.0)
    assert rerank(plan, documents, stats)[0].document.key == "overview"


def test_filler_verbs_are_not_search_words() -> None:
    plan = analyse("calf went hard", default_lexicon(), CORRECTOR)
    assert "went" not in {term.word for term in plan.terms}


def test_a_lay_word_the_knowledge_base_never_uses_lends_its_full_weight_to_its_meaning() -> None:
    documents = _documents()
    stats = CorpusStats.of(documents)
    plan = analyse("er", default_lexicon(), CORRECTOR)  # lexicon: er -> emergency
    assert {t.word: t.weight for t in plan.terms}["emergency"] < 1.0
    assert ranking._term_weights(plan, stats)["emergency"] == 1.0
    # A lay word the knowledge base does use ("tight") keeps its meaning's lower weight.
    corrector = SpellingCorrector.from_words(["tight", "muscle"])
    plan = analyse("tight", default_lexicon(), corrector)  # lexicon: tight -> tight muscle
    assert ranking._term_weights(plan, stats)["muscl"] < 1.0


def test_medicine_brand_names_reach_the_knowledge_base_words() -> None:
    plan = analyse("will tylenol help", default_lexicon(), CORRECTOR)
    assert "painkillers" in {t.word for t in plan.terms}


def _snippet_of(body: str, question: str, max_chars: int = 260) -> str:
    document = Document(id=1, key="k", kind="topic", title="Cramps", synonyms="", body=body, url="/k/",
                        source="knowledge")
    stats = CorpusStats.of([document])
    return ranking.document_snippet(document, analyse(question, default_lexicon(), CORRECTOR), stats,
                                    max_chars=max_chars)


def test_a_snippet_starts_at_the_sentence_worth_most_to_the_question() -> None:
    body = "Stretching helps. Night cramps wake people. Calf cramps at night are common. Drink water."
    assert _snippet_of(body, "calf cramp at night", max_chars=40) == "Calf cramps at night are common."


def test_a_snippet_takes_the_earliest_of_equal_sentences_and_the_following_ones_that_fit() -> None:
    body = "Fluids matter. Eyelid twitching is harmless. Twitching eyelid again here. Rest well."
    expected = "Eyelid twitching is harmless. Twitching eyelid again here."
    assert _snippet_of(body, "eyelid twitching", max_chars=60) == expected


def test_a_snippet_of_a_body_sharing_no_word_with_the_question_starts_at_the_beginning() -> None:
    assert _snippet_of("First sentence here. Second one.", "eyelid") == "First sentence here. Second one."
