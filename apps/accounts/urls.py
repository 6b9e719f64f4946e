from django.urls import path

from apps.accounts import views

app_name = "accounts"

urlpatterns = [
    path("forlang/", views.extend_session, name="extend_session"),
]
