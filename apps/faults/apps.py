from django.apps import AppConfig


class FaultsConfig(AppConfig):
    name = "apps.faults"
    label = "faults"

    def ready(self) -> None:
        from portal import account_state

        from .models import FaultReport

        account_state.watch(FaultReport)  # the tenant pages remember what they read of it (portal/account_state.py)
