from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "apps.inbox"
    label = "inbox"  # not "messages": that label is django.contrib.messages'
