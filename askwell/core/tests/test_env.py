"""Settings helpers fail loudly on bad values instead of guessing."""

from __future__ import annotations

from pathlib import Path

import pytest

from askwell import env


def test_it_reads_booleans_and_refuses_nonsense(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLAG", "yes")
    assert env.env_bool("FLAG", False) is True
    monkeypatch.setenv("FLAG", "Off")
    assert env.env_bool("FLAG", True) is False
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(env.ConfigError, match="FLAG='maybe' is not a boolean"):
        env.env_bool("FLAG", False)


def test_it_refuses_a_number_that_is_not_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("N", "ten")
    with pytest.raises(env.ConfigError, match="not a whole number"):
        env.env_int("N", 1)
    monkeypatch.setenv("N", "-1")
    with pytest.raises(env.ConfigError, match="below the minimum"):
        env.env_int("N", 1, minimum=0)


def test_it_keeps_a_generated_secret_key_for_local_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = env.secret_key(tmp_path, production=False)
    assert len(first) >= 50
    assert env.secret_key(tmp_path, production=False) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_production_requires_a_secret_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(env.ConfigError, match="SECRET_KEY is required"):
        env.secret_key(tmp_path, production=True)
    monkeypatch.setenv("SECRET_KEY", "short")
    with pytest.raises(env.ConfigError, match="at least 50"):
        env.secret_key(tmp_path, production=True)


def test_it_parses_database_urls() -> None:
    pg = env.database_from_url("postgres://user:p%40ss@db.example:5433/askwell?sslmode=require")
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert (pg["NAME"], pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"]) == (
        "askwell", "user", "p@ss", "db.example", "5433"
    )
    assert pg["OPTIONS"] == {"sslmode": "require"}
    sqlite = env.database_from_url("sqlite:////var/lib/askwell/db.sqlite3")
    assert sqlite["NAME"] == "/var/lib/askwell/db.sqlite3"
    assert sqlite["OPTIONS"]["transaction_mode"] == "IMMEDIATE"  # type: ignore[index]


def test_it_refuses_unknown_database_schemes() -> None:
    with pytest.raises(env.ConfigError, match="not supported"):
        env.database_from_url("mysql://root@localhost/askwell")
    with pytest.raises(env.ConfigError, match="names no database"):
        env.database_from_url("postgres://localhost:5432/")
