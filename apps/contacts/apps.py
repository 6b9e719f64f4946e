from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "apps.contacts"
    label = "contacts"

    def ready(self) -> None:
        from portal import account_state

        from .models import EmailChange

        account_state.watch(EmailChange)  # the tenant pages remember what they read of it (portal/account_state.py)
