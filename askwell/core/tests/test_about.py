from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_explains_the_editorial_policy(persona: Client) -> None:
    html = persona.get("/about/").content.decode()
    assert "How we write and check our guides" in html
    assert "We do not diagnose" in html
