from askwell.medical.text import (
    MAX_TEXT_CHARS,
    clauses,
    find_quantities,
    negated_token_indexes,
    normalise,
    parse_number,
    tokenize,
    vocabulary_stem,
)


def negated_words(text: str) -> list[str]:
    tokens = tokenize(normalise(text).text)
    return [tokens[i].word for i in sorted(negated_token_indexes(tokens))]


def test_it_lowercases_and_applies_nfkc() -> None:
    assert normalise("ＣＲＡＭＰ in my Calf").text == "cramp in my calf"


def test_it_strips_control_characters_and_nuls() -> None:
    assert normalise("calf\x00 cramp\x07\x1b here").text == "calf cramp here"


def test_it_collapses_whitespace() -> None:
    assert normalise("  calf \n\t  cramp  ").text == "calf cramp"


def test_it_turns_curly_apostrophes_straight() -> None:
    assert normalise("it doesn\u2019t ease").text == "it doesn't ease"


def test_it_caps_long_text_and_reports_truncation() -> None:
    result = normalise("cramp " * 2000)
    assert result.truncated is True
    assert len(result.text) <= MAX_TEXT_CHARS
    assert normalise("calf cramp").truncated is False


def test_it_keeps_words_numbers_and_clause_punctuation_as_tokens() -> None:
    words = [t.word for t in tokenize("i'm 70, my calves cramp.")]
    assert words == ["i'm", "70", ",", "my", "calves", "cramp", "."]


def test_it_stems_inflections_to_one_form() -> None:
    assert vocabulary_stem("cramps") == vocabulary_stem("cramped") == vocabulary_stem("cramping") == "cramp"
    assert vocabulary_stem("numbness") == "numbness"


def test_it_splits_sentences_and_at_but() -> None:
    tokens = tokenize("calf cramps at night. no swelling but it hurts")
    spans = clauses(tokens)
    assert [" ".join(t.word for t in tokens[a:b]) for a, b in spans] == [
        "calf cramps at night", "no swelling", "it hurts"]


def test_it_negates_the_word_after_no() -> None:
    assert negated_words("no swelling") == ["swelling"]


def test_it_negates_after_without_denies_and_not() -> None:
    assert negated_words("cramps without numbness") == ["numbness"]
    assert negated_words("denies chest pain") == ["chest", "pain"]
    assert negated_words("the leg is not weak") == ["weak"]


def test_it_negates_both_sides_of_or() -> None:
    assert negated_words("no weakness or numbness") == ["weakness", "or", "numbness"]


def test_it_ends_negation_at_but() -> None:
    assert negated_words("no swelling but my calf is hot") == ["swelling"]


def test_it_ends_negation_at_sentence_punctuation() -> None:
    assert negated_words("no swelling. calf hot") == ["swelling"]


def test_it_carries_negation_through_a_short_comma_list() -> None:
    assert negated_words("no swelling, redness or warmth") == [
        "swelling", "redness", "or", "warmth"]


def test_it_ends_negation_at_a_comma_before_a_new_statement() -> None:
    assert negated_words("no swelling, just night cramps") == ["swelling"]
    assert negated_words("no swelling, my calf is hot") == ["swelling"]


def test_it_understands_contractions_as_denials() -> None:
    assert negated_words("i don't have any swelling") == ["have", "any", "swelling"]
    assert negated_words("it doesnt tingle") == ["tingle"]


def test_it_parses_digits_and_number_words() -> None:
    assert parse_number(["70"]) == (70.0, 1)
    assert parse_number(["seventy"]) == (70.0, 1)
    assert parse_number(["seventy", "two"]) == (72.0, 2)
    assert parse_number(["in", "my", "70s"], 2) == (75.0, 1)


def quantities(text: str) -> list[tuple[float, str | None]]:
    return [(round(q.value, 2), q.unit) for q in find_quantities(tokenize(normalise(text).text))]


def test_it_reads_minutes_and_hours_as_minutes() -> None:
    assert quantities("15 mins") == [(15.0, "minutes")]
    assert quantities("half an hour") == [(30.0, "minutes")]
    assert quantities("an hour") == [(60.0, "minutes")]
    assert quantities("a few seconds") == [(0.05, "minutes")]


def test_it_reads_days_weeks_and_months_as_weeks() -> None:
    assert quantities("2 weeks") == [(2.0, "weeks")]
    assert quantities("a fortnight") == [(2.0, "weeks")]
    assert quantities("three months") == [(13.05, "weeks")]
    assert quantities("a couple of days") == [(0.29, "weeks")]


def test_it_reads_a_hyphenated_age_as_a_number_before_years() -> None:
    assert quantities("a 70-year-old man") == [(70.0, "years")]


def test_it_does_not_read_a_cramp_as_a_number() -> None:
    assert quantities("a cramp in a calf") == []


def test_would_not_reads_as_will_not() -> None:
    from askwell.medical.text import normalise

    assert normalise("He wouldn't answer me").text == "he won't answer me"
    assert normalise("she would not wake").text == "she won't wake"


def test_a_child_who_would_not_answer_after_jerking_is_an_emergency() -> None:
    from askwell.medical.triage import triage_text

    text = "My 4 year old's whole body was jerking and he wouldn't answer me for two minutes, now he's very sleepy"
    assert triage_text(text).level == "emergency"
