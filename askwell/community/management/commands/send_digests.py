"""`askwell send_digests`: queue the experts' digest of unanswered questions (run daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from askwell.community.tasks import send_expert_digests


class Command(BaseCommand):
    help = "Queue the digest email of unanswered questions for every verified expert."

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_expert_digests.enqueue()
        self.stdout.write(f"queued digest task {result.id}")
