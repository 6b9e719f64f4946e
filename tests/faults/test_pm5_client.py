"""The PM5 client's fault-report endpoints against the sandbox over real HTTP."""

import io

import pytest

from apps.backends.errors import BackendNotFound, BackendRefused
from apps.backends.pm5 import get_client
from apps.backends.pm5.errands import _StreamedJson
from apps.backends.pm5.errands_parse import node_choices
from apps.backends.pm5.errands_types import FaultReportRequest, ReportContact, ReportPhoto, ReportRow
from tests.faults.conftest import FREEZER_PATH, image_bytes


def freezer_report(*photos: bytes, contact: ReportContact | None = None) -> FaultReportRequest:
    row = ReportRow(
        path=FREEZER_PATH,
        description="Frysen håller inte temperaturen",
        key_handling_id=2,
        key_note="Hemma mellan 10:00 och 13:00",
        fault_type_id=13,
        photos=tuple(ReportPhoto(size=len(p), open=lambda p=p: io.BytesIO(p), note="Isen") for p in photos),
    )
    return FaultReportRequest(head_node_id="n245612", rows=(row,), contact=contact, pets="Katt")


@pytest.mark.integration
def test_it_walks_the_seeds_example_to_the_freezer(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    ids = FREEZER_PATH.split("-")
    for depth in (1, 2, 3):
        choices = client.node_choices(key, ids[:depth])
        assert ids[depth] in {node.node_id for node in choices.children}
        assert len(choices.levels) == depth
    leaf = client.node_choices(key, ids, fault_types=True, key_handling=True)
    assert leaf.children == ()
    assert "Kyler inte" in {c.label for c in leaf.fault_types}
    assert "Är hemma" in {c.label for c in leaf.key_handling}


@pytest.mark.integration
def test_a_path_that_is_not_the_customers_is_not_found(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.bob.number)
    with pytest.raises(BackendNotFound):
        client.node_choices(key, ["n245612"])


@pytest.mark.integration
def test_it_creates_an_errand_with_photos_and_reads_it_back(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    jpeg, png = image_bytes("JPEG"), image_bytes("PNG")
    contact = ReportContact(first_name="Adam", last_name="Bertilsson", phone="012-34 56 78", email="")

    errand_id = client.create_fault_report(key, freezer_report(jpeg, png, contact=contact))
    errand = client.get_errand(key, errand_id)

    assert errand.errand_id == errand_id
    assert errand.number.startswith("R-")
    [row] = errand.rows
    assert row.path_string == FREEZER_PATH
    assert [step.label for step in row.node_path] == ["Lägenhet", "Kök", "Kyl/Frys", "Frys - Standard"]
    assert row.history[0].label == "Registrerad"
    assert "Adam Bertilsson" in {c.name for c in errand.contacts}
    assert len(row.media_ids) == 2

    download = client.errand_row_file(key, errand_id, row.row_id, row.media_ids[1])
    try:
        assert download.content_type == "image/png"
        assert b"".join(download.chunks) == png
    finally:
        download.close()


@pytest.mark.integration
def test_a_refused_report_raises_with_the_backends_reason(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    bad = FaultReportRequest(
        head_node_id="n245612",
        rows=(
            ReportRow(path="n245612-n999", description="x", key_handling_id=None, key_note=None, fault_type_id=None),
        ),
        contact=None,
        pets=None,
    )
    with pytest.raises(BackendRefused) as refused:
        client.create_fault_report(key, bad)
    assert refused.value.status == 400
    assert "finns inte" in refused.value.message


@pytest.mark.integration
def test_another_customers_errand_is_not_found(live_sandbox):
    client = get_client()
    alice_key = client.open_session(customer_number=live_sandbox.alice.number)
    errand_id = client.create_fault_report(alice_key, freezer_report())
    bob_key = client.open_session(customer_number=live_sandbox.bob.number)
    with pytest.raises(BackendNotFound):
        client.get_errand(bob_key, errand_id)


# --- without a backend ------------------------------------------------------------------------


def test_the_streamed_body_is_the_json_a_plain_dump_would_be():
    import base64
    import json

    jpeg, png = image_bytes("JPEG"), image_bytes("PNG", size=(33, 17))
    body = _StreamedJson(freezer_report(jpeg, png))
    sent = b"".join(body)
    assert len(sent) == len(body), "the Content-Length promised is the length sent"
    media = json.loads(sent)["Rader"][0]["Media"]
    assert [base64.b64decode(m["MediaByte"]) for m in media] == [jpeg, png]


def test_the_streamed_body_encodes_short_reads_correctly():
    import base64
    import json

    class Trickle(io.BytesIO):
        def read(self, size=-1):
            return super().read(min(size, 7) if size and size > 0 else 7)

    data = bytes(range(256)) * 3
    row = ReportRow(
        path=FREEZER_PATH,
        description="x",
        key_handling_id=None,
        key_note=None,
        fault_type_id=None,
        photos=(ReportPhoto(size=len(data), open=lambda: Trickle(data)),),
    )
    body = _StreamedJson(FaultReportRequest(head_node_id="n245612", rows=(row,), contact=None, pets=None))
    sent = json.loads(b"".join(body))
    assert base64.b64decode(sent["Rader"][0]["Media"][0]["MediaByte"]) == data


def test_the_client_also_reads_a_bare_list_of_lists_with_avser_keys():
    choices = node_choices([[{"Avser": "n512431", " Visningstext": "Kök", "Typ": "Nod"}]])
    assert choices.children[0].node_id == "n512431"
    assert choices.children[0].label == "Kök"
    assert choices.fault_types is None
