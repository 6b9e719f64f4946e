from django.urls import path

from apps.home import views

app_name = "home"

urlpatterns = [
    path("underhall/", views.maintenance, name="maintenance"),
    path("erbjudanden/", views.offer_list, name="offers"),
    path("erbjudanden/<int:errand_id>/", views.offer, name="offer"),
    path("forbrukning/", views.meter_list, name="meters"),
    path("forbrukning/<slug:meter_key>/", views.meter, name="meter"),
]
