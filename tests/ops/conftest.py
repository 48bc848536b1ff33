"""Operations tests: real servers on loopback (see support.py)."""

from tests.ops.support import databases  # noqa: F401  (the session's scratch-database factory)
