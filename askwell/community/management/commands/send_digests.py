"""`askwell send_digests`: queue the experts' digest of unanswered questions and the moderators'
digest of what waits in the queue (run daily from cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from askwell.community.tasks import send_expert_digests, send_moderator_digest


class Command(BaseCommand):
    help = "Queue the experts' digest of unanswered questions and the moderators' digest of the queue."

    def handle(self, *args: object, **options: object) -> None:
        result = send_expert_digests.enqueue()
        self.stdout.write(f"queued digest task {result.id}")
        result = send_moderator_digest.enqueue()
        self.stdout.write(f"queued moderator digest task {result.id}")
