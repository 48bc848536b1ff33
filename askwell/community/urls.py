from __future__ import annotations

from django.urls import path

from askwell.community import feeds, views

app_name = "community"

urlpatterns = [
    path("questions/", views.question_list, name="questions"),
    path("questions/ask/", views.ask, name="ask"),
    path("questions/feed/", feeds.QuestionFeed(), name="feed"),
    path("questions/feed/atom/", feeds.QuestionAtomFeed(), name="feed_atom"),
    path("questions/topic/<path:slug>/feed/", feeds.QuestionFeed(), name="topic_feed"),
    path("questions/topic/<path:slug>/atom/", feeds.QuestionAtomFeed(), name="topic_feed_atom"),
    path("questions/confirm/<str:token>/", views.confirm, name="confirm"),
    path("questions/accept/<str:token>/", views.accept_by_link, name="accept_by_link"),
    path("questions/<int:pk>/", views.question_detail, name="question"),
    path("questions/<int:pk>/sent/", views.asked, name="asked"),
    path("questions/<int:pk>/edit/", views.edit_question, name="edit_question"),
    path("questions/<int:pk>/delete/", views.delete_question, name="delete_question"),
    path("questions/<int:pk>/history/", views.history, name="history"),
    path("questions/<int:pk>/answer/", views.post_answer, name="answer"),
    path("questions/<int:pk>/accept/<int:answer_pk>/", views.accept, name="accept"),
    path("answers/<int:pk>/edit/", views.edit_answer, name="edit_answer"),
    path("answers/<int:pk>/helpful/", views.helpful, name="helpful"),
    path("community/flag/<str:kind>/<int:pk>/", views.flag, name="flag"),
    path("community/comments/<str:kind>/<int:pk>/", views.post_comment, name="comment"),
    path("community/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
