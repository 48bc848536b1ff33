"""Reading shipped data files: the parsed form kept beside each file, as bytecode is."""

from __future__ import annotations

from pathlib import Path

import pytest

from askwell.medical.data_files import DataFileError, read_yaml


def test_a_file_is_parsed_once_and_read_back_from_its_kept_form(tmp_path: Path) -> None:
    data_file = tmp_path / "rules.yaml"
    data_file.write_text("words: [calf, foot]\n", encoding="utf-8")
    assert read_yaml(data_file) == {"words": ["calf", "foot"]}
    kept = list((tmp_path / "__pycache__").glob("rules.yaml.*.pickle"))
    assert len(kept) == 1
    assert read_yaml(data_file) == {"words": ["calf", "foot"]}


def test_an_edited_file_is_parsed_again_and_its_old_form_removed(tmp_path: Path) -> None:
    data_file = tmp_path / "rules.yaml"
    data_file.write_text("words: [calf]\n", encoding="utf-8")
    read_yaml(data_file)
    data_file.write_text("words: [neck]\n", encoding="utf-8")
    assert read_yaml(data_file) == {"words": ["neck"]}
    assert len(list((tmp_path / "__pycache__").glob("rules.yaml.*.pickle"))) == 1


def test_a_damaged_kept_form_is_ignored(tmp_path: Path) -> None:
    data_file = tmp_path / "rules.yaml"
    data_file.write_text("words: [calf]\n", encoding="utf-8")
    read_yaml(data_file)
    for kept in (tmp_path / "__pycache__").glob("*.pickle"):
        kept.write_bytes(b"not a pickle")
    assert read_yaml(data_file) == {"words": ["calf"]}


def test_a_folder_that_cannot_be_written_only_costs_the_parse(tmp_path: Path) -> None:
    data_file = tmp_path / "rules.yaml"
    data_file.write_text("words: [calf]\n", encoding="utf-8")
    (tmp_path / "__pycache__").write_text("a file where the folder would be", encoding="utf-8")
    assert read_yaml(data_file) == {"words": ["calf"]}


def test_a_file_that_is_not_a_mapping_is_refused_even_when_kept(tmp_path: Path) -> None:
    data_file = tmp_path / "rules.yaml"
    data_file.write_text("- just\n- a list\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataFileError):
            read_yaml(data_file)
