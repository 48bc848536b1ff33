"""`askwell check TEXT`, `--json`, `--jsonl`: the same object as the engine and the API;
human-readable output puts the triage first; `askwell check` alone is still Django's check."""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError

from askwell.checker.management.commands import check as check_command
from askwell.checker.tests.helpers import RED_FLAG_TEXT, STORIES
from askwell.medical.check import check
from askwell.medical.triage import level_info

pytestmark = pytest.mark.django_db


def run(*args, stdin=None, monkeypatch=None):
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    call_command("check", *args, stdout=out)
    return out.getvalue()


def test_json_gives_the_engines_object():
    text = STORIES["stories/older-adult"]
    assert json.loads(run("--json", text)) == check(text).to_dict()


def test_jsonl_gives_one_object_per_line_in_the_same_order(monkeypatch):
    stories = sorted(STORIES)
    lines = [STORIES[story] for story in stories]
    output = run("--jsonl", stdin="\n".join(lines) + "\n", monkeypatch=monkeypatch).splitlines()
    assert len(output) == 3
    for story, text, line in zip(stories, lines, output, strict=True):
        data = json.loads(line)
        assert data == check(text).to_dict()
        assert story in data["topics"]


def test_jsonl_keeps_lines_aligned_when_one_cannot_be_checked(monkeypatch):
    output = run("--jsonl", stdin="calf cramp\n\n" + "x" * 6000 + "\nchest cramp\n", monkeypatch=monkeypatch)
    rows = [json.loads(line) for line in output.splitlines()]
    assert len(rows) == 4
    assert rows[0]["triage"]["level"]
    assert rows[1]["detail"].startswith("Describe what you feel")
    assert "5,000" in rows[2]["detail"]
    assert rows[3]["text"] == "chest cramp"


def test_human_output_puts_the_triage_first_then_type_causes_relief_prevention():
    output = run(STORIES["stories/athlete"])
    assert output.startswith(f"TRIAGE: {level_info('self_care').headline} [self_care]")
    positions = [output.index(part) for part in ("What to do:", "How soon:", "Type:", "Possible causes",
                                                  "Relief now:", "Prevention:", "What we understood:")]
    assert positions == sorted(positions)
    assert "why:" in output
    assert "not a diagnosis" in output


def test_human_output_names_topics_with_their_links_when_the_knowledge_base_is_there():
    output = run(STORIES["stories/athlete"])
    assert "Stay hydrated (prevention/hydration)" in output
    assert "/muscle-spasms/prevention/#prevention-hydration" in output


def test_human_output_falls_back_to_slugs_without_a_database(monkeypatch):
    def no_database(slugs):
        raise OperationalError("no such table: knowledge_topic")

    monkeypatch.setattr(check_command, "topic_links", no_database)
    output = run(STORIES["stories/athlete"])
    assert "  - prevention/hydration\n" in output


def test_a_red_flag_is_an_emergency_on_the_first_line():
    first, second, third = run(RED_FLAG_TEXT).splitlines()[:3]
    assert first == f"TRIAGE: {level_info('emergency').headline} [emergency]"
    assert second == "  Do not wait for an answer here."
    assert third.startswith("  * Call 999 now")


def test_words_given_without_quotes_are_one_description():
    assert json.loads(run("--json", "my", "calf", "cramps"))["text"] == "my calf cramps"


def test_bad_input_is_a_command_error_with_the_message():
    with pytest.raises(CommandError, match="Pregnancy at age 5"):
        run("I am 5 years old and pregnant with calf cramps")
    with pytest.raises(CommandError, match="5,000"):
        run("--json", "c" * 5001)


def test_without_a_description_it_is_still_djangos_system_check():
    out = io.StringIO()
    call_command("check", stdout=out)
    assert "System check identified no issues" in out.getvalue()
    call_command("check", "checker", stdout=out)
