from askwell.answers.spelling import SpellingCorrector, edit_distance

VOCABULARY = ["cramp", "cramps", "night", "calf", "twitching", "electrolytes", "circulation", "dehydration", "massage"]


def corrector() -> SpellingCorrector:
    return SpellingCorrector.from_words(VOCABULARY + ["cramp"])


def test_it_corrects_a_typo_to_the_nearest_vocabulary_word() -> None:
    fix = corrector().correct
    assert [fix(w) for w in ["cramb", "nihgt", "twiching", "elecrtolytes", "circulaton", "masage"]] == [
        "cramp", "night", "twitching", "electrolytes", "circulation", "massage"]


def test_it_never_corrects_a_word_in_the_vocabulary() -> None:
    assert corrector().correct("calf") == "calf"


def test_it_never_corrects_a_word_the_index_knows() -> None:
    assert corrector().correct("cramo", is_known=lambda word: word == "cramo") == "cramo"
    assert corrector().correct("cramo", is_known=lambda word: False) == "cramp"


def test_it_leaves_short_words_numbers_and_far_words_alone() -> None:
    fix = corrector().correct
    assert [fix(w) for w in ["ab", "123", "passport", "xyzzy"]] == ["ab", "123", "passport", "xyzzy"]


def test_ties_go_to_the_more_frequent_word() -> None:
    spelling = SpellingCorrector({"cramp": 10, "clamp": 1})
    assert spelling.correct("cxamp") == "cramp"


def test_edit_distance_counts_a_transposition_as_one_edit() -> None:
    assert edit_distance("nihgt", "night") == 1
    assert edit_distance("cramp", "cramp") == 0
    assert edit_distance("a", "abcdef", limit=2) == 3
