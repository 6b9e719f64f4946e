from django.apps import AppConfig


class FaultsConfig(AppConfig):
    name = "apps.faults"
    label = "faults"
