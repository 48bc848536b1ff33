"""Helpers for the checker's view tests: walk the guided steps like a browser would."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

STATE = re.compile(r'name="state" value="([^"]*)"')

STORIES = {
    "stories/athlete": (
        "I'm a marathon runner and my calves cramp during and after my long runs, especially on hot days "
        "when I sweat a lot. I don't stretch much."
    ),
    "stories/office-worker": (
        "I sit at a desk all day and my neck and shoulders are constantly tight and painful, it hurts my "
        "concentration. Work is stressful."
    ),
    "stories/older-adult": "I'm 70 and I get leg cramps in my calves most nights that wake me up.",
}
RED_FLAG_TEXT = "I have a cramp in my chest and the pain spreads to my left arm and jaw"


def html(response: Any) -> str:
    """The page a browser ends up on: a finished check redirects (303) to the result page."""
    if response.status_code == 303:
        response = response.client.get(response["Location"])
    return response.content.decode()


def state_of(response: Any) -> str:
    found = STATE.search(html(response))
    assert found, "the page carries no signed state"
    return found.group(1)


def post_step(client: Client, previous: Any, step: str, action: str = "next", **fields: Any) -> Any:
    data: dict[str, Any] = {"state": state_of(previous), "step": step, "action": action, **fields}
    # follow: a finished check redirects (303) to the result page, as in a browser.
    return client.post("/check/guided/", data, follow=True)
