"""Deleting an account against the live sandbox: a report queued while PM5 was down is still delivered
when the tenant asks for it, and the landlord's customer is exactly as it was."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from apps.faults.models import FaultReport
from apps.faults.services import delivery
from tests.faults.conftest import set_behaviour

User = get_user_model()


def customer_as_the_landlord_has_it(number: str) -> tuple:
    from apps.sandbox.models import Customer

    customer = Customer.objects.get(customer_number=number)
    details = sorted(customer.contact_details.values_list("kind", "value"))
    return customer.first_name, customer.last_name, details, customer.errands.count()


@pytest.mark.integration
def test_a_queued_report_is_delivered_after_the_account_went_and_the_customer_stays(
    wizard, deliveries, live_sandbox, alice
):
    report = wizard.answer_all()
    set_behaviour(outage=True)
    wizard.submit()
    report = deliveries.wait_for_attempt(report)
    assert report.status == FaultReport.Status.QUEUED
    set_behaviour(outage=False)
    before = customer_as_the_landlord_has_it(live_sandbox.alice.number)

    wizard.client.post(reverse("account_reauthenticate"), {"password": "Alice-password-1"})
    response = wizard.client.post(reverse("privacy:delete"), {"queued": "deliver"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=alice.pk).exists()
    assert customer_as_the_landlord_has_it(live_sandbox.alice.number) == before, "deleting told PM5 nothing"
    deliveries.time_passes(report)
    report = deliveries.wait(report)
    assert report.errand_number
    first, last, details, errands = customer_as_the_landlord_has_it(live_sandbox.alice.number)
    assert (first, last, details, errands) == (*before[:3], before[3] + 1), "one errand more, nothing else"
    assert delivery.purge_delivered_reports() == 1, "with nobody to show it to, the portal's copy goes"
