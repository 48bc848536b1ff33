"""The one refusal error of every action.

An action that will not do what was asked raises ActionError (or a subclass) with a message
that is safe to show to the person: a form shows it as a form error, the API as a 4xx
{"detail": ...}. Anything else an action raises is a bug, and is allowed to be a 500.
"""

from __future__ import annotations


class ActionError(Exception):
    """A refused write; the message is safe to show to the person."""
