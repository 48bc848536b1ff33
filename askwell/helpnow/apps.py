from django.apps import AppConfig


class HelpNowConfig(AppConfig):
    name = "askwell.helpnow"
    verbose_name = "Get help now"
