from django.apps import AppConfig


class CashPointsConfig(AppConfig):
    name = "apps.cashpoints"
    label = "cashpoints"
