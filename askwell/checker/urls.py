from django.urls import path

from askwell.checker import views

app_name = "checker"
urlpatterns = [
    path("check/", views.start, name="start"),
    path("check/guided/", views.guided, name="guided"),
    path("check/result/", views.result, name="result"),
]
