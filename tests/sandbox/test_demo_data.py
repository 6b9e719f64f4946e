"""The small demo company: the seed's example, every case, valid numbers, and determinism."""

import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from apps.sandbox.checksums import is_luhn_valid, is_valid_ocr, is_valid_personnummer
from apps.sandbox.demo import DemoDataExists, build_demo, reset_demo
from apps.sandbox.demo.personas import PERSONAS
from apps.sandbox.models import Customer, ErrandRow, Hold, Lease, Node, Notice, RentalObject, WorkOrderStatus
from apps.sandbox.pm5.flags import FLAG_NAMES
from tests.sandbox.cases import INVOICE_CASES, customer, invoice_cases, rows_of, work_order_statuses
from tests.sandbox.conftest import ANNA, KALLE, MAJA

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(small_demo):
    return small_demo


def test_the_seeds_freezer_path_is_in_demo_customer_1s_apartment():
    freezer = Node.objects.get(pk="n422831")

    assert freezer.path == "n245612-n512431-n188452-n422831"
    assert [Node.objects.get(pk=i).label for i in freezer.path_ids] == [
        "Lägenhet",
        "Kök",
        "Kyl/Frys",
        "Frys - Standard",
    ]
    assert freezer.rental_object.number == "142-043-01"
    assert freezer.rental_object.root_node.pk == "n245612"
    assert Lease.objects.filter(customer=customer(KALLE), rental_object=freezer.rental_object).exists()


def test_the_node_tree_has_rooms_units_and_fault_descriptions():
    kitchen = Node.objects.get(pk="n512431")

    assert kitchen.parent_id == "n245612"
    assert {"Kyl/Frys", "Spis", "Diskbänk", "Övrigt"} <= {n.label for n in kitchen.children.all()}
    assert kitchen.children.get(label="Övrigt").type == Node.Type.NODKLASS
    assert Node.objects.filter(type=Node.Type.DETALJ, id__startswith="d").exists()
    assert {f.label for f in Node.objects.get(pk="n422831").kind.fault_types.all()} >= {"Kyler inte"}
    apartment = RentalObject.objects.get(number="142-043-01")
    assert [k.label for k in apartment.key_handling_types.all()] == [
        "Huvudnyckel får användas",
        "Är hemma",
        "Lämnas på kontoret",
    ]


def test_node_ids_follow_their_type():
    prefixes = {Node.Type.NOD: "n", Node.Type.NODKLASS: "nk", Node.Type.DETALJ: "d"}
    for node in Node.objects.all():
        assert node.id.startswith(prefixes[node.type]) and "-" not in node.id
        assert node.path.endswith(node.id)


def test_the_small_company_has_the_three_demo_customers_in_order():
    numbers = list(Customer.objects.order_by("pk").values_list("customer_number", flat=True))
    assert numbers == [KALLE, ANNA, MAJA] == [p.customer_number for p in PERSONAS]


def test_laundry_and_storage_rooms_are_reportable_objects():
    for obj in RentalObject.objects.exclude(kind=RentalObject.Kind.BOSTAD):
        assert obj.fault_reportable
        assert Node.objects.filter(rental_object=obj, parent=None).exists()


def test_every_number_has_a_valid_check_digit():
    assert all(is_valid_personnummer(c.personnummer) for c in Customer.objects.all())
    assert all(is_valid_ocr(n.ocr) for n in Notice.objects.all())
    assert all(is_luhn_valid(n.bankgiro) for n in Notice.objects.all())


def test_amounts_add_up_on_every_notice():
    for notice in Notice.objects.prefetch_related("periods__rows"):
        periods = list(notice.periods.all())
        assert notice.gross == notice.net + notice.vat == sum(p.gross for p in periods)
        for period in periods:
            assert period.gross == period.net + period.vat == sum(r.gross for r in period.rows.all())


def test_demo_customer_1_alone_shows_every_invoice_case():
    assert invoice_cases([customer(KALLE)], timezone.localdate()) == INVOICE_CASES


def test_demo_customer_1_alone_shows_every_errand_status():
    rows = rows_of([customer(KALLE)])

    assert work_order_statuses(rows) == set(WorkOrderStatus.values)
    assert {row.hold for row in rows} == set(Hold.values)
    assert {row.priority for row in rows} == {10, 30}


def test_rows_follow_their_work_order_status_step_by_step():
    for row in ErrandRow.objects.all():
        assert (row.ordered_at is not None) == (row.status in {"GODK", "PAGAR", "UTFÖRD", "ÖVERF"})
        assert (row.done_at is not None) == (row.status in {"UTFÖRD", "ÖVERF"})
        assert (row.cancelled_at is not None) == (row.status == "MAK")
        assert row.history.exists()


def test_building_twice_is_refused():
    with pytest.raises(DemoDataExists):
        build_demo(size="small")


def session_json(pm5, number: str) -> str:
    return pm5.get_session(pm5.key(number), *FLAG_NAMES, HämtaKundAviseringarAntMån="120").content.decode()


def test_the_same_seed_and_day_give_the_same_data(pm5):
    today = timezone.localdate()
    reset_demo()
    build_demo(seed=7, size="small", today=today)
    first = [session_json(pm5, number) for number in (KALLE, ANNA)]
    reset_demo()
    build_demo(seed=7, size="small", today=today)
    second = [session_json(pm5, number) for number in (KALLE, ANNA)]

    assert first == second
    assert json.loads(first[0])["Kund"]["Kundinformation"]["Kundnummer"] == KALLE


def test_another_seed_gives_other_data(pm5):
    today = timezone.localdate()
    reset_demo()
    build_demo(seed=7, size="small", today=today)
    first = session_json(pm5, KALLE)
    reset_demo()
    build_demo(seed=8, size="small", today=today)

    assert session_json(pm5, KALLE) != first
    assert Node.objects.filter(pk="n422831").exists(), "the seed's example survives any seed"


def test_dates_are_relative_to_the_today_given():
    reset_demo()
    build_demo(size="small", today=date(2024, 2, 29))

    newest = Notice.objects.filter(kind=Notice.Kind.AVI).order_by("-due_date").first()
    assert date(2024, 2, 29) <= newest.due_date <= date(2024, 2, 29) + timedelta(days=35)
