from django.urls import path  # noqa: F401

from apps.contacts import views  # noqa: F401

app_name = "contacts"

urlpatterns = []
