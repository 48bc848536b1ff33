"""deploy/render_nginx_conf.py: the page cache's lifetime and switch (no servers: the running
configuration is tested in test_nginx_cache.py and test_multi_instance.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from tests.ops.support import REPO


def renderer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_nginx_conf", REPO / "deploy" / "render_nginx_conf.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render(**options: object) -> str:
    text: str = renderer().render("127.0.0.1:8080", ["127.0.0.1:8000"], Path("/srv/nginx"), **options)
    return text


def test_the_page_cache_is_on_for_five_seconds_by_default() -> None:
    text = render()
    assert "proxy_cache askwell_pages;" in text
    assert "proxy_cache_valid 200 301 5s;" in text
    assert "proxy_cache_path /srv/nginx/cache " in text


def test_the_lifetime_is_the_one_given_and_zero_turns_the_cache_off() -> None:
    assert "proxy_cache_valid 200 301 10s;" in render(page_cache_seconds=10)
    off = render(page_cache_seconds=0)
    assert "proxy_cache off;" in off and "proxy_cache askwell_pages;" not in off


@pytest.mark.parametrize("seconds", [-1, 61])
def test_a_lifetime_outside_0_to_60_is_refused(seconds: int) -> None:
    with pytest.raises(ValueError, match="page-cache-seconds"):
        render(page_cache_seconds=seconds)
