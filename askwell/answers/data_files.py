"""Loading the search engine's YAML data files in askwell/answers/data/ (read once). No Django.

Parsed like the core's data files (askwell/medical/data_files.py: libyaml when built, a
mapping at the top level or DataFileError at load time).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from askwell.medical.data_files import read_word_list, read_yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_yaml(name: str) -> dict[str, Any]:
    return read_yaml(DATA_DIR / name)


def load_word_list(name: str, key: str = "words") -> frozenset[str]:
    """A word list data file: its words under `key`, one block of text."""
    return read_word_list(load_yaml(name), key, name)
