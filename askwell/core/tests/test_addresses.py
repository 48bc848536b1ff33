"""{% address %} is {% url %} for addresses without arguments, kept per URLconf and script prefix."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, clear_script_prefix, set_script_prefix

NAMES = ["core:home", "core:about", "knowledge:index", "community:questions", "account_login", "sitemap"]


@pytest.mark.parametrize("name", NAMES)
def test_an_address_is_the_url_tags(name: str) -> None:
    both = Template(f"{{% load addresses %}}{{% address '{name}' %}}|{{% url '{name}' %}}").render(Context())
    first, second = both.split("|")
    assert first == second and first.startswith("/")


def test_it_follows_the_script_prefix_and_the_urlconf() -> None:
    home = Template("{% load addresses %}{% address 'core:home' %}")
    assert home.render(Context()) == "/"
    set_script_prefix("/askwell/")
    try:
        assert home.render(Context()) == "/askwell/"
    finally:
        clear_script_prefix()
    assert home.render(Context()) == "/"
    with override_settings(ROOT_URLCONF="askwell.cli_urls"), pytest.raises(NoReverseMatch):
        home.render(Context())
