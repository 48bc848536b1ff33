from __future__ import annotations

from django.urls import path

from askwell.accounts import views

app_name = "accounts"

urlpatterns = [
    path("account/", views.account, name="account"),
    path("account/expert/apply/", views.apply, name="apply"),
    path("account/expert/topics/", views.topics, name="topics"),
    path("account/expert/unanswered/", views.unanswered, name="unanswered"),
    path("account/data.json", views.export, name="export"),
    path("account/delete/", views.delete, name="delete"),
    path("experts/<str:username>/", views.expert, name="expert"),
]
