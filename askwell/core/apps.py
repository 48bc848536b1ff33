from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "askwell.core"
    verbose_name = "Site"
