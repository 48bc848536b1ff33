from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "askwell.community"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # `askwell reindex` rebuilds community questions too; the community works without instant answers.
        try:
            from askwell.answers.sync import register_question_source
        except ImportError:
            return
        from askwell.community.actions import answered_question_count, answered_questions

        register_question_source(answered_questions, count=answered_question_count)
