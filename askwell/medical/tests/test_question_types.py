"""What a question asks (askwell/medical/question_types.py)."""

from __future__ import annotations

import pytest

from askwell.medical.question_types import question_type_names, question_types


@pytest.mark.parametrize(("text", "types"), [
    ("What causes Charley horse ?", {"cause"}),
    ("why do my calves cramp at night", {"cause"}),
    ("What are the symptoms of Charley horse ?", {"symptoms"}),
    ("Do I need to see a doctor for Charley horse ?", {"see_doctor"}),
    ("How do you relieve muscle spasms?", {"relief"}),
    ("how can I prevent cramps when I run", {"prevention"}),
    ("What is (are) Torticollis ?", {"what_is"}),
    ("how long does a cramp last", {"outlook"}),
    ("charley horse", set()),
])
def test_it_reads_the_type_of_question(text: str, types: set[str]) -> None:
    assert question_types(text) == types


def test_in_a_long_message_the_sentence_that_asks_decides() -> None:
    story = ("I have leg cramps at night quite often. They started after my doctor changed my tablets. "
             "What can I do?")
    assert question_types(story) == {"relief"}


def test_the_types_are_a_fixed_vocabulary() -> None:
    assert set(question_type_names()) == {
        "what_is", "cause", "symptoms", "relief", "prevention", "see_doctor", "outlook", "side_effects", "where"}


@pytest.mark.parametrize(("text", "types"), [
    ("which muscles cramp the most?", {"where"}),
    ("where do people usually get spasms", {"where"}),
    ("how do I get my shoulders to relax", {"relief"}),
])
def test_where_on_the_body_and_getting_muscles_to_let_go_are_read(text: str, types: set[str]) -> None:
    assert types <= question_types(text)


def test_a_long_message_has_an_asking_part() -> None:
    from askwell.medical.question_types import asking_part

    story = ("I have leg cramps at night quite often and they wake me up most nights now. My doctor changed "
             "my blood pressure tablets last month and I walk the dog every day. What can I do about it?")
    assert asking_part(story) == "what can i do about it ?"
    assert asking_part("what can I do about leg cramps?") is None


def test_the_words_that_say_the_type_are_kept_apart_from_the_subject() -> None:
    from askwell.medical.question_types import read_question

    question = read_question("How do you relieve muscle spasms?")
    assert question.types == {"relief"}
    assert {"relieve"} <= question.cue_words
    assert not {"muscle", "spasms"} & question.cue_words
    assert read_question("calf cramp").cue_words == frozenset()


@pytest.mark.parametrize("text", [
    "what does a hamstring cramp feel like",
    "what does a hamstring cramp actually feel like?",
    "what do hamstring cramps really feel like",
])
def test_words_a_cue_steps_over_are_the_subject_not_the_cue(text: str) -> None:
    from askwell.medical.question_types import read_question

    question = read_question(text)
    assert question.types == {"symptoms"}
    assert {"what", "feel"} <= question.cue_words
    assert not {"hamstring", "cramp", "cramps"} & question.cue_words


def test_a_question_is_one_by_its_mark_or_its_opening_word() -> None:
    from askwell.medical.question_types import read_question

    assert read_question("Do I need to see a doctor for charley horse").is_question
    assert read_question("cramps again. Should I be concerned?").is_question
    assert not read_question("my son's tics get worse when he is worried about school").is_question


def test_lead_types_are_known_types() -> None:
    from askwell.medical.question_types import leading_types, question_type_names

    assert leading_types() and leading_types() <= set(question_type_names())


@pytest.mark.parametrize("text", [
    "which symptoms with a leg cramp mean I should go to A&E?",
    "what are the warning signs that a cramp is serious",
])
def test_asking_which_signs_need_a_doctor_asks_when_to_see_one(text: str) -> None:
    assert question_types(text) == {"see_doctor"}


def test_what_it_is_still_yields_to_any_other_type() -> None:
    assert question_types("What are the symptoms of a charley horse?") == {"symptoms"}
