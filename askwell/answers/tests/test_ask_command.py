import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args: str, stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None) -> str:
    out = io.StringIO()
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command("ask", *args, stdout=out)
    return out.getvalue()


def test_json_prints_one_contract_object() -> None:
    data = json.loads(run("--json", "why do my calves cramp at night"))
    assert data["answers"][0]["topic"] == "faq/night-spasms"
    assert {"query", "triage", "answers", "took_ms"} <= set(data)


def test_jsonl_answers_every_line_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["eye twitch", "", "chest cramp and pain in my left arm", "foot cramp"]
    output = run("--jsonl", "--limit", "2", stdin="\n".join(lines) + "\n", monkeypatch=monkeypatch).splitlines()
    objects = [json.loads(line) for line in output]
    assert [o["query"] for o in objects] == lines
    assert all(len(o["answers"]) <= 2 for o in objects)
    assert objects[2]["triage"]["level"] == "emergency"


def test_human_output_starts_with_triage_then_answers() -> None:
    output = run("calf cramp at night")
    assert output.startswith("TRIAGE: ")
    assert "/muscle-spasms/" in output


def test_a_missing_question_is_an_error() -> None:
    with pytest.raises(CommandError):
        run()


def test_a_bad_limit_is_an_error() -> None:
    with pytest.raises(CommandError):
        run("--limit", "0", "cramp")
