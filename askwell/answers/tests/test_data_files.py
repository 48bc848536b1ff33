"""The search engine's word lists come from its data files (askwell/answers/data/)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from askwell.answers import data_files
from askwell.answers.lexicon import default_lexicon
from askwell.answers.ranking import STOPWORDS, analyse
from askwell.answers.spelling import SpellingCorrector
from askwell.medical.data_files import DataFileError


def test_the_stop_words_are_the_words_of_their_data_file() -> None:
    shipped = yaml.safe_load((data_files.DATA_DIR / "stopwords.yaml").read_text(encoding="utf-8"))
    assert frozenset(shipped["words"].split()) == STOPWORDS
    assert {"the", "what", "dont"} <= STOPWORDS
    assert "cramp" not in STOPWORDS


def test_a_stop_word_is_no_search_term() -> None:
    plan = analyse("what is the cramp", default_lexicon(), SpellingCorrector.from_words(["cramp"]))
    assert [term.word for term in plan.terms] == ["cramp"]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(data_files, "DATA_DIR", tmp_path)
    data_files.load_yaml.cache_clear()
    yield tmp_path
    data_files.load_yaml.cache_clear()


def test_a_word_list_is_read_from_the_file_named(data_dir: Path) -> None:
    (data_dir / "words.yaml").write_text("words: >-\n  alpha beta\n  gamma\n", encoding="utf-8")
    assert data_files.load_word_list("words.yaml") == {"alpha", "beta", "gamma"}


@pytest.mark.parametrize("text", ["- not\n- a mapping\n", "words: 3\n", "other: alpha\n", "words: ''\n"])
def test_a_malformed_word_list_is_refused_at_load_time(data_dir: Path, text: str) -> None:
    (data_dir / "words.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError):
        data_files.load_word_list("words.yaml")
