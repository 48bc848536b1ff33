"""community/markup.py writes answers, comment lists and list rows in Python: its values must be
what the templates it replaced showed (escaping, dates in the reader's time zone, counts)."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from askwell.community import markup

TRICKY = ["plain", "<b>bold</b> & \"quoted\" 'single'", mark_safe("<em>already safe</em>"), 12345, "",
          "javascript:alert(1)", "Ünïcödé ≠ ascii"]


@pytest.mark.parametrize("value", TRICKY)
def test_values_are_escaped_as_format_html_and_templates_escape_them(value: object) -> None:
    assert markup._html('<a title="{}">{}</a>', value, value) == format_html('<a title="{}">{}</a>', value, value)
    assert markup._html("{v}", v=value) == Template("{{ v }}").render(Context({"v": value}))


MOMENTS = [datetime.datetime(2026, 3, 29, 0, 59, 59, 999999, tzinfo=datetime.UTC),  # an hour before BST
           datetime.datetime(2026, 3, 29, 1, 0, 1, tzinfo=datetime.UTC),  # just after
           datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC),  # another day in Auckland
           datetime.datetime(2026, 11, 27, 9, 5, 7, 12, tzinfo=datetime.UTC)]


@pytest.mark.parametrize("zone", ["UTC", "Europe/London", "Pacific/Auckland"])
@pytest.mark.parametrize("format_string", ["j F Y", "j F Y, H:i", "j M Y"])
def test_times_are_the_date_filters_in_the_readers_time_zone(zone: str, format_string: str) -> None:
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        for moment in MOMENTS:
            template = Template(f"{{{{ v|date:'c' }}}}|{{{{ v|date:'{format_string}' }}}}")
            expected = template.render(Context({"v": moment}))
            assert "|".join(markup._times(moment, format_string)) == expected


def test_a_minute_is_formatted_per_wall_clock_not_per_instant() -> None:
    # The same instant in two zones is two different wall clocks: kept apart, not confused.
    moment = datetime.datetime(2026, 6, 1, 23, 30, tzinfo=datetime.UTC)
    with timezone.override(zoneinfo.ZoneInfo("UTC")):
        assert markup._times(moment, "j F Y, H:i")[1] == "1 June 2026, 23:30"
    with timezone.override(zoneinfo.ZoneInfo("Europe/London")):
        assert markup._times(moment, "j F Y, H:i")[1] == "2 June 2026, 00:30"


@pytest.mark.parametrize("count", [0, 1, 7, 1234567])
def test_counts_are_shown_as_templates_show_numbers(count: int) -> None:
    assert markup._number(count) == Template("{{ n }}").render(Context({"n": count}))


@pytest.mark.django_db
def test_addresses_kept_per_process_follow_the_script_prefix() -> None:
    from django.urls import clear_script_prefix, set_script_prefix

    from askwell.community.testing import published_question

    question = published_question()
    question.answer_count = 0  # type: ignore[attr-defined]  # as listing.with_answer_counts sets it
    assert f'<a href="/questions/{question.pk}/">' in markup.question_rows([question])
    set_script_prefix("/askwell/")
    try:
        assert f'<a href="/askwell/questions/{question.pk}/">' in markup.question_rows([question])
    finally:
        clear_script_prefix()
