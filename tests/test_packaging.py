"""Installing askwell prints no setuptools warning about its licence (issue 13, self-hosting).

setuptools 77 and later warn on every install when `project.license` is a TOML table (the old
form) or when licence classifiers are given; they want one SPDX expression. Older setuptools
cannot read that expression at all, so the build must ask for 77 or later."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.licenses import canonicalize_license_expression

PYPROJECT = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_licence_is_one_spdx_expression_without_classifiers() -> None:
    project = PYPROJECT["project"]
    assert isinstance(project["license"], str), "a table here makes setuptools warn on every install"
    assert canonicalize_license_expression(project["license"]) == project["license"]
    assert not [c for c in project.get("classifiers", []) if c.startswith("License ::")]


def test_the_build_asks_for_a_setuptools_that_reads_it() -> None:
    setuptools = next(r for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools"))
    found = re.fullmatch(r"setuptools>=(\d+)(\.\d+)*", setuptools.replace(" ", ""))
    assert found and int(found.group(1)) >= 77, setuptools
