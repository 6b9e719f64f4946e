from django.urls import path

from apps.contacts import views

app_name = "contacts"

urlpatterns = [
    path("", views.details, name="details"),
    path("andra/", views.edit, name="edit"),
    path("avbryt-epostandring/", views.cancel_email_change, name="cancel_email_change"),
    path("bekrafta/<str:token>/", views.confirm_email, name="confirm"),
]
