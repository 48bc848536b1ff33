"""{% address 'core:home' %}: `{% url 'core:home' %}` for an address without arguments, reversed
once per process instead of on every page.

Every page's header and footer link to a dozen such addresses, and a reverse() costs about
20 us (some 0.3 ms a page, a tenth of a cached-page miss on the questions list). The address
is kept per URLconf and script prefix, the only things it depends on.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@lru_cache(maxsize=256)
def _reversed(name: str, script_prefix: str, urlconf: str) -> str:
    return reverse(name, urlconf=urlconf)


@register.simple_tag
def address(name: str) -> str:
    return _reversed(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
