from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "askwell.accounts"
    default_auto_field = "django.db.models.BigAutoField"
