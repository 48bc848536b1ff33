"""The reader's word lists come from data/text_rules.yaml, not from code."""

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from askwell.medical import quantities, reader, red_flags
from askwell.medical.data_files import load_yaml
from askwell.medical.reader import extract_facts


@pytest.fixture
def edited_text_rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """A copy of text_rules.yaml that the reader reads instead of the shipped file."""
    data = copy.deepcopy(load_yaml("text_rules.yaml"))
    for module in (reader, red_flags, quantities):
        monkeypatch.setattr(module, "load_yaml", lambda name: data if name == "text_rules.yaml" else load_yaml(name))
    quantities.number_words.cache_clear()
    red_flags._people.cache_clear()
    yield data
    quantities.number_words.cache_clear()
    red_flags._people.cache_clear()


def test_the_shipped_ages_and_pregnancy_words_are_read() -> None:
    assert extract_facts("he is 70 and gets cramps").age == 70
    assert extract_facts("calf cramps, aged 70").age == 70
    assert extract_facts("im 28 weeks gone").pregnancy_week == 28


def test_a_person_word_reads_an_age_only_while_the_file_lists_it(edited_text_rules: dict[str, Any]) -> None:
    edited_text_rules["ages"]["person_words"].remove("he")
    assert extract_facts("he is 70 and gets cramps").age is None
    assert extract_facts("she is 70 and gets cramps").age == 70


def test_the_words_around_a_number_come_from_the_file(edited_text_rules: dict[str, Any]) -> None:
    edited_text_rules["ages"]["words_before"] = ["turning"]
    edited_text_rules["pregnancy_weeks"]["words_after"] = ["pregnancy"]
    assert extract_facts("calf cramps, aged 70").age is None
    assert extract_facts("calf cramps, turning 70").age == 70
    # (the red-flag reader has its own, wider reading of pregnancy weeks: not tested here)
    assert extract_facts("im 28 weeks gone").pregnancy_week is None


def test_the_shipped_people_words_are_read() -> None:
    assert extract_facts("my nephew has a rash").about == "child"
    assert extract_facts("my gran 89 has a bad headache").age == 89


def test_who_a_text_is_about_comes_from_the_file(edited_text_rules: dict[str, Any]) -> None:
    edited_text_rules["people"]["child"].remove("nephew")
    edited_text_rules["people"]["adult"].remove("gran")
    assert extract_facts("my nephew has a rash").about == "self"
    assert extract_facts("my gran 89 has a bad headache").age is None


def test_no_red_flag_phrase_shrinks_to_one_word_it_does_not_mean() -> None:
    """The reader drops filler words ("like", "my", "little", "very" ...) before matching, so
    "like my usual" was the one word "usual" (and hid a new vision problem behind "worse
    than my usual headache"), and "little one" was "one". A phrase of several words must
    keep two words after the fillers, or its one word must be listed alone in the same sign
    (then the longer phrase says nothing more)."""
    from askwell.medical.data_files import load_yaml
    from askwell.medical.red_flags import load_red_flag_lexicon
    from askwell.medical.text import normalise, tokenize

    fillers = load_red_flag_lexicon().phrases.fillers
    shrunk = []
    for sign, phrases in load_yaml("red_flags.yaml")["signs"].items():
        alone = {tokens[0].stem for phrase in phrases
                 if len(tokens := tokenize(normalise(str(phrase)).text)) == 1}
        for phrase in phrases:
            words = [t for t in tokenize(normalise(str(phrase)).text) if t.word != "~"]
            content = [t for t in words if t.word not in fillers]
            if len(words) > 1 and len(content) == 1 and content[0].stem not in alone:
                shrunk.append((sign, phrase))
    assert not shrunk, shrunk


def test_no_spasm_lexicon_phrase_shrinks_to_one_word_it_does_not_mean() -> None:
    """The same for the spasm reader's lexicon: "little water" was the one word "water" (a
    low-fluid habit for "I drink lots of water"), "little urine" was "urine"."""
    from askwell.medical.data_files import load_yaml
    from askwell.medical.phrases import load_phrase_index
    from askwell.medical.text import normalise, tokenize

    fillers = load_phrase_index().fillers

    def lists(node: object) -> list[list[object]]:
        if isinstance(node, dict):
            return [found for value in node.values() for found in lists(value)]
        return [node] if isinstance(node, list) else []

    shrunk = []
    for phrases in lists({key: value for key, value in load_yaml("facts_lexicon.yaml").items() if key != "ignore"}):
        texts = [str(phrase) for phrase in phrases if isinstance(phrase, str)]
        alone = {tokens[0].stem for text in texts if len(tokens := tokenize(normalise(text).text)) == 1}
        for text in texts:
            words = [t for t in tokenize(normalise(text).text) if t.word != "~"]
            content = [t for t in words if t.word not in fillers]
            if len(words) > 1 and len(content) == 1 and content[0].stem not in alone:
                shrunk.append(text)
    assert not shrunk, shrunk


def test_every_insect_bite_phrase_is_also_a_bite_or_sting() -> None:
    """A longer phrase hides the shorter signs inside it: "bitten by something" read only as
    an insect bite lost the bite_or_sting that the infected-bite rule needs."""
    from askwell.medical.data_files import load_yaml

    signs = load_yaml("red_flags.yaml")["signs"]
    assert set(signs["insect_bite"]) <= set(signs["bite_or_sting"])
