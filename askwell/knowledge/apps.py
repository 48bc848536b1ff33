from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "askwell.knowledge"
    verbose_name = "Knowledge base"
