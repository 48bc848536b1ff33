"""Page parts rendered once per process and copied: forms and buttons repeated down a page that
differ only in a few values (a target's id, an author's name, the CSRF token). Their template
is rendered with stand-ins for those values, kept, and each copy has the real values put in by
its caller (community/markup.py, feedback/useful.py).

With DEBUG, templates may change while the server runs: a part is then rendered afresh for each
request (once per request when the caller passes it), never kept across requests.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from django.conf import settings
from django.http import HttpRequest

_rendered: dict[Hashable, str] = {}


def rendered_once(key: Hashable, render: Callable[[], str], request: HttpRequest | None = None) -> str:
    """`render()`, kept under `key` for the life of the process (see the module's docstring)."""
    memo: dict[Hashable, str] = _rendered
    if settings.DEBUG:
        memo = request.__dict__.setdefault("_askwell_stencils", {}) if request is not None else {}
    html = memo.get(key)
    if html is None:
        html = memo[key] = render()
    return html
