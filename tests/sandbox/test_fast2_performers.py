"""The list's utforare filter (001:1062): a resource's work orders by its stable id "R<n>"."""

import pytest

from tests.sandbox.test_fast2 import Fast2

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(small_demo, settings_for_sandbox):
    return small_demo


def test_a_resource_has_one_id_on_every_work_order_and_the_filter_finds_exactly_its_own(client):
    fast2 = Fast2(client)
    headers = fast2.headers()
    orders = fast2.get("/arbetsorder", {"limit": 1000}, headers).json()
    ids_by_name = {}
    for order in orders:
        if order["utforare"]:
            ids_by_name.setdefault(order["utforare"]["namn"], set()).add(order["utforare"]["id"])
    assert ids_by_name and all(len(ids) == 1 for ids in ids_by_name.values())
    name, (resource_id,) = next(iter(ids_by_name.items()))
    mine = fast2.get("/arbetsorder", {"utforare": resource_id, "limit": 1000}, headers).json()
    expected = [o["id"] for o in orders if o["utforare"] and o["utforare"]["namn"] == name]
    assert [o["id"] for o in mine] == expected


def test_several_resources_repeated_and_an_unknown_one(client):
    fast2 = Fast2(client)
    headers = fast2.headers()
    orders = fast2.get("/arbetsorder", {"limit": 1000}, headers).json()
    ids = sorted({o["utforare"]["id"] for o in orders if o["utforare"]})
    both = fast2.get(f"/arbetsorder?utforare={ids[0]}&utforare={ids[-1]}&limit=1000", headers=headers).json()
    assert {o["utforare"]["id"] for o in both} == {ids[0], ids[-1]}
    assert fast2.get("/arbetsorder", {"utforare": "R999999"}, headers).json() == []
    assert fast2.get("/arbetsorder", {"utforare": "nobody"}, headers).json() == []
