"""Reading the register's envelope: where the id sits, unknown codes, what must parse."""

import pytest

from apps.backends.cashservices import ServiceType, parse
from apps.backends.errors import BackendInvalid


def test_the_id_is_read_from_data_id_or_else_from_the_attributes():
    body = {"data": [{"type": "serviceType", "id": 2, "attributes": {"name": " Betalningsförmedling "}}]}
    from_attributes = {"data": {"type": "serviceType", "attributes": {"id": 9, "name": "Guldsmide"}}}

    assert parse.many(body, parse.service_type, "t")[0].kind is ServiceType.BILL_PAYMENT
    unknown = parse.one(from_attributes, parse.service_type, "t")
    assert (unknown.id, unknown.kind) == (9, None)


def test_a_provider_without_coordinates_is_invalid():
    body = {"data": {"type": "provider", "id": 1, "attributes": {"name": "Utan läge"}}}

    with pytest.raises(BackendInvalid):
        parse.one(body, parse.provider, "provider")


def test_a_collection_that_is_not_a_list_is_invalid():
    with pytest.raises(BackendInvalid):
        parse.many({"data": {"id": 1}}, parse.organisation, "organisations")
