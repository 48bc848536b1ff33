"""`askwell check TEXT` (the spasm check), while `askwell check` alone stays Django's system check.

    askwell check "my calves cramp every night"        # human-readable, triage first
    askwell check --json "..."                          # one JSON object (the contract's shape)
    askwell check --jsonl < descriptions.txt           # one description per line in, one object per line out
    askwell check  /  askwell check --deploy            # Django's system checks, as before

The spasm check needs no database; topic titles are added to the human-readable output
when the knowledge base is there, and slugs are shown when it is not.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError, CommandParser
from django.core.management.commands.check import Command as SystemCheckCommand
from django.db import DatabaseError

from askwell.checker.engine import CheckerInputError, run_check
from askwell.checker.presentation import TopicLink, fact_rows, topic_links
from askwell.checker.questions import questions
from askwell.core.models import SiteSettings
from askwell.helpnow.terminal import disclaimer, triage_lines
from askwell.medical.check import CheckResult
from askwell.medical.contract import CheckObject


class Command(SystemCheckCommand):
    help = ("Check a muscle spasm description (askwell check TEXT, --json, --jsonl); "
            "with no description, run Django's system checks.")

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--json", action="store_true", help="Print the spasm check as one JSON object.")
        parser.add_argument(
            "--jsonl", action="store_true",
            help="Read one description per line from stdin; print one JSON object per line, in the same order.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        words = [str(arg) for arg in args]
        if options["jsonl"]:
            self._check_lines()
            return
        if options["json"] or (words and not all(_is_app_label(word) for word in words)):
            self._check_one(" ".join(words), as_json=options["json"])
            return
        super().handle(*args, **options)

    def _check_one(self, text: str, as_json: bool) -> None:
        try:
            checked = run_check(text=text)
        except CheckerInputError as error:
            if as_json:
                self.stdout.write(json.dumps({"detail": error.message}, ensure_ascii=False))
            raise CommandError(error.message, returncode=2) from error
        if as_json:
            self.stdout.write(json.dumps(checked.to_dict(), ensure_ascii=False))
        else:
            self.stdout.write(render_text(checked))

    def _check_lines(self) -> None:
        for line in sys.stdin:
            text = line.rstrip("\r\n")
            line_out: CheckObject | dict[str, str]
            try:
                line_out = run_check(text=text).to_dict()
            except CheckerInputError as error:
                # One object per input line, always, so outputs stay aligned with inputs.
                line_out = {"text": text, "detail": error.message}
            self.stdout.write(json.dumps(line_out, ensure_ascii=False))
            self.stdout.flush()


def _is_app_label(value: str) -> bool:
    try:
        apps.get_app_config(value)
    except LookupError:
        return False
    return True


def _links(slugs: list[str]) -> dict[str, TopicLink]:
    try:
        return topic_links(slugs)
    except DatabaseError:  # no database yet: slugs alone are still useful
        return {}


def render_text(checked: CheckResult) -> str:
    """The check for a terminal: crisis help and triage first (what to do, how soon, why), then the rest."""
    q = questions()
    triage = checked.triage.to_object()
    slugs = [*checked.relief, *checked.prevention, *checked.topics]
    links = _links(slugs)
    site = SiteSettings.current_or_fallback()
    lines = triage_lines(triage, site)
    for rule in triage["rules"]:
        lines.append(f"  Why: {rule['why']} [{rule['id']}; source: {rule['source']}]")
    if not triage["rules"]:
        lines += [f"  Why: {reason}" for reason in triage["reasons"]]
    for item in triage["advice"]["safety_net"]:
        lines.append(f"  Get help sooner if: {item}")
    lines.append("")
    kind = checked.spasm_type
    kind_label = q.spasm_types.get(kind or "", {}).get("label", kind or "not clear from the description")
    lines.append(f"Type: {kind_label}" + (f" ({kind})" if kind else ""))
    lines.append("")
    if checked.causes:
        lines.append("Possible causes, most likely first:")
        for number, cause in enumerate(checked.causes, start=1):
            label = q.causes.get(cause.id, {}).get("label", cause.id)
            lines.append(f"  {number}. {label} [{cause.id}, score {cause.score}]")
            if cause.why:
                lines.append(f"     why: {'; '.join(cause.why)}")
        lines.append("")

    def topic_section(title: str, section: list[str]) -> None:
        if not section:
            return
        lines.append(title)
        for slug in section:
            link = links.get(slug)
            lines.append(f"  - {link.title} ({slug}) {settings.SITE_URL}{link.url}" if link else f"  - {slug}")
        lines.append("")

    topic_section("Relief now:", checked.relief)
    topic_section("Prevention:", checked.prevention)
    topic_section("Further reading:", checked.topics)
    rows = fact_rows(checked.facts)
    lines.append("What we understood:")
    lines += [f"  {row.label}: {row.value}" for row in rows] or ["  nothing specific; try describing where and when"]
    lines += ["", disclaimer(site)]
    return "\n".join(lines)
