from django.urls import path

from apps.customer import views

app_name = "customer"

urlpatterns = [
    path("", views.overview, name="overview"),
]
