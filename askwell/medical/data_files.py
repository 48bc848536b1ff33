"""Loading the YAML data files shipped in askwell/medical/data/ (read once, then cached)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


class DataFileError(ValueError):
    """A shipped data file is malformed; raised at load time, never per request."""


@cache
def load_yaml(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: expected a mapping at the top level")
    return data
