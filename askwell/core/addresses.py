"""Addresses reversed once per process: `address("core:home")`, `address("community:question",
pk=7)`. A reverse() costs about 20 us, and a page links to the same few dozen addresses (its
header and footer, each answer's expert, each comment list's reply form) again and again.

An address depends only on the name, its arguments, the URLconf in use (a request may set its
own) and the script prefix, so it is kept under all of them. {% address %} (core/templatetags)
is this for templates.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


@lru_cache(maxsize=4096)
def _reversed(name: str, args: tuple[str | int, ...], kwargs: tuple[tuple[str, str | int], ...],
              script_prefix: str, urlconf: str) -> str:
    return reverse(name, args=list(args) or None, kwargs=dict(kwargs) or None, urlconf=urlconf)


def address(name: str, *args: str | int, **kwargs: str | int) -> str:
    return _reversed(name, args, tuple(sorted(kwargs.items())), get_script_prefix(),
                     get_urlconf() or settings.ROOT_URLCONF)
