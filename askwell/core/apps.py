
from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_tables(using: str = "default", **_kwargs: object) -> None:
    """The shared rate-limit cache is a database table (unless REDIS_URL is set): every `migrate`
    (so `make run`, the `askwell` first run and the test databases) creates it if it is missing."""
    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "askwell.core"
    verbose_name = "Site"

    def ready(self) -> None:
        post_migrate.connect(create_cache_tables, sender=self)
        from django.conf import settings

        if "django_tasks" in settings.INSTALLED_APPS:
            from askwell.core.mail import connect_task_signals

            connect_task_signals()
        if "allauth" in settings.INSTALLED_APPS:
            from askwell.core.sharedcounters import share_allauth_counters

            share_allauth_counters()
