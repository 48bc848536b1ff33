"""Markdown to safe HTML: markdown-it-py renders, nh3 sanitises with an allow-list.

Editorial content and community posts both come through here. Community text is
untrusted: its links get rel="nofollow ugc noopener" and nothing executable survives.
"""

from __future__ import annotations

import html
import re
from functools import cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "hr", "a", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "class", "id"}, "sup": {"class", "id"}, "th": {"scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")


@cache
def _parser() -> MarkdownIt:
    # html=False: raw HTML in the source is shown as text, never passed through.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def render_trusted(text: str) -> str:
    """Editorial Markdown (from reviewed packs) to sanitised HTML; links keep their rel."""
    return nh3.clean(
        _parser().render(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES | {"topic"},
        link_rel=None,
    )


def render_untrusted(text: str) -> str:
    """Community Markdown to sanitised HTML; every link marked nofollow ugc noopener."""
    return nh3.clean(
        _parser().render(text),
        tags=ALLOWED_TAGS - {"h3", "h4"},
        attributes={"a": {"href", "title"}},
        url_schemes=ALLOWED_SCHEMES - {"mailto"},
        link_rel="nofollow ugc noopener",
    )


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, for search indexes and snippets."""
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", fragment))).strip()
