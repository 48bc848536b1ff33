from askwell.answers.english import is_common_english


def test_everyday_words_are_english() -> None:
    assert is_common_english("screaming") and is_common_english("ear")


def test_typos_and_rare_listings_are_not() -> None:
    assert not is_common_english("twiching")
    assert not is_common_english("mussel")  # listed, but rarely: still corrected to "muscle"
