from django.apps import AppConfig


class CustomerConfig(AppConfig):
    name = "apps.customer"
    label = "customer"

    def ready(self) -> None:
        from apps.customer import signals  # noqa: F401
