"""Settings as a deployment sees them: start-up failures and `askwell check --deploy`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def run_askwell(args: list[str], extra_env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items()
        # Playwright's test runs set DJANGO_ALLOW_ASYNC_UNSAFE; a deployment never would.
        if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update({"ASKWELL_DATA_DIR": str(tmp_path), **extra_env})
    return subprocess.run(
        [sys.executable, "-m", "askwell.cli", *args], cwd=REPO, env=environment,
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_production_mode_is_clean_under_check_deploy(tmp_path: Path) -> None:
    result = run_askwell(
        ["check", "--deploy", "--fail-level", "WARNING"],
        {"ASKWELL_PRODUCTION": "1", "SECRET_KEY": "x" * 20 + "-kept-out-of-the-repository-" + "y" * 20,
         "ALLOWED_HOSTS": "askwell.example"},
        tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    result = run_askwell(["check"], {"ASKWELL_PRODUCTION": "1", "ALLOWED_HOSTS": "askwell.example"}, tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_a_malformed_setting_names_the_variable(tmp_path: Path) -> None:
    result = run_askwell(["check"], {"CACHE_PAGES_SECONDS": "lots"}, tmp_path)
    assert result.returncode != 0
    assert "CACHE_PAGES_SECONDS='lots' is not a whole number" in result.stderr
