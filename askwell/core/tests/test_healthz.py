import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_reports_the_database(anonymous: Client) -> None:
    data = anonymous.get("/healthz").json()
    assert data["status"] == "ok" and data["database"] in {"sqlite", "postgresql"}
