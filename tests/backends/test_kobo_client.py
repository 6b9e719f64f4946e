"""The Kobo client against the sandbox over real HTTP: token and system id, typed units, every operation, errors."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from apps.backends.errors import BackendNotFound, BackendRefused, BackendUnavailable
from apps.backends.kobo import (
    Address,
    LeaseEndReason,
    LeaseTerms,
    NoticeActor,
    NoticePeriod,
    NoticeRequest,
    UnitRegistration,
    UnitStatus,
    UnitType,
    get_client,
)
from apps.backends.kobo.base import TOKEN_KEY

pytestmark = pytest.mark.integration


def kobo_id_of(object_number: str) -> str:
    from apps.sandbox.models import KoboUnit

    return str(KoboUnit.objects.get(supplier_id=object_number, deleted=False).kobo_id)


def registration(number: str = "142-099-01") -> UnitRegistration:
    return UnitRegistration(
        supplier_id=number,
        address=Address("Storgata", 3, "B", "2317", "Hamar"),
        unit_type=UnitType.CARE,
        status=UnitStatus.READY,
        bedrooms=1,
        area=Decimal("48.5"),
        floor=2,
    )


def test_a_unit_is_read_as_typed_objects_with_its_lease(live_sandbox):
    unit = get_client().unit(kobo_id_of("142-043-01"))

    assert unit.supplier_id == "142-043-01"
    assert unit.status is UnitStatus.LET
    assert unit.unit_type is UnitType.ORDINARY
    assert unit.address.street == "Storgatan" and unit.address.house_number == 16
    assert unit.lease.start == date(2019, 4, 1) and unit.lease.open_ended
    assert unit.lease.notice_period is None and unit.lease.notice is None
    assert unit.household_size >= 1
    assert unit.changed_at is not None


def test_the_agreed_notice_period_is_an_enum(live_sandbox):
    assert get_client().unit(kobo_id_of("142-041-01")).lease.notice_period is NoticePeriod.ONE_MONTH


def test_a_unit_is_registered_changed_and_soft_deleted(live_sandbox):
    client = get_client()
    created = client.create_unit(registration())
    changed = client.update_unit(created.kobo_id, registration())

    assert created.area == Decimal("48.5") and created.unit_type is UnitType.CARE
    assert changed.kobo_id == created.kobo_id
    assert client.delete_unit(created.kobo_id) is True
    assert client.delete_unit(created.kobo_id) is False
    with pytest.raises(BackendNotFound):
        client.unit(created.kobo_id)


def test_reservation_allocation_and_a_lease_on_a_case(live_sandbox):
    from apps.sandbox.models import KoboCase

    KoboCase.objects.create(reference="SAK TEST 1")  # a reference that must be quoted in the path
    client = get_client()
    kobo_id = client.create_unit(registration()).kobo_id

    reserved = client.reserve(kobo_id, "SAK TEST 1")
    assert [r.case_reference for r in reserved.reservations] == ["SAK TEST 1"]
    assert client.remove_reservation(kobo_id, "SAK TEST 1").reservations == ()
    allocated = client.allocate(kobo_id, "SAK TEST 1")
    assert allocated.allocation.case_reference == "SAK TEST 1" and allocated.allocation.allocated_at
    assert client.remove_allocation(kobo_id, "SAK TEST 1").allocation is None
    let = client.open_lease(kobo_id, LeaseTerms(start=date(2027, 1, 1), open_ended=True), "SAK TEST 1")
    assert let.status is UnitStatus.LET and let.lease.case_reference == "SAK TEST 1"
    longer = client.change_lease(kobo_id, LeaseTerms(date(2027, 1, 1), open_ended=False, expires=date(2030, 1, 1)))
    assert longer.lease.expires == date(2030, 1, 1)
    ended = client.end_lease(kobo_id, date(2027, 6, 30), UnitStatus.MAINTENANCE, LeaseEndReason.DECEASED)
    assert ended.lease is None and ended.previous_leases[-1].moved_out_on == date(2027, 6, 30)


def test_a_notice_is_registered_changed_and_withdrawn(live_sandbox):
    client = get_client()
    kobo_id = kobo_id_of("142-043-01")
    today = timezone.localdate()
    request = NoticeRequest(
        actor=NoticeActor.TENANT,
        period=NoticePeriod.THREE_MONTHS,
        received_on=today,
        effective_from=today + timedelta(days=100),
        planned_move_out=today + timedelta(days=100),
    )

    registered = client.register_notice(kobo_id, request)
    changed = client.change_notice(
        kobo_id, NoticeRequest(**{**request.__dict__, "other_period": "10 uker", "period": NoticePeriod.OTHER})
    )
    withdrawn = client.withdraw_notice(kobo_id)

    assert registered.lease.notice.actor is NoticeActor.TENANT
    assert registered.lease.notice.effective_from == today + timedelta(days=100)
    assert changed.lease.other_notice_period == "10 uker"
    assert withdrawn.lease.notice is None and withdrawn.lease.notice_period is None


def test_kobos_refusal_carries_its_reason(live_sandbox):
    client = get_client()
    request = NoticeRequest(
        NoticeActor.TENANT, NoticePeriod.THREE_MONTHS, date(2010, 1, 1), date(2010, 1, 2), date(2010, 1, 2)
    )

    with pytest.raises(BackendRefused) as refused:
        client.register_notice(kobo_id_of("142-043-01"), request)

    assert refused.value.status == 400
    assert "kontraktStartdato" in refused.value.message
    assert refused.value.code == "VALIDERINGSFEIL"


def test_the_token_is_cached_and_renewed_once_after_a_401(live_sandbox, backend_calls):
    client = get_client()
    kobo_id = kobo_id_of("142-043-01")
    client.unit(kobo_id)
    client.unit(kobo_id)
    assert [url.rsplit("/", 1)[-1] for _, url in backend_calls.calls].count("token") == 1

    cache.set(TOKEN_KEY.format(client_id="mina-sidor-kobo"), "stale-token")
    backend_calls.reset()
    client.unit(kobo_id)
    assert [method for method, _ in backend_calls.calls] == ["GET", "POST", "GET"]


def test_wrong_credentials_are_refused_not_retried_forever(live_sandbox, settings):
    settings.KOBO_CLIENT_SECRET = "wrong"

    with pytest.raises(BackendRefused):
        get_client().unit(kobo_id_of("142-043-01"))


def test_another_systems_id_sees_nothing(live_sandbox, settings):
    settings.KOBO_SYSTEM_ID = "annen-fdvu"  # with the portal's token: not its system

    with pytest.raises(BackendRefused):
        get_client().unit(kobo_id_of("142-043-01"))


def test_a_kobo_id_that_is_not_a_uuid_never_reaches_the_path(live_sandbox):
    with pytest.raises(ValueError):
        get_client().unit("../fdvusystem")


def test_kobo_down_is_unavailable(settings, unreachable):
    settings.KOBO_BASE_URL = unreachable
    settings.KOBO_TOKEN_URL = unreachable + "/token"

    with pytest.raises(BackendUnavailable):
        get_client().unit("7d4f4b1e-0f49-4f0e-8f43-5a0c9a2b8a11")


def test_the_webhook_key_is_registered(live_sandbox, settings):
    from apps.sandbox.models import KoboWebhook

    get_client().register_webhook_key("w" * 40, settings.KOBO_WEBHOOK_URL)

    assert KoboWebhook.objects.get(system_id="tallbacken-fdvu").api_key == "w" * 40
