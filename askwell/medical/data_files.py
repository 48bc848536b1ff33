"""Loading the YAML data files shipped in askwell/medical/data/ (read once, then cached).

`read_yaml` is the one way a shipped data file is parsed; askwell/answers/data_files.py
uses it for the search engine's own files.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
Built = TypeVar("Built")


class DataFileError(ValueError):
    """A shipped data file is malformed; raised at load time, never per request."""


# libyaml's C parser reads the data files about ten times faster than the pure-Python one
# (most of `askwell ask`'s start-up); PyYAML falls back to Python where it is not built.
_SafeLoader: type[yaml.SafeLoader | yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> dict[str, Any]:
    """A data file's top-level mapping (not cached in memory: callers cache what they build
    from it). The parsed form is kept on disk beside the file, as Python keeps bytecode
    (`__pycache__/<name>.<digest>.pickle`), because building Python objects from YAML is
    most of what `askwell ask` spends on the data files; an edited file has a new digest."""
    raw = path.read_bytes()
    kept = path.parent / "__pycache__" / f"{path.name}.{_digest(raw)}.pickle"
    data = _kept_or_built(kept, lambda: yaml.load(raw, Loader=_SafeLoader))  # noqa: S506 - a safe loader
    if not isinstance(data, dict):
        raise DataFileError(f"{path.name}: expected a mapping at the top level")
    return data


def _digest(raw: bytes) -> str:
    # The parser's version is part of the key: another PyYAML may read a file differently.
    return hashlib.sha256(raw + yaml.__version__.encode()).hexdigest()[:24]


def _kept_or_built(kept: Path, build: Callable[[], Built]) -> Built:
    """What `kept` holds, else `build()`, written there for the next process."""
    try:
        built: Built = pickle.loads(kept.read_bytes())  # noqa: S301 - written by _keep
        return built
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        built = build()
        _keep(kept, built)
        return built


def _keep(path: Path, data: object) -> None:
    """Write the parsed form beside its file, whole or not at all; a folder that cannot be
    written (an installed, read-only package) only costs the parse, so it is not reported."""
    try:
        path.parent.mkdir(exist_ok=True)
        for stale in path.parent.glob(path.name.rsplit(".", 2)[0] + ".*.pickle"):
            stale.unlink(missing_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)
    except OSError:
        pass


CODE_DIR = Path(__file__).resolve().parent


def built_once(name: str, inputs: object, build: Callable[[], Built]) -> Built:
    """`build()`, kept on disk beside the data files like their parsed form, for work derived
    from them that is costly at start-up (the phrase indexes: stemming thousands of phrases is
    most of a fresh process's first triage). The kept file's name holds a digest of `inputs`
    (everything `build` reads, as its repr) and of this package's code, so a change to either
    builds afresh."""
    digest = hashlib.sha256(repr(inputs).encode("utf-8", "surrogatepass") + _code_digest()).hexdigest()[:24]
    return _kept_or_built(DATA_DIR / "__pycache__" / f"{name}.{digest}.pickle", build)


@cache
def _code_digest() -> bytes:
    digest = hashlib.sha256()
    for source in sorted(CODE_DIR.glob("*.py")):
        digest.update(source.name.encode() + source.read_bytes())
    return digest.digest()


def read_word_list(data: Mapping[str, object], key: str, name: str) -> frozenset[str]:
    """A list of words kept as one block of text under `key` (one or more per line)."""
    words = data.get(key)
    if not isinstance(words, str) or not words.split():
        raise DataFileError(f"{name}: {key} must be a block of words")
    return frozenset(words.split())


@cache
def load_yaml(name: str) -> dict[str, Any]:
    return read_yaml(DATA_DIR / name)
