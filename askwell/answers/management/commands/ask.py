"""`askwell ask TEXT | --json | --jsonl < questions.txt [--limit N]`: instant answers with triage."""

from __future__ import annotations

import json
import sys
from typing import Any, TypedDict, Unpack

from django.core.management.base import BaseCommand, CommandError, CommandParser

from askwell.answers import engine
from askwell.answers.search import MAX_LIMIT, answer
from askwell.core.models import SiteSettings
from askwell.helpnow.lines import urgent_line
from askwell.helpnow.presentation import help_page_url, with_help
from askwell.helpnow.terminal import triage_lines
from askwell.medical.triage import level_info
from askwell.medical.vocabulary import TriageLevel


class Options(TypedDict):
    """The options handle() reads, as add_arguments has argparse convert them (Django passes
    its standard ones, such as verbosity, as well)."""

    text: list[str]
    json: bool
    jsonl: bool
    limit: int


class Command(BaseCommand):
    help = "Answer a question from the knowledge base and answered community questions, with triage."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="*", help="The question (omit with --jsonl).")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument("--jsonl", action="store_true", help="Read one question per line on stdin; "
                            "print one JSON object per line, in the same order.")
        parser.add_argument("--limit", type=int, default=10, help=f"Answers per question (1-{MAX_LIMIT}).")

    def handle(self, *args: object, **options: Unpack[Options]) -> None:
        limit = options["limit"]
        if not 1 <= limit <= MAX_LIMIT:
            raise CommandError(f"--limit must be between 1 and {MAX_LIMIT}")
        if engine.encoder() is None:
            # Said once, on stderr, so piped JSON stays clean.
            self.stderr.write(f"note: {engine.semantic_status()}")
        site = SiteSettings.current_or_fallback()
        page_url = help_page_url(absolute=True)
        if options["jsonl"]:
            for line in sys.stdin:
                question = line.rstrip("\r\n")
                result = with_help(answer(question, limit=limit), site, page_url)
                self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        text = " ".join(options["text"]).strip()
        if not text:
            raise CommandError('Give a question, e.g. askwell ask "why do my calves cramp at night"')
        result = with_help(answer(text, limit=limit), site, page_url)
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        self._print_human(result, site)

    def _print_human(self, result: dict[str, Any], site: SiteSettings) -> None:
        """What to do now first (crisis lines, then the level and its action), then the answers."""
        triage = result["triage"]
        for line in triage_lines(triage, site):
            self.stdout.write(line)
        for reason in triage["reasons"]:
            self.stdout.write(f"  Why: {reason}")
        if result["corrected_query"]:
            self.stdout.write(f"(read as: {result['corrected_query']})")
        act_now = result["help"]["act_now"]
        answers = result["answers"]
        if result.get("scope") == "not_covered":
            # As on the search page: the guides do not cover the subject, so only answered
            # community questions are offered, and never as the answer.
            answers = [item for item in answers if item["source"] == "question"]
            self.stdout.write("\nOur guides do not cover this subject yet, so there is no instant answer."
                              + ("" if act_now else " Ask the experts on the site."))
            if not act_now:  # with a warning sign, the lines above already say what to do
                self.stdout.write("Get medical advice if:")
                for item in level_info(TriageLevel.SELF_CARE).safety_net:
                    self.stdout.write(f"  - {item}")
                urgent = urgent_line(site)
                self.stdout.write(f"{urgent.text + ' ' if urgent else ''}{site.emergency_advice}")
        elif not result["confident"]:
            self.stdout.write("No confident answer" + ("." if act_now else ": ask the experts on the site.")
                              + " Related reading:")
        for number, item in enumerate(answers, start=1):
            self.stdout.write(f"\n{number}. {item['title']}  [{item['topic']}]")
            self.stdout.write(f"   {item['snippet']}")
            self.stdout.write(f"   {item['url']}")
        if not answers and result.get("scope") != "not_covered":
            self.stdout.write("No answers found.")
