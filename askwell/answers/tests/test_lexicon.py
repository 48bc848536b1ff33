import pytest

from askwell.answers.lexicon import LexiconError, default_lexicon, parse_lexicon, words_of


def expand(text: str) -> set[str]:
    return set(default_lexicon().expand_text(text))


def test_the_shipped_lexicon_file_is_valid() -> None:
    lexicon = default_lexicon()
    assert len(lexicon.lay_terms) > 100
    assert len(lexicon.misspellings) > 30


@pytest.mark.parametrize(
    ("lay", "expected"),
    [
        ("charley horse", {"calf", "cramp"}),
        ("water pill", {"diuretic"}),
        ("eye twitch", {"fasciculation"}),
        ("preggers", {"pregnancy"}),
        ("pins and needles", {"tingling"}),
        ("few pints", {"alcohol"}),
        ("night out", {"alcohol"}),
        ("poor sleep", {"sleep", "rest"}),
    ],
)
def test_it_maps_lay_terms_to_knowledge_base_words(lay: str, expected: set[str]) -> None:
    assert expected <= expand(f"I have a {lay} again")


def test_it_respells_common_misspellings() -> None:
    assert default_lexicon().respell(["leg", "cramps", "at", "nite"]) == ["leg", "cramps", "at", "night"]


def test_the_longest_phrase_wins_and_phrases_do_not_overlap() -> None:
    lexicon = parse_lexicon({"lay_terms": {"water": "fluid", "water pill": "diuretic"}, "misspellings": {}})
    found = lexicon.expansions(["a", "water", "pill"])
    assert [(e.phrase, e.terms) for e in found] == [(("water", "pill"), ("diuretic",))]


def test_words_drop_punctuation_and_apostrophes() -> None:
    assert words_of("What's a 'charley-horse'?!") == ["whats", "a", "charley", "horse"]


def test_it_rejects_entries_that_are_not_plain_lower_case_words() -> None:
    with pytest.raises(LexiconError, match="Cramp"):
        parse_lexicon({"lay_terms": {"Cramp!": "cramp"}, "misspellings": {}})


def test_it_rejects_a_misspelling_of_several_words() -> None:
    with pytest.raises(LexiconError, match="one word"):
        parse_lexicon({"lay_terms": {}, "misspellings": {"crampcalf": "calf cramp"}})


def test_it_rejects_a_file_without_sections() -> None:
    with pytest.raises(LexiconError):
        parse_lexicon(["not", "a", "mapping"])


def test_people_terms_name_only_who_the_medical_reader_can_tell() -> None:
    assert set(default_lexicon().people_terms) <= {"baby", "child", "older_adult", "pregnancy"}
    with pytest.raises(LexiconError, match="teenager"):
        parse_lexicon({"lay_terms": {}, "misspellings": {}, "people_terms": {"teenager": "teen"}})
