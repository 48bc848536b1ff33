"""`askwell ask TEXT | --json | --jsonl < questions.txt [--limit N]`: instant answers with triage."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from askwell.answers.search import MAX_LIMIT, answer

LEVEL_WORDS = {
    "emergency": "EMERGENCY: call the emergency number or go to the emergency department now.",
    "urgent": "URGENT: get medical advice today.",
    "see_doctor": "SEE A DOCTOR: book an appointment in the next few days.",
    "self_care": "Self-care: usually fine to manage at home; get advice if it worsens.",
}


class Command(BaseCommand):
    help = "Answer a question from the knowledge base and answered community questions, with triage."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="*", help="The question (omit with --jsonl).")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument("--jsonl", action="store_true", help="Read one question per line on stdin; "
                            "print one JSON object per line, in the same order.")
        parser.add_argument("--limit", type=int, default=10, help=f"Answers per question (1-{MAX_LIMIT}).")

    def handle(self, *args: Any, **options: Any) -> None:
        limit = options["limit"]
        if not 1 <= limit <= MAX_LIMIT:
            raise CommandError(f"--limit must be between 1 and {MAX_LIMIT}")
        if options["jsonl"]:
            for line in sys.stdin:
                question = line.rstrip("\r\n")
                self.stdout.write(json.dumps(answer(question, limit=limit), ensure_ascii=False))
            return
        text = " ".join(options["text"]).strip()
        if not text:
            raise CommandError('Give a question, e.g. askwell ask "why do my calves cramp at night"')
        result = answer(text, limit=limit)
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        self._print_human(result)

    def _print_human(self, result: dict[str, Any]) -> None:
        triage = result["triage"]
        self.stdout.write(f"Triage: {LEVEL_WORDS[triage['level']]}")
        for reason in triage["reasons"]:
            self.stdout.write(f"  - {reason}")
        if result["corrected_query"]:
            self.stdout.write(f"(read as: {result['corrected_query']})")
        if not result["confident"]:
            self.stdout.write("No confident answer: ask the experts on the site. Related reading:")
        for number, item in enumerate(result["answers"], start=1):
            self.stdout.write(f"\n{number}. {item['title']}  [{item['topic']}]")
            self.stdout.write(f"   {item['snippet']}")
            self.stdout.write(f"   {item['url']}")
        if not result["answers"]:
            self.stdout.write("No answers found.")
