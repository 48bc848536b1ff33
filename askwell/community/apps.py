from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "askwell.community"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # `askwell reindex` rebuilds the answered community questions too.
        from askwell.answers.sync import register_question_source
        from askwell.community.actions import answered_question_count, answered_questions

        register_question_source(answered_questions, count=answered_question_count)
        # Any community write retires cached pages (askwell/community/invalidation.py).
        from askwell.community import invalidation

        invalidation.connect()
