"""Errands v2 parsing: the seed's example as given, and the spellings the contract lets a server use."""

from decimal import Decimal

import pytest

from apps.backends.errands import parse
from apps.backends.errors import BackendInvalid

PART = {"typeDisplayName": "Verksamhet", "dimension": "22", "value": "252"}

# The seed's third row, as printed (each coding part twice), trimmed to what is tested.
SEED_EXAMPLE = {
    "id": "9de1b47376dc479fa7261a8497055f58",
    "number": "R-2201-5000",
    "rows": [
        {
            "id": "a51dc347fb8743a7acae7591e2fd3866",
            "number": "3",
            "primaryObject": {
                "id": "07be44eca3c64e7ba5b25e62e95fccad",
                "type": {"id": "rentalObject", "displayName": "Hyresobjekt"},
            },
            "participants": [
                {
                    "type": {"id": "manager", "displayName": "Handläggare"},
                    "actor": {"id": "fa364fc841db48588dc4dc835e59e27e", "displayName": "Kaj "},
                },
            ],
            "accounting": {
                "estimatedCost": Decimal("346.0000"),
                "vat": {"registered": False},
                "coding": [
                    {"rows": [{"debit": True, "parts": [{"typeDisplayName": "Konto", "value": "4657"}] * 2 + [PART]}]}
                ],
                "incomingReference": {
                    "reference": "IB-2201-10001",
                    "referenceGuid": "99402ab8388c42f790bc9ff199204256",
                    "invoice": [{"id": "631c447ccebb4d2aa5e1524489e05259", "number": "INV1a001"}],
                },
            },
        }
    ],
}


def test_it_reads_the_seeds_example():
    errand = parse.errand(SEED_EXAMPLE)
    assert (errand.id, errand.number, errand.status, errand.name) == (
        "9de1b47376dc479fa7261a8497055f58",
        "R-2201-5000",
        None,
        None,
    )
    [row] = errand.rows
    assert row.number == "3" and row.primary_object.rentable and row.entity_path == ()
    assert row.participants[0].name == "Kaj", "trimmed for display"
    accounting = row.accounting
    assert accounting.estimated_cost == Decimal("346.0000") and accounting.vat_registered is False
    [coding] = accounting.coding
    assert coding.debit is True and len(coding.parts) == 3
    assert [(p.label, p.dimension, p.value) for p in coding.distinct_parts] == [
        ("Konto", None, "4657"),
        ("Verksamhet", "22", "252"),
    ]
    assert accounting.incoming.reference == "IB-2201-10001"
    assert [(i.id, i.number) for i in accounting.incoming.invoices] == [
        ("631c447ccebb4d2aa5e1524489e05259", "INV1a001")
    ]


def test_it_accepts_the_tables_spelling_and_a_numeric_debit():
    data = {
        "id": "x" * 32,
        "rows": [
            {
                "id": "y" * 32,
                "participants": [
                    {"type": {"id": "supplier", "typeDisplayName": "Leverantör"}, "actor": {"typeDisplayName": "Lars"}}
                ],
                "accounting": {"coding": [{"rows": [{"debit": 0, "parts": []}]}]},
            }
        ],
    }
    [row] = parse.errand(data).rows
    assert (row.participants[0].type_label, row.participants[0].name) == ("Leverantör", "Lars")
    assert row.accounting.coding[0].debit is False
    assert row.accounting.estimated_cost is None and row.accounting.incoming is None


@pytest.mark.parametrize(
    "broken",
    [
        {"number": "R-2201-5000"},
        {"id": "a" * 32, "rows": [{"number": "1"}]},
        {"id": "a" * 32, "rows": [{"id": "b" * 32, "accounting": {"estimatedCost": "much"}}]},
        {"id": "a" * 32, "rows": [{"id": "b" * 32, "accounting": {"coding": [{"rows": [{"debit": "maybe"}]}]}}]},
    ],
)
def test_a_missing_id_or_an_unreadable_amount_is_invalid(broken):
    with pytest.raises(BackendInvalid):
        parse.errand(broken)
