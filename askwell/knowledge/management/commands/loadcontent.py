from __future__ import annotations

from pathlib import Path
from typing import TypedDict, Unpack

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from askwell.core.pagecache import bump_content_version
from askwell.knowledge.loader import load_content
from askwell.knowledge.packfiles import PackError


class Options(TypedDict):
    """The options handle() reads, as add_arguments has argparse convert them (Django passes
    its standard ones, such as verbosity, as well)."""

    content_dir: Path | None
    verbosity: int


class Command(BaseCommand):
    help = "Load every knowledge pack from the content folder (idempotent; validates first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--content-dir", type=Path, default=None, help="default: the ASKWELL_CONTENT_DIR setting")

    def handle(self, *args: object, **options: Unpack[Options]) -> None:
        content_dir: Path = options["content_dir"] or settings.CONTENT_DIR
        try:
            report = load_content(content_dir)
        except PackError as error:
            raise CommandError(
                "The knowledge packs were not loaded; nothing already loaded was changed.\n"
                + "\n".join(error.problems)
            ) from None
        if report.changed:
            bump_content_version()
        if options["verbosity"] >= 1:
            self.stdout.write(report.summary())
