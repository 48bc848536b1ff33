from django.apps import AppConfig


class CheckerConfig(AppConfig):
    name = "askwell.checker"
    label = "checker"
    verbose_name = "Spasm checker"
    default_auto_field = "django.db.models.BigAutoField"
