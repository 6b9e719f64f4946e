"""Demo customer 1's documents, read straight from the sandbox's tables."""

import pytest


@pytest.fixture
def media_root(settings, tmp_path):
    """Files of this test in a folder of its own; list it before live_sandbox, which builds the demo into it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def logged_in_alice(client, alice, live_sandbox):
    client.force_login(alice)
    return client


class Documents:
    def __init__(self, customer_number: str):
        from django.utils import timezone

        from apps.sandbox.models import Customer
        from apps.sandbox.scope import available_objects, visible_documents

        customer = Customer.objects.get(customer_number=customer_number)
        objects = list(available_objects(customer, timezone.localdate()))
        self.visible = list(visible_documents(customer, objects))

    def lease(self):
        return next(d for d in self.visible if d.label.startswith("Hyresavtal") and d.extension)

    def drawing(self):
        return next(d for d in self.visible if d.recipe)

    def manual(self):
        return next(d for d in self.visible if d.label == "Spis och ugn")

    def link(self):
        return next(d for d in self.visible if d.web_url)


@pytest.fixture
def documents(live_sandbox) -> Documents:
    return Documents(live_sandbox.alice.number)


@pytest.fixture
def bobs_document(live_sandbox):
    from apps.sandbox.models import Document

    return Document.objects.filter(customer__customer_number=live_sandbox.bob.number).exclude(extension="").first()
