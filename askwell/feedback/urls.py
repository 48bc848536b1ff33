from django.urls import path

from askwell.feedback import views

app_name = "feedback"

urlpatterns = [
    path("feedback/useful/", views.vote, name="vote"),
    path("feedback/useful/words/", views.words, name="words"),
    path("editors/what-readers-need/", views.insights, name="insights"),
]
