from django.urls import path

from askwell.answers import views

app_name = "answers"
urlpatterns = [
    path("search/", views.search_page, name="search"),
]
