from __future__ import annotations

from django.urls import path

from askwell.moderation import views

app_name = "moderation"

urlpatterns = [
    # Readers report from community and article pages; the address stays where it always was.
    path("community/flag/<str:kind>/<int:pk>/", views.flag, name="flag"),
    path("moderation/", views.queue, name="queue"),
    path("moderation/audit/", views.audit_log, name="audit"),
    path("moderation/banned-words/", views.banned_words, name="banned_words"),
    path("moderation/comment/<int:pk>/edit/", views.edit_comment, name="edit_comment"),
    path("moderation/question/<int:pk>/close/", views.close, name="close"),
    path("moderation/expert/<int:pk>/", views.review_expert, name="review_expert"),
    path("moderation/user/<int:pk>/remove/", views.remove_user, name="remove_user"),
    path("moderation/topic/<int:pk>/policy/", views.topic_policy, name="topic_policy"),
    path("moderation/<str:kind>/<int:pk>/<str:action>/", views.act, name="act"),
]
