"""`askwell reindex`: rebuild the instant-answers index from scratch, with a progress bar and rate."""

from __future__ import annotations

import time
from typing import TypedDict, Unpack

from django.core.management.base import BaseCommand, CommandParser

from askwell.answers.progress import progress_line
from askwell.answers.sync import all_questions, knowledge_total, question_total, reindex


class Options(TypedDict):
    """The options handle() reads, as add_arguments has argparse convert them (Django passes
    its standard ones, such as verbosity, as well)."""

    progress: bool
    batch_size: int
    verbosity: int


class Command(BaseCommand):
    help = "Rebuild the search index: every knowledge topic, FAQ entry and answered community question."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--progress", action="store_true",
                            help="print a progress line per batch even when the output is not a terminal")

    def handle(self, *args: object, **options: Unpack[Options]) -> None:
        started = time.perf_counter()
        interactive = self.stdout.isatty()
        questions = question_total()
        total = None if questions is None else knowledge_total() + questions
        every_line = options["progress"] or options["verbosity"] > 1

        def progress(done: int, rate: float) -> None:
            line = progress_line(done, total, rate)
            if interactive:
                # Redraw one line in place: a bar, not a scroll of numbers.
                self.stdout.write(f"\r{line}", ending="")
                self.stdout.flush()
            elif every_line:
                self.stdout.write(line)

        done = reindex(all_questions(), progress=progress, batch_size=options["batch_size"])
        if interactive:
            self.stdout.write("")
        seconds = time.perf_counter() - started
        self.stdout.write(f"Reindexed {done:,} documents in {seconds:.1f}s ({done / max(seconds, 1e-9):,.0f}/s).")
