from __future__ import annotations

from django.apps import AppConfig


class AnswersConfig(AppConfig):
    name = "askwell.answers"
    label = "answers"
    verbose_name = "Instant answers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from askwell.answers import sync
        from askwell.knowledge.signals import topics_changed

        topics_changed.connect(sync.on_topics_changed, dispatch_uid="answers.topics_changed")
        post_migrate.connect(sync.on_post_migrate, sender=self, dispatch_uid="answers.post_migrate")
