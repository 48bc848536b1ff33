from django.urls import path, re_path

from askwell.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("topics/", views.topic_index, name="index"),
    re_path(r"^t/(?P<slug>[a-z0-9/-]+)/$", views.topic_redirect, name="topic"),
    # Packs live at the top level (/muscle-spasms/causes/); keep these patterns last.
    re_path(r"^(?P<pack>[a-z0-9]+(?:-[a-z0-9]+)*)/$", views.article, name="pack"),
    re_path(r"^(?P<pack>[a-z0-9]+(?:-[a-z0-9]+)*)/(?P<article>[a-z0-9]+(?:-[a-z0-9]+)*)/$",
            views.article, name="article"),
]
