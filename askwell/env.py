"""Settings from the environment, through small helpers that fail loudly.

A typo in a deployment variable should stop the server at start-up with a message
naming the variable, not run with a silently different configuration.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse


class ConfigError(RuntimeError):
    """A configuration value in the environment is missing or malformed."""


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean; use one of 1/0, true/false, yes/no, on/off")


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from None
    if minimum is not None and value < minimum:
        raise ConfigError(f"{name}={value} is below the minimum of {minimum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    return Path(raw).expanduser().resolve() if raw else default


def secret_key(data_dir: Path, production: bool) -> str:
    """SECRET_KEY from the environment, or (local use only) one generated once and kept."""
    raw = os.environ.get("SECRET_KEY")
    if raw:
        if production and len(raw) < 50:
            raise ConfigError("SECRET_KEY must be at least 50 characters in production")
        return raw
    if production:
        raise ConfigError("SECRET_KEY is required when ASKWELL_PRODUCTION is on")
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        # Write to a private temporary file, then link it into place: if several processes
        # start at once, exactly one key wins and nobody ever reads a half-written file.
        temporary = data_dir / f".secret_key.{os.getpid()}"
        temporary.write_text(secrets.token_urlsafe(64))
        temporary.chmod(0o600)
        try:
            os.link(temporary, key_file)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    key = key_file.read_text().strip()
    if not key:
        raise ConfigError(f"{key_file} is empty; delete it to generate a new SECRET_KEY")
    return key


def database_from_url(url: str, conn_max_age: int = 60) -> dict[str, object]:
    """Translate DATABASE_URL (sqlite:///path or postgres://user:pw@host:port/name)."""
    parsed = urlparse(url)
    scheme = parsed.scheme.lower()
    options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
    if scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parsed.path.lstrip("/"))
        if not name:
            raise ConfigError("DATABASE_URL names no database (postgres://user@host:5432/NAME)")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": conn_max_age,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
            "TEST": {"NAME": options.pop("test_name", f"test_{name}")},
        }
    if scheme == "sqlite":
        path = unquote(url[len("sqlite://") :])
        if path.startswith("/"):
            path = path[1:] if path.startswith("//") else path
        if not path:
            raise ConfigError("DATABASE_URL=sqlite:// needs a path, e.g. sqlite:////var/lib/askwell/db.sqlite3")
        return sqlite_database(Path(path))
    raise ConfigError(f"DATABASE_URL scheme {scheme!r} is not supported; use sqlite:// or postgres://")


def sqlite_database(path: Path) -> dict[str, object]:
    # WAL lets readers and a writer work at once; IMMEDIATE transactions take the write
    # lock at BEGIN so two writers queue (busy timeout) instead of failing with
    # "database is locked" when one tries to upgrade a read lock.
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        # Keep each worker's connection open: opening one (and running the PRAGMAs) on
        # every request costs more than serving a cached page.
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=20000;"
            ),
        },
    }
