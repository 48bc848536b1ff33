"""A copy of the tiny test pack in a temporary folder, for tests that break it on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

TINY = Path(__file__).parent / "fixtures" / "tinypack"


def tiny_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(TINY, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))
