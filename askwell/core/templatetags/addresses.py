"""{% address 'core:home' %}: `{% url 'core:home' %}` for an address without arguments, reversed
once per process instead of on every page (askwell/core/addresses.py).

Every page's header and footer link to a dozen such addresses, and a reverse() costs about
20 us (some 0.3 ms a page, a tenth of a cached-page miss on the questions list).
"""

from __future__ import annotations

from django import template

from askwell.core.addresses import address as kept_address

register = template.Library()


@register.simple_tag
def address(name: str) -> str:
    return kept_address(name)
