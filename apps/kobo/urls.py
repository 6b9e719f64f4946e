from django.urls import path

from apps.kobo import views

app_name = "kobo"

urlpatterns = [
    path("uppsagning/", views.start, name="start"),
    path("uppsagning/<str:object_number>/", views.notice, name="notice"),
    path("kobo/webhook/", views.webhook, name="webhook"),
]
