"""Files the engine keeps on disk to start fast (its saved state, the topics' vectors).

Plain Python, no Django. A file is written beside its final name and then renamed, so
another worker never reads half of it; only the newest few of one kind are kept.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

logger = logging.getLogger(__name__)


def keep_file(path: Path, write: Callable[[BinaryIO], object], kind: str, keep: int) -> None:
    """Write `path` through `write(handle)`; of the files in its folder matching `kind`
    (a glob), keep the `keep` newest. A folder that cannot be written is logged, not raised:
    the file only saves time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.partial")
        with partial.open("wb") as handle:
            write(handle)
        partial.replace(path)
        newest_first = sorted(path.parent.glob(kind), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in newest_first[keep:]:
            stale.unlink(missing_ok=True)
    except OSError as error:
        logger.warning("could not keep %s in %s: %s", path.name, path.parent, error)
