from django.apps import AppConfig


class KoboConfig(AppConfig):
    name = "apps.kobo"
    label = "kobo"
    verbose_name = "Kobo Bolig"
