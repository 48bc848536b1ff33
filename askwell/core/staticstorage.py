"""Static files with content-hashed names and precompressed copies, compressed once.

WhiteNoise's CompressedManifestStaticFilesStorage writes a .br and a .gz beside every file, but
recompresses all of them (30 s of CPU for the admin's and the API docs' scripts) on every
collectstatic, and askwell serve runs collectstatic each time it starts. WhiteNoise gives each
compressed copy the modification time of its source; a copy whose time still matches its
source's (collectstatic only copies changed files) is up to date and is kept, and so is any copy
of a content-hashed file. Large files are
compressed at a lower brotli quality (see QuickerBrotliCompressor).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator

import brotli
from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

# Brotli's best quality runs at about 1 MB/s: fine for our own CSS and scripts, a minute for the
# megabytes of the admin's and the API docs' bundles, which get a quality that is 50x faster.
BEST_QUALITY_UP_TO = 128 * 1024
LARGE_FILE_QUALITY = 7
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.[^/.]+$")


class QuickerBrotliCompressor(Compressor):  # type: ignore[misc]
    @staticmethod
    def compress_brotli(data: bytes) -> bytes:
        quality = 11 if len(data) <= BEST_QUALITY_UP_TO else LARGE_FILE_QUALITY
        return bytes(brotli.compress(data, quality=quality))


def compressed_copy_is_current(path: str) -> bool:
    if HASHED_NAME.search(path):
        # A content-hashed name always holds the same bytes (Django rewrites the file on every
        # collectstatic, so its time says nothing): any compressed copy of it is current.
        return os.path.exists(path + ".br") or os.path.exists(path + ".gz")
    try:
        source = os.stat(path).st_mtime_ns
    except OSError:
        return False
    for suffix in (".br", ".gz"):
        try:
            # WhiteNoise copies the time through os.utime's float seconds: equal to within a millisecond.
            if abs(os.stat(path + suffix).st_mtime_ns - source) < 1_000_000:
                return True
        except OSError:
            continue
    return False


class CompressedOnceStaticFilesStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]
    def create_compressor(self, **kwargs: object) -> Compressor:
        return QuickerBrotliCompressor(**kwargs)

    def compress_files(self, paths: Iterable[str]) -> Iterator[tuple[str, str]]:
        stale = [path for path in paths if not compressed_copy_is_current(self.path(path))]
        yield from super().compress_files(stale)
