"""`askwell reindex`: rebuild the instant-answers index from scratch, with progress and rate."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from askwell.answers.sync import all_questions, reindex


class Command(BaseCommand):
    help = "Rebuild the search index: every knowledge topic, FAQ entry and answered community question."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        interactive = sys.stdout.isatty()

        def progress(done: int, rate: float) -> None:
            line = f"indexed {done:,} documents ({rate:,.0f}/s)"
            if interactive:
                self.stdout.write(f"\r{line}", ending="")
                self.stdout.flush()
            elif options["verbosity"] > 1:
                self.stdout.write(line)

        total = reindex(all_questions(), progress=progress, batch_size=options["batch_size"])
        if interactive:
            self.stdout.write("")
        self.stdout.write(f"Reindexed {total:,} documents in {time.perf_counter() - started:.1f}s.")
