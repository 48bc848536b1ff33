from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "askwell.feedback"
    verbose_name = "Reader feedback"
    default_auto_field = "django.db.models.BigAutoField"
