"""The PM5 client's general-errand and inspection endpoints: against the sandbox over real HTTP, and parsing."""

from datetime import datetime

import pytest
from django.utils import timezone

from apps.backends.errors import BackendNotFound, BackendRefused
from apps.backends.pm5 import SessionParts, get_client
from apps.backends.pm5.errands_parse import create_body
from apps.backends.pm5.errands_types import FaultReportRequest, ReportRow
from apps.backends.pm5.general import GENERAL_ERRAND_TYPE, _errand_class_or_none
from apps.backends.pm5.types import Errand
from apps.backends.wire import Wire


def disturbance(path: str, *, when: datetime | None = None) -> FaultReportRequest:
    row = ReportRow(
        path=path,
        description="Hög musik efter midnatt",
        key_handling_id=None,
        key_note=None,
        fault_type_id=None,
        times=((1, when),) if when else (),
    )
    return FaultReportRequest(
        head_node_id=path.split("-")[0],
        rows=(row,),
        contact=None,
        pets=None,
        errand_type=GENERAL_ERRAND_TYPE,
        usage="Storning",
    )


@pytest.mark.integration
def test_it_lists_the_classes_walks_one_and_creates_a_disturbance(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    classes = client.errand_classes(key)
    assert [c.label for c in classes] == ["Störning", "Önskemål"]
    storning = classes[0]
    assert [p.label for p in storning.time_points] == ["Inträffat"]

    head = "n245612"
    walk = dict(errand_type=GENERAL_ERRAND_TYPE, usage=storning.system_name)
    top = client.node_choices(key, [head], **walk)
    buller = next(n for n in top.children if n.label == "Buller")
    below = client.node_choices(key, [head, buller.node_id], **walk)
    music = next(n for n in below.children if n.label == "Musik eller fest")
    path = "-".join([head, buller.node_id, music.node_id])

    when = timezone.make_aware(datetime(2026, 1, 10, 23, 30))
    errand = client.get_errand(key, client.create_fault_report(key, disturbance(path, when=when)))
    assert errand.kind == "Störning"
    assert errand.rows[0].path_string == path
    assert errand.rows[0].times[0].at == when


@pytest.mark.integration
def test_a_disturbance_on_another_customers_object_is_not_found_or_refused(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.bob.number)
    with pytest.raises(BackendNotFound):
        client.node_choices(key, ["n245612"], errand_type=GENERAL_ERRAND_TYPE, usage="Storning")
    with pytest.raises((BackendNotFound, BackendRefused)):
        client.create_fault_report(key, disturbance("n245612"))


@pytest.mark.integration
def test_it_streams_the_protocol_of_a_done_inspection_and_not_another_customers(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    session = client.get_session(key, SessionParts(customer=False, errands=True, errand_rows=True))
    done = next(e for e in session.errands if e.is_inspection and e.closed_at)
    assert done.for_incoming_tenant
    download = client.inspection_protocol(key, done.errand_id, incoming_tenant=True)
    try:
        assert download.mime_type == "application/pdf"
        assert b"".join(download).startswith(b"%PDF")
    finally:
        download.close()
    other = client.open_session(customer_number=live_sandbox.bob.number)
    with pytest.raises(BackendNotFound):
        client.inspection_protocol(other, done.errand_id, incoming_tenant=True)


def test_a_removed_class_or_time_point_is_left_out():
    removed = {"NodKlassId": 3, "Beteckning": "Gammal", "SystemName": "Gammal", "Borttagen": True}
    assert _errand_class_or_none(Wire(removed, "NodKlass")) is None
    live = {
        "NodKlassId": 1,
        "Beteckning": "Störning",
        "SystemName": "Storning",
        "Borttagen": False,
        "ÄrendeKlassTidpunktLista": [
            {
                "ÄrendeTidpunktTypId": 1,
                "ÄrendeTidpunktTypBeteckning": "Inträffat",
                "ÄrendeTidpunktTypSystemName": "Intraffat",
            },
            {
                "ÄrendeTidpunktTypId": 2,
                "ÄrendeTidpunktTypBorttagen": "2020-01-01T00:00:00",
                "ÄrendeTidpunktTypSystemName": "Upptackt",
            },
        ],
    }
    parsed = _errand_class_or_none(Wire(live, "NodKlass"))
    assert [p.system_name for p in parsed.time_points] == ["Intraffat"]


def test_a_fault_reports_body_is_as_before_and_a_general_errands_names_its_class():
    fault = create_body(
        FaultReportRequest(
            head_node_id="n1",
            rows=(ReportRow(path="n1-n2", description="x", key_handling_id=None, key_note=None, fault_type_id=None),),
            contact=None,
            pets=None,
        ),
        [],
    )
    assert fault["Ärendetyp"] == "Order" and fault["Användningstyp"] == {"Referensnamn": "Felanmälan"}
    assert "Tidpunkter" not in fault["Rader"][0]
    when = timezone.make_aware(datetime(2026, 1, 10, 23, 30))
    general = create_body(disturbance("n1-n2", when=when), [])
    assert general["Ärendetyp"] == "AllmantArende" and general["Användningstyp"] == {"Referensnamn": "Storning"}
    assert general["Rader"][0]["Tidpunkter"] == [{"ÄrendeRadTidpunktTypId": 1, "Värde": "2026-01-10T23:30:00"}]


@pytest.mark.parametrize(
    ("kind", "incoming"),
    [("Inflyttningsbesiktning", True), ("Avflyttningsbesiktning", False), ("Besiktning", True)],
)
def test_the_protocols_side_follows_the_kind_pm5_names(kind, incoming):
    errand = Errand(
        errand_id=1,
        number="R-1",
        kind=kind,
        kind_code="Besiktning",
        contacts=(),
        handlers=(),
        received_at=None,
        due_at=None,
        closed_at=None,
        planned_start=None,
        planned_end=None,
        step_code=None,
        step_label=None,
    )
    assert errand.is_inspection
    assert errand.for_incoming_tenant is incoming
