"""The Errands v2 facade: each id form, each flag, its sign-in and its errors."""

import re

import pytest

from apps.sandbox.models import Errand, ErrandRow, IncomingInvoice, IncomingReference

pytestmark = pytest.mark.django_db

E = "/sandbox/errands/v2/errands/"
TOKEN = "Bearer sandbox-errands-token"
ROW_FLAGS = ("rowsAccounting", "rowsPrimaryObject", "rowsParticipants", "rowsEntityPath")
ACCOUNTING_FLAGS = ("rowsAccountingCoding", "rowsAccountingVat", "rowsAccountingIncomingInvoice")
EVERYTHING = {name: "true" for name in ("rows", *ROW_FLAGS, *ACCOUNTING_FLAGS, "basicFields")}


@pytest.fixture(autouse=True)
def _demo(small_demo, settings_for_sandbox):
    settings_for_sandbox.SANDBOX_ERRANDS_TOKEN = "sandbox-errands-token"
    return small_demo


def get(client, errand_id: str, auth: str | None = TOKEN, **params):
    return client.get(E + errand_id, params, headers={"Authorization": auth} if auth else {})


def read(client, errand_id: str, **params) -> dict:
    response = get(client, errand_id, **params)
    assert response.status_code == 200, response.content
    return response.json()


def invoiced_group() -> IncomingReference:
    """An IB group that has received an invoice, on an errand with more than its own rows if any."""
    return IncomingReference.objects.filter(invoices__isnull=False).order_by("pk").first()


def two_supplier_errand() -> Errand:
    """The demo errand with two faults, one of them sent to a supplier (an IB group), one not yet."""
    return next(
        e
        for e in Errand.objects.order_by("pk")
        if e.rows.count() == 2 and e.rows.filter(incoming_reference__isnull=False).count() == 1
    )


def test_an_errand_number_gives_the_errand_and_every_row(client):
    errand = two_supplier_errand()
    body = read(client, errand.number, rows="true")
    assert body["id"] == errand.guid and body["number"] == errand.number
    assert [r["id"] for r in body["rows"]] == [r.guid for r in errand.rows.order_by("pk")]
    assert [r["number"] for r in body["rows"]] == ["1", "2"]
    assert body["displayName"] == "Felanmälan"


def test_the_errand_guid_gives_the_same_answer_with_or_without_hyphens_and_in_capitals(client):
    errand = two_supplier_errand()
    by_number = read(client, errand.number, **EVERYTHING)
    g = errand.guid.upper()
    hyphenated = f"{g[:8]}-{g[8:12]}-{g[12:16]}-{g[16:20]}-{g[20:]}"
    assert read(client, errand.guid, **EVERYTHING) == by_number
    assert read(client, hyphenated, **EVERYTHING) == by_number


def test_an_ib_number_or_its_guid_gives_only_the_rows_of_that_group(client):
    errand = two_supplier_errand()
    group = errand.incoming_references.get()
    sent = group.rows.get()
    for ib_id in (group.reference, group.guid):
        body = read(client, ib_id, rows="true", rowsAccounting="true", rowsAccountingIncomingInvoice="true")
        assert body["id"] == errand.guid and body["number"] == errand.number
        assert [r["id"] for r in body["rows"]] == [sent.guid]
        assert body["rows"][0]["accounting"]["incomingReference"]["reference"] == group.reference
        # The row number stays the row's place in the whole errand.
        assert body["rows"][0]["number"] == str(list(errand.rows.order_by("pk")).index(sent) + 1)


def test_an_ib_number_spans_its_guid_groups_while_a_guid_names_one(client):
    group = invoiced_group()
    row = group.rows.first()
    later = IncomingReference.objects.create(errand=group.errand, reference=group.reference, supplier=group.supplier)
    new_row = ErrandRow.objects.create(
        errand=group.errand,
        node=row.node,
        registered_at=row.registered_at,
        estimated_cost=100,
        incoming_reference=later,
    )
    by_number = {r["id"] for r in read(client, group.reference, rows="true")["rows"]}
    assert by_number == {row.guid for row in group.rows.all()} | {new_row.guid}
    assert [r["id"] for r in read(client, later.guid, rows="true")["rows"]] == [new_row.guid]


def test_without_flags_only_the_errand_is_answered(client):
    errand = two_supplier_errand()
    body = read(client, errand.number)
    assert "rows" not in body
    assert set(body) == {"id", "number", "displayName", "type", "presentation", "status"}
    assert body["status"]["created"].startswith(errand.received_at.astimezone().date().isoformat()[:4])


def test_rows_alone_give_id_number_status_and_description_but_nothing_a_flag_controls(client):
    rows = read(client, two_supplier_errand().number, rows="true", rowsAccountingCoding="true")["rows"]
    for row in rows:
        assert set(row) == {"id", "number", "status", "description"}


@pytest.mark.parametrize(
    ("flag", "key"),
    [
        ("rowsAccounting", "accounting"),
        ("rowsPrimaryObject", "primaryObject"),
        ("rowsParticipants", "participants"),
        ("rowsEntityPath", "entityPath"),
    ],
)
def test_each_row_flag_adds_its_part_and_needs_rows(client, flag, key):
    number = two_supplier_errand().number
    on = read(client, number, rows="true", **{flag: "true"})["rows"]
    assert all(key in row for row in on)
    off = read(client, number, rows="true", **{flag: "false"})["rows"]
    assert not any(key in row for row in off)
    assert "rows" not in read(client, number, **{flag: "true"})


@pytest.mark.parametrize(
    ("flag", "key"),
    [
        ("rowsAccountingCoding", "coding"),
        ("rowsAccountingVat", "vat"),
        ("rowsAccountingIncomingInvoice", "incomingReference"),
    ],
)
def test_each_accounting_flag_adds_its_part_and_needs_rows_accounting(client, flag, key):
    number = two_supplier_errand().number
    on = read(client, number, rows="true", rowsAccounting="true", **{flag: "true"})["rows"]
    assert all(key in row["accounting"] for row in on)
    without_accounting = read(client, number, rows="true", **{flag: "true"})["rows"]
    assert not any("accounting" in row for row in without_accounting)
    off = read(client, number, rows="true", rowsAccounting="true")["rows"]
    assert not any(key in row["accounting"] for row in off)


def test_everything_looks_like_the_seeds_example(client):
    group = invoiced_group()
    row = group.rows.first()
    body = read(client, group.errand.number, **EVERYTHING)
    wire = next(r for r in body["rows"] if r["id"] == row.guid)
    types = [p["type"]["id"] for p in wire["participants"]]
    assert types == ["manager", "supplier", "orderer", "contact"]
    assert wire["participants"][1]["actor"]["displayName"] == group.supplier
    assert all(len(p["actor"]["id"]) == 32 for p in wire["participants"])
    accounting = wire["accounting"]
    assert accounting["estimatedCost"] == float(row.estimated_cost)
    assert accounting["vat"] == {"registered": False}
    parts = accounting["coding"][0]["rows"][0]["parts"]
    assert accounting["coding"][0]["rows"][0]["debit"] is True
    assert [p["typeDisplayName"] for p in parts] == [
        "Ansvar",
        "Fastighet",
        "Konto",
        "Kostnadsslag",
        "Projekt",
        "Verksamhet",
    ]
    assert {"typeDisplayName": "Konto", "value": "4657"} in parts
    invoice = IncomingInvoice.objects.get(reference=group)
    assert accounting["incomingReference"] == {
        "reference": group.reference,
        "referenceGuid": group.guid,
        "invoice": [{"id": invoice.guid, "number": invoice.number}],
    }
    labels = [p["displayName"] for p in wire["entityPath"]]
    assert labels[-1] == row.node.label and len(labels) == len(row.node.path_ids)
    assert wire["primaryObject"]["type"]["typeClassDisplayName"] == row.errand.rental_object.type_label


def test_the_estimated_cost_is_written_with_four_decimals(client):
    response = get(client, invoiced_group().reference, rows="true", rowsAccounting="true")
    assert re.search(rb'"estimatedCost":\d+\.\d{4}[,}]', response.content)


def test_a_row_not_yet_costed_still_has_its_accounting_and_a_row_not_sent_has_no_ib_group(client):
    not_costed = ErrandRow.objects.filter(estimated_cost__isnull=True).first()
    flags = {"rows": "true", "rowsAccounting": "true", "rowsAccountingCoding": "true", "rowsAccountingVat": "true"}
    rows = read(client, not_costed.errand.number, **flags)["rows"]
    accounting = next(r for r in rows if r["id"] == not_costed.guid)["accounting"]
    assert accounting["estimatedCost"] is None and accounting["coding"] and "registered" in accounting["vat"]
    not_sent = ErrandRow.objects.filter(estimated_cost__isnull=False, incoming_reference__isnull=True).first()
    rows = read(client, not_sent.errand.number, **EVERYTHING)["rows"]
    assert next(r for r in rows if r["id"] == not_sent.guid)["accounting"]["incomingReference"] is None


@pytest.mark.parametrize("value", ["TRUE", "True", '"true"'])
def test_flag_values_are_read_in_any_case_and_as_the_seeds_json_strings(client, value):
    assert "rows" in read(client, two_supplier_errand().number, rows=value)


@pytest.mark.parametrize("errand_id", ["R-2201-99999", "IB-2201-99999", "0" * 32])
def test_an_unknown_id_is_404_with_a_message(client, errand_id):
    response = get(client, errand_id, rows="true")
    assert response.status_code == 404
    assert response.json()["message"]


@pytest.mark.parametrize(("errand_id", "params"), [("nonsense", {}), ("R-2201-5000", {"rows": "yes"})])
def test_a_malformed_id_or_flag_is_400(client, errand_id, params):
    response = get(client, errand_id, **params)
    assert response.status_code == 400
    assert set(response.json()) == {"message"}


def test_no_or_an_unknown_token_is_401(client):
    number = two_supplier_errand().number
    for auth in (None, "Bearer wrong", "Basic c2FuZGJveA=="):
        response = get(client, number, auth=auth)
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert response.json()["message"]


@pytest.mark.parametrize("token", ["sandbox-errands-no-role", "sandbox-errands-inactive"])
def test_a_user_without_the_role_or_not_active_is_403(client, token):
    response = get(client, two_supplier_errand().number, auth=f"Bearer {token}")
    assert response.status_code == 403
    assert "Extern Leverantör" in response.json()["message"]


def test_only_get_is_served(client):
    response = client.post(E + two_supplier_errand().number, headers={"Authorization": TOKEN})
    assert response.status_code == 405 and response["Allow"] == "GET"


def test_basic_fields_are_the_errands_help_text_and_text_fields(client):
    errand = two_supplier_errand()
    fields = read(client, errand.number, basicFields="true")["basicFields"]
    assert fields[0]["type"]["id"] == "helptext" and fields[0]["value"] == errand.get_source_display()
    assert all(f["id"] and f["displayName"] for f in fields)
    assert "basicFields" not in read(client, errand.number)
