"""The Errands v2 client against the sandbox over real HTTP: id forms, flags, typed parts, errors."""

from decimal import Decimal

import pytest

from apps.backends.errands import Parts, get_client
from apps.backends.errors import BackendNotFound, BackendRefused, BackendUnavailable

pytestmark = pytest.mark.integration


def invoiced_group():
    from apps.sandbox.models import IncomingReference

    return IncomingReference.objects.filter(invoices__isnull=False).select_related("errand").order_by("pk").first()


def test_it_reads_an_errand_with_its_rows_participants_and_accounting(live_sandbox):
    group = invoiced_group()
    row = group.rows.get()
    errand = get_client().errand(group.errand.number)
    assert errand.id == group.errand.guid and errand.number == group.errand.number
    read = next(r for r in errand.rows if r.id == row.guid)
    assert [p.type_id for p in read.participants] == ["manager", "supplier", "orderer", "contact"]
    assert read.participants[1].name == group.supplier
    assert read.accounting.estimated_cost == row.estimated_cost
    assert isinstance(read.accounting.estimated_cost, Decimal)
    assert read.accounting.vat_registered is False
    assert read.accounting.coding[0].debit is True
    assert ("Konto", "4657") in [(p.label, p.value) for p in read.accounting.coding[0].parts]
    assert read.accounting.incoming.reference == group.reference
    assert [i.number for i in read.accounting.incoming.invoices] == [group.invoices.get().number]
    assert read.entity_path[-1] == row.node.label
    assert read.primary_object.type_class == group.errand.rental_object.type_label
    assert read.status.created is not None and read.status.created.tzinfo is not None


def test_an_ib_number_and_both_guids_reach_the_same_errand(live_sandbox):
    group = invoiced_group()
    client = get_client()
    for errand_id in (group.reference, group.guid):
        assert [r.id for r in client.errand(errand_id).rows] == [row.guid for row in group.rows.all()]
    assert client.errand(group.errand.guid).number == group.errand.number


def test_parts_not_asked_for_are_not_read(live_sandbox):
    group = invoiced_group()
    bare = get_client().errand(group.reference, Parts(accounting=False, participants=False, entity_path=False))
    row = bare.rows[0]
    assert row.accounting is None and row.participants == () and row.entity_path == ()
    assert row.primary_object is not None
    assert get_client().errand(group.reference, Parts(rows=False)).rows == ()


def test_an_unknown_errand_is_not_found(live_sandbox):
    with pytest.raises(BackendNotFound):
        get_client().errand("R-2201-99999")


def test_a_wrong_token_is_refused_without_the_token_in_the_error(live_sandbox, settings, caplog):
    settings.ERRANDS_TOKEN = "not-the-token"
    with pytest.raises(BackendRefused) as refused:
        get_client().errand(invoiced_group().errand.number)
    assert refused.value.status == 401
    assert "not-the-token" not in str(refused.value) + caplog.text


def test_a_user_without_the_role_is_refused_with_403(live_sandbox, settings):
    settings.ERRANDS_TOKEN = "sandbox-errands-no-role"
    with pytest.raises(BackendRefused) as refused:
        get_client().errand(invoiced_group().errand.number)
    assert refused.value.status == 403


def test_an_outage_is_unavailable(live_sandbox):
    from apps.sandbox.models import SandboxBehaviour

    SandboxBehaviour.objects.update_or_create(pk=1, defaults={"outage": True})
    with pytest.raises(BackendUnavailable):
        get_client().errand(invoiced_group().errand.number)


def test_no_base_url_is_unavailable_without_a_call(settings, backend_calls):
    settings.ERRANDS_BASE_URL = ""
    with pytest.raises(BackendUnavailable):
        get_client().errand("R-2201-5000")
    assert len(backend_calls) == 0
