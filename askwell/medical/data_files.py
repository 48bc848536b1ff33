"""Loading the YAML data files shipped in askwell/medical/data/ (read once, then cached)."""

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


@cache
def load_yaml(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_SafeLoader)  # noqa: S506 - a safe loader, C or Python
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: expected a mapping at the top level")
    return data
