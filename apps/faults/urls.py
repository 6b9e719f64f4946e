from django.urls import path  # noqa: F401

from apps.faults import views  # noqa: F401

app_name = "faults"

urlpatterns = []
