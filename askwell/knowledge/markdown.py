"""Article Markdown: the site's trusted renderer plus NHS-style callouts.

Reviewed pack text marks urgent advice with a container (mdit-py-plugins' container
plugin, the markdown-it-container syntax), never with raw HTML:

    ::: emergency
    ### Call 999 now, or go to A&E
    ...
    :::

`emergency` (999 or A&E), `urgent` (advice the same day) and `info` become
<div class="callout callout-...">, with the kind said in words for screen readers
(the colour alone must not carry the meaning). nh3 still sanitises the result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.container import container_plugin

from askwell.core.markdown import ALLOWED_ATTRIBUTES, ALLOWED_SCHEMES, ALLOWED_TAGS

# Container name -> what a screen reader hears first.
CALLOUTS = {"emergency": "Emergency advice:", "urgent": "Urgent advice:", "info": "Information:"}


def _render_callout(kind: str) -> Callable[[object, Sequence[Token], int, OptionsDict, EnvType], str]:
    def render(_renderer: object, tokens: Sequence[Token], idx: int, _options: OptionsDict, env: EnvType) -> str:
        if tokens[idx].nesting == 1:
            return f'<div class="callout callout-{kind}"><span class="visually-hidden">{CALLOUTS[kind]} </span>\n'
        return "</div>\n"

    return render


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    for kind in CALLOUTS:
        md.use(container_plugin, name=kind, render=_render_callout(kind))
    return md


def render_article_markdown(text: str) -> str:
    """Editorial Markdown (reviewed packs) to sanitised HTML, callouts included."""
    return nh3.clean(
        _parser().render(text),
        tags=ALLOWED_TAGS | {"div", "span"},
        attributes={**ALLOWED_ATTRIBUTES, "div": {"class"}, "span": {"class"}},
        url_schemes=ALLOWED_SCHEMES | {"topic"},
        link_rel=None,
    )
