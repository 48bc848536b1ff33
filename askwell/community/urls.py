from __future__ import annotations

from django.urls import path

from askwell.community import feeds
from askwell.community.views import answers, comments, links, questions

app_name = "community"

urlpatterns = [
    path("questions/", questions.question_list, name="questions"),
    path("questions/ask/", questions.ask, name="ask"),
    path("questions/similar/", questions.similar_questions, name="similar"),
    path("questions/feed/", feeds.QuestionFeed(), name="feed"),
    path("questions/feed/atom/", feeds.QuestionAtomFeed(), name="feed_atom"),
    path("questions/topic/<path:slug>/feed/", feeds.QuestionFeed(), name="topic_feed"),
    path("questions/topic/<path:slug>/atom/", feeds.QuestionAtomFeed(), name="topic_feed_atom"),
    path("questions/confirm/<str:token>/", links.confirm, name="confirm"),
    path("questions/accept/<str:token>/", links.accept_by_link, name="accept_by_link"),
    path("questions/<int:pk>/", questions.question_detail, name="question"),
    path("questions/<int:pk>/sent/", questions.asked, name="asked"),
    path("questions/<int:pk>/edit/", questions.edit_question, name="edit_question"),
    path("questions/<int:pk>/delete/", questions.delete_question, name="delete_question"),
    path("questions/<int:pk>/history/", questions.history, name="history"),
    path("questions/<int:pk>/answer/", answers.post_answer, name="answer"),
    path("questions/<int:pk>/accept/<int:answer_pk>/", answers.accept, name="accept"),
    path("answers/<int:pk>/edit/", answers.edit_answer, name="edit_answer"),
    path("answers/<int:pk>/helpful/", answers.helpful, name="helpful"),
    path("community/comments/<str:kind>/<int:pk>/", comments.post_comment, name="comment"),
    path("community/unsubscribe/<str:token>/", links.unsubscribe, name="unsubscribe"),
]
