from django.urls import path

from apps.addresses import views

app_name = "addresses"

urlpatterns = [
    path("", views.addresses, name="list"),
    path("ny/", views.add, name="add"),
    path("<int:address_id>/andra/", views.edit, name="edit"),
]
