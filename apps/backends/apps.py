from django.apps import AppConfig


class BackendsConfig(AppConfig):
    name = "apps.backends"
    label = "backends"

    def ready(self) -> None:
        # Each client registers its circuit breaker when imported, so backend_states() knows them all.
        from apps.backends import cashservices, errands, fast2, kobo, pm5  # noqa: F401, PLC0415
