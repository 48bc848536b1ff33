"""Fixtures for the whole suite: the knowledge packs loaded once per test database,
and personas (anonymous, asker, other member, expert, moderator) for permission tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

REPO = Path(__file__).resolve().parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> None:  # type: ignore[misc]
    """Load the shipped packs once into the test database; tests roll back around it."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        call_command("loadcontent", verbosity=0)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    """Personas are created in almost every test; the real hasher is deliberately slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(scope="session", autouse=True)
def own_content_version_file(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The page cache's machine-wide content version (no Redis) in a file of this test process:
    another xdist worker's writes must not retire the pages this one's tests just stored."""
    from django.conf import settings

    settings.ASKWELL_CONTENT_VERSION_FILE = tmp_path_factory.mktemp("pagecache") / "content-version"


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


from askwell.test import *  # noqa: E402,F401,F403  (persona fixtures)
