from datetime import timedelta

import pytest
from django.utils import timezone

from apps.contacts import services
from apps.contacts.models import EmailChange

pytestmark = pytest.mark.django_db


def test_email_changes_are_deleted_a_month_after_they_were_asked_for(alice):
    old = EmailChange.objects.create(user=alice, customer_number="15555", email="old@example.se")
    recent = EmailChange.objects.create(user=alice, customer_number="15555", email="recent@example.se")
    EmailChange.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))

    assert services.purge_old_changes() == 1

    assert list(EmailChange.objects.all()) == [recent]
