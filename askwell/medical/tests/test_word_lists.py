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
