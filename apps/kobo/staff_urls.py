"""The staff's Kobo page, included under /personal/ (the staff namespace, so StaffMiddleware guards it)."""

from django.urls import path

from apps.kobo import views

app_name = "kobo"

urlpatterns = [path("", views.staff_units, name="units")]
