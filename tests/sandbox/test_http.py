"""apps/sandbox/http.py: the method decorator, the body reader and the JSON answers every facade shares."""

import json
from decimal import Decimal

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from apps.sandbox.errands_v2.wire import ERRANDS
from apps.sandbox.fast2.wire import FAST2
from apps.sandbox.http import Api, BadRequest, json_response
from apps.sandbox.models import SandboxBehaviour
from apps.sandbox.pm5.wire import PM5

pytestmark = pytest.mark.django_db

requests = RequestFactory()


def json_api_error(status: int, code: str, message: str) -> HttpResponse:
    """A JSON:API error document, as the cash-services facade will answer."""
    return json_response({"errors": [{"status": str(status), "code": code, "detail": message}]}, status=status)


JSON_API = Api(json_api_error)


def echo(request, *args, **kwargs) -> HttpResponse:
    return json_response({"args": list(args), "kwargs": kwargs})


def post(body: bytes):
    return requests.post("/", data=body, content_type="application/json")


# --- the method decorator, on each facade's own routes -----------------------------------------


def test_pm5_answers_a_wrong_method_405_with_allow_and_a_felmeddelande(client):
    response = client.put("/sandbox/pm5/session")

    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"
    assert response.json() == {"Felkod": "MetodEjTillaten", "Meddelande": "Endast GET, POST stöds här."}


def test_fast2_answers_a_wrong_method_405_with_allow_and_its_message_and_code(client):
    response = client.get("/sandbox/fast2/oauth2/token")

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json() == {"message": "Endast POST stöds här.", "code": "MethodNotAllowed"}


def test_fast2_refuses_a_caller_without_a_token_before_it_tells_the_methods(client):
    response = client.delete("/sandbox/fast2/ao-produkt/v1/arbetsorder")

    assert response.status_code == 401
    assert "Allow" not in response


def test_errands_answers_a_wrong_method_405_with_allow_and_the_message_alone(client, settings):
    settings.SANDBOX_ERRANDS_TOKEN = "sandbox-errands-token"
    response = client.post(
        "/sandbox/errands/v2/errands/R-2601-1", headers={"Authorization": "Bearer sandbox-errands-token"}
    )

    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json() == {"message": "Endast GET stöds här."}


# --- the method decorator and the failure injection, on a new API's shape -------------------------


def test_a_new_api_answers_405_in_its_own_error_shape():
    view = JSON_API.allow("GET", "POST")(echo)

    response = view(requests.delete("/"))

    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"
    assert json.loads(response.content) == {
        "errors": [{"status": "405", "code": "MethodNotAllowed", "detail": "Endast GET, POST stöds här."}]
    }


def test_an_api_may_word_the_405_itself():
    english = Api(json_api_error, wrong_method_code="method_not_allowed", wrong_method_message="Use {methods}.")

    response = english.allow("GET")(echo)(requests.post("/"))

    assert json.loads(response.content)["errors"] == [
        {"status": "405", "code": "method_not_allowed", "detail": "Use GET."}
    ]


def test_an_allowed_method_reaches_the_view_with_its_arguments():
    view = JSON_API.allow("GET")(echo)

    response = view(requests.get("/"), "a", resource="r")

    assert response.status_code == 200
    assert json.loads(response.content) == {"args": ["a"], "kwargs": {"resource": "r"}}


def test_head_is_refused_unless_it_is_named():
    assert JSON_API.allow("GET")(echo)(requests.head("/")).status_code == 405
    assert JSON_API.allow("GET", "HEAD")(echo)(requests.head("/")).status_code == 200


def test_an_endpoint_is_marked_and_answers_an_outage_in_its_api_shape():
    view = JSON_API.endpoint(echo)
    SandboxBehaviour.objects.update_or_create(pk=SandboxBehaviour.SINGLETON_PK, defaults={"outage": True})

    response = view(requests.get("/"))

    assert view.sandbox_api and view.csrf_exempt
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert json.loads(response.content)["errors"][0]["code"] == "TjanstenOtillganglig"


# --- the body reader ------------------------------------------------------------------------------


def test_a_json_object_body_is_read():
    assert PM5.json_object(post(b'{"Kundnummer": "15555"}')) == {"Kundnummer": "15555"}


@pytest.mark.parametrize("body", [b"not json", b"\xff\xfe", b'{"a": 1'])
def test_a_body_that_is_not_json_is_a_bad_request_in_the_apis_words(body):
    with pytest.raises(BadRequest) as pm5:
        PM5.json_object(post(body))
    with pytest.raises(BadRequest) as fast2:
        FAST2.json_object(post(body))

    assert (pm5.value.code, pm5.value.message) == ("OgiltigBegaran", "Begäran är inte giltig JSON.")
    assert (fast2.value.code, fast2.value.message) == ("BadRequest", "Kroppen är inte JSON.")


@pytest.mark.parametrize("body", [b"[1]", b'"text"', b"null", b"3"])
def test_a_body_that_is_not_an_object_is_a_bad_request(body):
    with pytest.raises(BadRequest) as pm5:
        PM5.json_object(post(body))
    with pytest.raises(BadRequest) as errands:
        ERRANDS.json_object(post(body))

    assert pm5.value.message == "Begäran ska vara ett JSON-objekt."
    assert errands.value.message == "Kroppen ska vara ett JSON-objekt."


def test_an_empty_body_is_an_empty_object_to_fast2_and_not_json_to_pm5():
    assert FAST2.json_object(post(b"")) == {}
    with pytest.raises(BadRequest, match="inte giltig JSON"):
        PM5.json_object(post(b""))


def test_a_bad_request_is_answered_400_with_its_own_code_or_the_apis():
    refused = PM5.bad_request(BadRequest("Ange nyckeln.", "Nyckel"))
    unread = FAST2.bad_request(BadRequest("limit ska vara ett heltal."))

    assert refused.status_code == unread.status_code == 400
    assert json.loads(refused.content) == {"Felkod": "Nyckel", "Meddelande": "Ange nyckeln."}
    assert json.loads(unread.content) == {"message": "limit ska vara ett heltal.", "code": "BadRequest"}


# --- JSON answers ---------------------------------------------------------------------------------


def test_json_answers_are_utf8_and_write_decimals_as_they_are():
    response = json_response({"Belopp": Decimal("7900.00"), "Text": "Kök"}, status=201)

    assert response.status_code == 201
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.content == '{"Belopp":7900.00,"Text":"Kök"}'.encode()
