from django.urls import path

from apps.cashpoints import views

app_name = "cashpoints"

urlpatterns = [
    path("", views.pay_cash, name="pay_cash"),
    path("<str:number>/", views.pay_cash, name="pay_cash_notice"),
]
