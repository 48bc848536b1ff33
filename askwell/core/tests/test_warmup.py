"""A worker's warm-up builds what the first requests would and freezes it out of the collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from askwell.core.warmup import warm_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # the rest of the test run collects as usual


def test_warm_up_freezes_what_the_worker_holds(unfrozen: None) -> None:
    assert gc.get_freeze_count() == 0
    warm_up()
    assert gc.get_freeze_count() > 10_000  # modules, templates, the answers engine's tables
    assert all(count < 1_000 for count in gc.get_count())  # collected just before freezing
