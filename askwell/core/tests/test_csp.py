"""A strict Content-Security-Policy on every response, and nothing inline in the templates that it would block."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

ROOTS = [settings.REPO_DIR / "templates", *sorted(Path(settings.BASE_DIR).glob("*/templates"))]


def policy(response: object) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]  # type: ignore[index]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/muscle-spasms/", "/questions/", "/accounts/login/", "/api/v1/answers?q=cramp",
                                  "/api/v1/docs", "/no-such-page/"])
def test_every_response_carries_the_strict_policy(anonymous: Client, path: str) -> None:
    directives = policy(anonymous.get(path))
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"] and directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_cached_pages_carry_it_too(anonymous: Client) -> None:
    anonymous.get("/muscle-spasms/")
    response = anonymous.get("/muscle-spasms/")
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_no_template_has_an_inline_script_style_or_event_handler() -> None:
    problems = []
    for root in ROOTS:
        for template in root.rglob("*.html"):
            text = template.read_text(encoding="utf-8")
            for tag in re.findall(r"<script\b[^>]*>", text):
                if "src=" not in tag and "application/ld+json" not in tag and "application/json" not in tag:
                    problems.append(f"{template}: inline script {tag}")
            if re.search(r"<style\b", text):
                problems.append(f"{template}: <style> element")
            for attribute in re.findall(r"\s(style|on[a-z]+)=", text):
                problems.append(f"{template}: {attribute}= attribute")
            if "javascript:" in text:
                problems.append(f"{template}: javascript: URL")
    assert problems == []
