"""Included at the site root: the tenant's page under arenden/, the public page under delat/."""

from django.urls import path

from apps.sharing import views

app_name = "sharing"

urlpatterns = [
    path("arenden/<int:errand_id>/dela/", views.share_errand, name="share"),
    path("delat/<str:token>/", views.shared, name="shared"),
]
