from django.urls import path  # noqa: F401

from apps.addresses import views  # noqa: F401

app_name = "addresses"

urlpatterns = []
