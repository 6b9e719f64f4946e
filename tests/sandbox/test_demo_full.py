"""The full demo company, built once for this module: a realistic Swedish housing company."""

import pytest
from django.utils import timezone

from apps.sandbox.demo import build_demo, reset_demo
from apps.sandbox.models import (
    Building,
    Customer,
    Errand,
    FaultDescriptionType,
    Hold,
    Node,
    Notice,
    Property,
    RentalObject,
    WorkOrderStatus,
)
from tests.sandbox.cases import INVOICE_CASES, invoice_cases, rows_of, work_order_statuses

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def full_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        reset_demo()
        build_demo(size="full")
    yield
    with django_db_blocker.unblock():
        reset_demo()


def test_it_has_properties_buildings_and_sixty_apartments():
    assert Property.objects.count() >= 3
    assert Building.objects.count() > Property.objects.count()
    assert RentalObject.objects.filter(kind=RentalObject.Kind.BOSTAD).count() >= 60


def test_every_building_has_a_laundry_room_and_storage_rooms():
    for building in Building.objects.all():
        kinds = [o.kind for o in building.rental_objects.all()]
        assert kinds.count(RentalObject.Kind.TVATTSTUGA) == 1
        assert kinds.count(RentalObject.Kind.FORRAD) >= 2


def test_every_apartment_has_rooms_units_and_the_kitchen_freezer():
    for apartment in RentalObject.objects.filter(kind=RentalObject.Kind.BOSTAD):
        labels = set(Node.objects.filter(rental_object=apartment).values_list("label", flat=True))
        assert {
            "Lägenhet",
            "Hall",
            "Kök",
            "Badrum",
            "Vardagsrum",
            "Kyl/Frys",
            "Frys - Standard",
            "Handfat",
            "WC",
            "Dusch",
            "Fönster",
            "Element",
        } <= labels


def test_fault_descriptions_and_key_handling_are_offered():
    assert FaultDescriptionType.objects.count() >= 10
    for apartment in RentalObject.objects.filter(kind=RentalObject.Kind.BOSTAD):
        assert apartment.key_handling_types.count() == 3


def test_it_has_forty_customers_each_with_three_years_of_rent_notices():
    customers = Customer.objects.all()
    assert customers.count() >= 40
    for customer in customers:
        assert customer.notices.filter(kind=Notice.Kind.AVI).count() >= 36
        assert customer.leases.exists()


def test_every_errand_status_is_present():
    rows = rows_of(Customer.objects.all())
    assert work_order_statuses(rows) == set(WorkOrderStatus.values)
    assert {row.hold for row in rows} == set(Hold.values)
    assert Errand.objects.filter(rental_object__kind=RentalObject.Kind.TVATTSTUGA).exists()


def test_every_invoice_case_is_present_and_not_only_for_demo_customer_1():
    today = timezone.localdate()
    others = invoice_cases(Customer.objects.exclude(customer_number="15555"), today)

    assert {"paid", "partly paid", "overdue", "debt collection", "unpaid, not yet due"} <= others
    assert others | invoice_cases(Customer.objects.filter(customer_number="15555"), today) == INVOICE_CASES
