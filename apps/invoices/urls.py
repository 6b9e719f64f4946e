from django.urls import path  # noqa: F401

from apps.invoices import views  # noqa: F401

app_name = "invoices"

urlpatterns = []
