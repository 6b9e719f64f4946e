from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "apps.inbox"
    label = "inbox"  # not "messages": that label is django.contrib.messages'

    def ready(self) -> None:
        from portal import account_state

        from .models import ReadMessage

        account_state.watch(ReadMessage)  # the tenant pages remember what they read of it (portal/account_state.py)
