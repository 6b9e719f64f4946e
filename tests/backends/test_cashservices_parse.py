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


FEE_MODEL = {"supplierOrganisationId": 1, "principalOrganisationId": 2, "serviceTypeId": 2, "serviceFormId": 4}


def test_an_empty_register_and_a_single_form_or_id_read_as_lists():
    service = {
        "id": 5,
        "attributes": {"providerId": 1, "servicePrincipalId": 2, "serviceTypeId": 2, "forms": " Över disk hos ombud "},
    }
    fee_model = {"id": 3, "attributes": FEE_MODEL | {"includedServiceIds": "5"}}

    assert parse.many({"data": None}, parse.organisation, "organisations") == ()
    assert parse.one({"data": service}, parse.service, "service").forms == ("Över disk hos ombud",)
    assert parse.one({"data": fee_model}, parse.fee_model, "feeModel").included_service_ids == (5,)


def test_included_service_ids_that_are_not_ids_are_invalid():
    body = {"data": {"id": 3, "attributes": FEE_MODEL | {"includedServiceIds": [5, "fem"]}}}

    with pytest.raises(BackendInvalid, match="includedServiceIds"):
        parse.one(body, parse.fee_model, "feeModel")
