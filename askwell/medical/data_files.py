"""Loading the YAML data files shipped in askwell/medical/data/ (read once, then cached).

`read_yaml` is the one way a shipped data file is parsed; askwell/answers/data_files.py
uses it for the search engine's own files.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


class DataFileError(ValueError):
    """A shipped data file is malformed; raised at load time, never per request."""


# libyaml's C parser reads the data files about ten times faster than the pure-Python one
# (most of `askwell ask`'s start-up); PyYAML falls back to Python where it is not built.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> dict[str, Any]:
    """A data file's top-level mapping (not cached: callers cache what they build from it)."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_SafeLoader)  # noqa: S506 - a safe loader, C or Python
    if not isinstance(data, dict):
        raise DataFileError(f"{path.name}: expected a mapping at the top level")
    return data


def read_word_list(data: dict[str, Any], key: str, name: str) -> frozenset[str]:
    """A list of words kept as one block of text under `key` (one or more per line)."""
    words = data.get(key)
    if not isinstance(words, str) or not words.split():
        raise DataFileError(f"{name}: {key} must be a block of words")
    return frozenset(words.split())


@cache
def load_yaml(name: str) -> dict[str, Any]:
    return read_yaml(DATA_DIR / name)
