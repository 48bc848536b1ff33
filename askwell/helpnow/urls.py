from django.urls import path

from askwell.helpnow import views

app_name = "helpnow"
urlpatterns = [
    path("help/", views.help_page, name="page"),
]
