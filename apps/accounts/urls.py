from django.urls import path

from apps.accounts import link_views, views

app_name = "accounts"

urlpatterns = [
    path("forlang/", views.extend_session, name="extend_session"),
    path("koppla/", link_views.link, name="link"),
]
