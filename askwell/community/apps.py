from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "askwell.community"
    default_auto_field = "django.db.models.BigAutoField"
