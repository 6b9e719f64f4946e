"""The FAST2 client's fasta strukturen, kund and Skapa arbetsorder calls against the sandbox over real HTTP."""

from datetime import date
from decimal import Decimal

import pytest

from apps.backends.errors import BackendNotFound, BackendRefused
from apps.backends.fast2 import Planning, WorkOrderQuery, get_client
from apps.backends.fast2.types import NewWorkOrder, ObjectSort, Phone, UnitChange

pytestmark = pytest.mark.integration

KALLE_HOME = "142-043-01"
KITCHEN, FREEZER = 512431, 422831  # the seed's example walk, kept in demo customer 1's apartment


def test_coordinates_in_the_surveyors_order_are_read_as_east_and_north():
    from apps.backends.fast2.structure_parse import estate_object

    swapped = estate_object({"id": "1", "adress": {"xkoord": 6727756.0, "ykoord": 618247.0}})

    assert (swapped.east, swapped.north) == (Decimal("618247.0"), Decimal("6727756.0"))
    assert estate_object({"id": "1", "adress": {"xkoord": None}}).east is None


def kalle_id(live) -> int:
    return get_client().customer_by_number(live.alice.number).id


def test_it_reads_an_object_and_the_customers_reportable_objects(live_sandbox):
    client = get_client()
    home = client.estate_object(KALLE_HOME)
    assert home.id == KALLE_HOME and home.street and home.type_code == "Lägenhet"
    assert (home.east, home.north) == (Decimal("618247.00"), Decimal("6727756.00"))  # Storgatan 16, Gävle
    customer_id = kalle_id(live_sandbox)
    assert customer_id in home.tenant_ids
    mine = client.reportable_objects(customer_id=customer_id)
    assert KALLE_HOME in {o.id for o in mine.objects} and mine.next_after is None
    [laundry] = client.reportable_objects(rentable=False, customer_id=customer_id).objects
    assert laundry.kind_code == "Tvattstuga"
    with pytest.raises(BackendNotFound):
        client.estate_object("999-999-99")


def test_it_pages_with_first_and_after_and_iterates_every_page(live_sandbox):
    client = get_client()
    everything = client.reportable_objects(first=1000).objects
    first = client.reportable_objects(first=2)
    assert len(first.objects) == 2 and first.next_after == first.objects[-1].id
    second = client.reportable_objects(first=2, after=first.next_after)
    assert first.objects + second.objects == everything[:4]
    assert tuple(client.all_reportable_objects(page_size=2)) == everything
    backwards = client.reportable_objects(first=1000, sort=(ObjectSort("id", descending=True),)).objects
    assert backwards == tuple(reversed(everything))


def test_a_bad_sort_is_refused(live_sandbox):
    with pytest.raises(BackendRefused) as refused:
        get_client().reportable_objects(sort=(ObjectSort("hyra"),))
    assert refused.value.status == 400 and "falt" in refused.value.message


def test_it_walks_rooms_units_and_phrases_and_updates_a_unit(live_sandbox):
    client = get_client()
    rooms = client.rooms(KALLE_HOME)
    kitchen = next(r for r in rooms if r.id == KITCHEN)
    assert kitchen.name == "Kök" and client.room(KITCHEN) == kitchen
    units = client.units(KITCHEN)
    freezer = next(u for u in units if u.id == FREEZER)
    assert freezer.room_id == KITCHEN and freezer.reportable and client.unit(FREEZER) == freezer
    phrases = client.phrases(FREEZER)
    assert "Kyler inte" in {p.text for p in phrases}
    client.update_unit(FREEZER, UnitChange(serial_number="EL-1", installed_on=date(2021, 3, 1)))
    changed = client.unit(FREEZER)
    assert (changed.serial_number, changed.installed_on, changed.name) == ("EL-1", date(2021, 3, 1), freezer.name)


def test_it_reads_a_customer_and_changes_the_contact_details(live_sandbox):
    client = get_client()
    customer = client.customer(kalle_id(live_sandbox))
    # nummer is the personnummer (001:902), kept out of the repr that a log line might show.
    assert customer.personal_number == live_sandbox.alice.personnummer and customer.name
    assert live_sandbox.alice.personnummer not in repr(customer)
    client.update_customer_contact(customer.id, email="ny@example.se", phones=(Phone("Mobil", "070-222 33 44"),))
    changed = client.customer(customer.id)
    assert changed.email == "ny@example.se" and Phone("Mobil", "070-222 33 44") in changed.phones
    client.update_customer_contact(
        customer.id, phones=(Phone("Arbete", "08-123 456"), Phone("Avflyttad", "08-9876 54"))
    )
    both = client.customer(customer.id).phones
    assert Phone("Arbete", "08-123 456") in both and Phone("Avflyttad", "08-9876 54") in both
    assert Phone("Mobil", "070-222 33 44") in both  # a type not sent stays
    with pytest.raises(BackendRefused):
        client.update_customer_contact(customer.id, phones=(Phone("Fax", "08-123 456"),))
    with pytest.raises(BackendNotFound):
        client.customer(99999999)


def test_it_creates_a_work_order_that_the_list_shows(live_sandbox):
    client = get_client()
    phrase = next(p for p in client.phrases(FREEZER) if p.text == "Kyler inte")
    new_id = client.create_work_order(
        NewWorkOrder(
            object_id=KALLE_HOME,
            room_id=KITCHEN,
            unit_id=FREEZER,
            phrase_id=phrase.id,
            description="Frysen kyler inte.",
            customer_number=live_sandbox.alice.number,
            priority_code="30",
            planning=Planning(day=date(2030, 5, 14), from_time="08:00", to_time="10:00"),
        )
    )
    order = client.work_order(new_id)
    assert (order.status, order.object_id, order.phrase, order.priority_code) == ("REG", KALLE_HOME, "Kyler inte", "30")
    assert order.customer_id == kalle_id(live_sandbox) and order.planning.from_time == "08:00"
    assert new_id in [wo.id for wo in client.work_orders(WorkOrderQuery(object_id=KALLE_HOME), limit=1000)]


def test_a_work_order_that_does_not_fit_together_is_refused_with_the_reason(live_sandbox):
    with pytest.raises(BackendRefused) as refused:
        get_client().create_work_order(NewWorkOrder(object_id=KALLE_HOME, unit_id=FREEZER, phrase_id=1))
    assert refused.value.status == 400 and "frasNr" in refused.value.message
