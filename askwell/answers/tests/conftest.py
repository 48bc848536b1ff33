from collections.abc import Iterator

import pytest

from askwell.answers import engine


@pytest.fixture(autouse=True)
def fresh_engine_state() -> Iterator[None]:
    """Tests roll back the documents table; the engine must not keep a state built inside one."""
    engine.forget()
    yield
    engine.forget()
