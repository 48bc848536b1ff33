"""Plain-Python clean-up of reader text before it is stored: no Django here.

Readers are told not to type personal details; these rules catch what they type anyway
(email addresses, phone numbers, long numbers such as NHS numbers, web addresses).
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# Six digits or more, allowing the spaces, dashes and brackets people put in phone numbers.
LONG_NUMBER = re.compile(r"\+?\d[\d\s().-]{4,}\d")
SPACE = re.compile(r"\s+")


def without_personal_details(text: str) -> str:
    text = EMAIL.sub("[email]", text)
    text = URL.sub("[link]", text)
    text = LONG_NUMBER.sub(lambda m: "[number]" if sum(ch.isdigit() for ch in m.group(0)) >= 6 else m.group(0), text)
    return SPACE.sub(" ", text).strip()


def grouping_key(text: str, max_chars: int) -> str:
    """The words of a search as editors see them grouped: cleaned, lower case, one space."""
    cleaned = without_personal_details(text).lower()
    cleaned = re.sub(r"[^\w\s\[\]'-]", " ", cleaned)
    return SPACE.sub(" ", cleaned).strip()[:max_chars].strip()
