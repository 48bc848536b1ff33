"""Writing the audit log; every moderation and role action calls `record`."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db import models

from askwell.moderation.models import AuditEntry


def record(
    actor: User | AnonymousUser | None, action: str, target: models.Model | None, reason: str = ""
) -> AuditEntry:
    is_person = actor is not None and actor.is_authenticated
    return AuditEntry.objects.create(
        actor=actor if is_person and isinstance(actor, User) else None,
        actor_name=actor.get_username() if is_person and actor is not None else "system",
        action=action,
        target_type=target._meta.model_name or "" if target is not None else "",
        target_id=target.pk if target is not None else None,
        target_label=str(target)[:200] if target is not None else "",
        reason=reason,
    )
