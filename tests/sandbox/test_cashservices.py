"""The cash-services facade against seed 003 and its contract: login, envelope, errors, each resource."""

import json

import pytest
from django.test import Client

from apps.sandbox.cashservices.reference import SERVICE_TYPES
from apps.sandbox.models import CashProvider, SandboxBehaviour

pytestmark = pytest.mark.django_db

BASE = "/sandbox/cashservices"
# The seed's own example provider.
INGO = {
    "type": "provider",
    "attributes": {
        "name": "INGO Örebro, Adolfsbergsvägen",
        "visitingAddress": "Adolfsbergsvägen 4",
        "postalCode": "702 27",
        "postTown": "ÖREBRO",
        "x": 509886.4,
        "y": 6568855.5,
    },
}


class Cash:
    """A client of the facade, as the seed's Python example is."""

    def __init__(self, client: Client, username: str = "mina-sidor", password: str = "sandbox-kontant"):
        self.client = client
        response = client.post(f"{BASE}/Token", {"grant_type": "password", "username": username, "password": password})
        assert response.status_code == 200, response.content
        self.headers = {"Authorization": f"Bearer {response.json()['access_token']}"}

    def get(self, path: str):
        return self.client.get(BASE + path, headers=self.headers)

    def send(self, method: str, path: str, data: dict):
        call = getattr(self.client, method)
        return call(BASE + path, data=json.dumps({"data": data}), content_type="application/json", headers=self.headers)

    def delete(self, path: str):
        return self.client.delete(BASE + path, headers=self.headers)


@pytest.fixture
def cash(client, small_demo) -> Cash:
    return Cash(client)


def service(**attributes) -> dict:
    provider = CashProvider.objects.order_by("pk").first()
    base = {"providerId": provider.pk, "servicePrincipalId": 3, "serviceTypeId": 2}
    return {"type": "service", "attributes": base | {"forms": ["Över disk hos ombud"], "active": True} | attributes}


# --- login and the token ------------------------------------------------------------------


def test_the_password_grant_answers_an_access_token(client, small_demo):
    body = "grant_type=password&username=mina-sidor&password=sandbox-kontant"
    response = client.post(f"{BASE}/Token", data=body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    assert response.json()["access_token"]


def test_a_wrong_password_is_refused_as_oauth2_does(client, small_demo):
    response = client.post(f"{BASE}/Token", {"grant_type": "password", "username": "mina-sidor", "password": "x"})

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


def test_the_token_path_takes_only_post_and_says_so_in_the_errors_shape(client, small_demo):
    response = client.get(f"{BASE}/Token")

    assert response.status_code == 405
    assert response.json() == {"errors": ["Endast POST stöds här."]}


def test_every_api_call_without_a_bearer_token_is_401_with_errors(client, small_demo):
    response = client.get(f"{BASE}/api/providers")

    assert response.status_code == 401
    assert isinstance(response.json()["errors"][0], str)
    assert client.get(f"{BASE}/api/providers", headers={"Authorization": "Bearer forged"}).status_code == 401


# --- the seed's example: create a provider, read it back ---------------------------------------


def test_the_seeds_example_creates_a_provider_and_finds_it_by_id(cash):
    created = cash.send("post", "/api/providers/", INGO)

    assert created.status_code == 201
    new = created.json()["data"]
    assert new["type"] == "provider" and new["id"] == new["attributes"]["id"]
    found = cash.get(f"/api/Providers/{new['id']}").json()["data"]  # the Python example's spelling
    assert found["attributes"]["name"] == INGO["attributes"]["name"]
    assert found["attributes"]["x"] == pytest.approx(509886.4)


def test_a_provider_without_its_address_is_refused_with_one_string_per_problem(cash):
    response = cash.send("post", "/api/providers/", {"type": "provider", "attributes": {"name": "Utan adress"}})

    assert response.status_code == 400
    problems = response.json()["errors"]
    assert "x är obligatoriskt." in problems and "visitingAddress är obligatoriskt." in problems


def test_the_envelope_must_name_the_resource_type_and_leave_the_id_to_the_server(cash):
    wrong = cash.send("post", "/api/providers/", INGO | {"type": "service", "id": 7})

    assert wrong.status_code == 400
    assert len(wrong.json()["errors"]) == 2


def test_a_provider_is_updated_with_put_and_deleted(cash):
    pk = cash.send("post", "/api/providers/", INGO).json()["data"]["id"]
    renamed = {"type": "provider", "id": pk, "attributes": INGO["attributes"] | {"name": "INGO Adolfsberg"}}

    assert cash.send("put", f"/api/providers/{pk}", renamed).json()["data"]["attributes"]["name"] == "INGO Adolfsberg"
    assert cash.delete(f"/api/providers/{pk}").status_code == 204
    assert cash.get(f"/api/providers/{pk}").status_code == 404


# --- services: forms, properties, year --------------------------------------------------------


def test_a_service_takes_only_the_forms_of_its_type(cash):
    ok = cash.send("post", "/api/services", service())
    assert ok.status_code == 201, ok.json()
    wrong = cash.send("post", "/api/services", service(forms=["Uttagsautomat"]))

    assert wrong.status_code == 400
    assert wrong.json()["errors"] == ["forms: Uttagsautomat är ingen serviceform för Betalningsförmedling."]


def test_a_service_takes_only_the_property_keys_of_its_type(cash):
    assert cash.send("post", "/api/services", service(properties={"lst": True, "externalId": "a"})).status_code == 201
    assert cash.send("post", "/api/services", service(properties={"manned": True})).status_code == 400


def test_an_int_attribute_refuses_a_fraction(cash):
    response = cash.send("post", "/api/services", service(serviceTypeId=2.5))

    assert response.status_code == 400


def test_a_past_years_service_needs_extended_permission(cash, client):
    assert cash.send("post", "/api/services", service(year=2020)).status_code == 403
    assert (
        Cash(client, "registrator", "sandbox-kontant-admin")
        .send("post", "/api/services", service(year=2020, timelinessDate="2020-06-01"))
        .status_code
        == 201
    )


# --- templates, adaptations, fee models -----------------------------------------------------


def test_an_access_barrier_needs_its_description(cash):
    template = {"principalOrganisationId": 3, "serviceTypeId": 2, "serviceFormId": 6, "accessBarrier": True}

    assert cash.send("post", "/api/templates", {"type": "template", "attributes": template}).status_code == 400
    template["accessBarrierDescription"] = "Inträde via reception"
    assert cash.send("post", "/api/templates", {"type": "template", "attributes": template}).status_code == 201


def test_a_fee_model_is_only_for_a_payment_service(cash):
    fees = {"minFlatFee": 0, "minPercentageFee": 0, "maxFlatFee": 30, "maxPercentageFee": 1.5}
    ids = {"supplierOrganisationId": 1, "principalOrganisationId": 6}
    post = {"serviceTypeId": 4, "serviceFormId": 13}

    refused = cash.send("post", "/api/feeModels", {"type": "feeModel", "attributes": ids | post | fees})
    created = cash.send(
        "post",
        "/api/feeModels",
        {"type": "feeModel", "attributes": ids | fees | {"serviceTypeId": 2, "serviceFormId": 6}},
    )

    assert refused.status_code == 400
    assert created.status_code == 201
    assert created.json()["data"]["attributes"]["maxPercentageFee"] == 1.5


def test_the_demo_has_every_resource_listed_in_the_envelope(cash):
    for name in ("providers", "services", "templates", "adaptations", "feeModels", "organisations", "principals"):
        items = cash.get(f"/api/{name}").json()["data"]
        assert items and all({"type", "id", "attributes"} <= set(item) for item in items), name


# --- reference data ---------------------------------------------------------------------------


def test_service_types_and_forms_are_numbered_in_the_seeds_order(cash):
    types = cash.get("/api/serviceTypes").json()["data"]
    forms = cash.get("/api/serviceForms").json()["data"]

    assert [t["attributes"]["name"] for t in types] == list(SERVICE_TYPES)
    assert [t["id"] for t in types] == list(range(1, 9))
    assert len(forms) == 22 and forms[3]["attributes"] == {
        "id": 4,
        "serviceTypeId": 2,
        "name": "Bankkassa med kontanter",
        "description": "Bankkontor där man kan betala räkningar med kontanter i kassan",
    }


def test_reference_data_is_read_only(cash):
    response = cash.send("post", "/api/serviceTypes", {"type": "serviceType", "attributes": {"name": "Guld"}})

    assert response.status_code == 405
    assert response["Allow"] == "GET"


def test_an_unknown_collection_or_id_is_404_with_errors(cash):
    assert cash.get("/api/bananas").status_code == 404
    assert cash.get("/api/providers/999999").json()["errors"]


def test_an_outage_answers_503_in_the_errors_shape(cash):
    SandboxBehaviour.objects.update_or_create(pk=SandboxBehaviour.SINGLETON_PK, defaults={"outage": True})

    response = cash.get("/api/providers")

    assert response.status_code == 503
    assert response.json() == {"errors": ["Tjänsten är tillfälligt otillgänglig."]}


def test_the_demo_register_around_gavle_has_every_kind_of_place(cash):
    services = [s["attributes"] for s in cash.get("/api/services").json()["data"]]
    cash_bills = {
        s["providerId"] for s in services if s["serviceTypeId"] == 2 and "Bankkassa med kontanter" in s["forms"]
    }
    counter = {s["providerId"] for s in services if s["serviceTypeId"] == 2 and "Över disk hos ombud" in s["forms"]}
    paying = {s["providerId"] for s in services if s["serviceTypeId"] == 2}
    withdrawing = {s["providerId"] for s in services if s["serviceTypeId"] == 1}

    assert cash_bills and counter
    assert withdrawing - paying, "some places only pay out cash"
    assert any(not s["active"] for s in services), "a seasonal place is inactive"
    assert cash.get("/api/feeModels").json()["data"]


def test_the_arrays_and_dictionaries_are_checked_like_every_other_attribute(cash):
    fees = {"minFlatFee": 0, "minPercentageFee": 0, "maxFlatFee": 30, "maxPercentageFee": 1.5}
    fee_model = {"supplierOrganisationId": 1, "principalOrganisationId": 6, "serviceTypeId": 2, "serviceFormId": 6}

    def refused(path: str, kind: str, attributes: dict) -> list[str]:
        response = cash.send("post", path, {"type": kind, "attributes": attributes})
        assert response.status_code == 400, attributes
        return response.json()["errors"]

    assert refused("/api/services", "service", service(forms=[])["attributes"]) == [
        "forms har fel typ (lista med minst en text)."
    ]
    assert refused("/api/services", "service", service(forms="Över disk hos ombud")["attributes"])
    assert refused("/api/services", "service", service(properties=["lst"])["attributes"]) == [
        "properties har fel typ (objekt)."
    ]
    assert refused("/api/feeModels", "feeModel", fee_model | fees | {"includedServiceIds": [1, True]}) == [
        "includedServiceIds har fel typ (lista av heltal)."
    ]
    assert refused("/api/feeModels", "feeModel", fee_model | fees | {"serviceFormId": 13}) == [
        "serviceFormId hör inte till servicetypen."
    ]
