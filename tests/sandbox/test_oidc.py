"""The sandbox's OpenID Connect provider (sandbox-defined) and PM5's e-legitimation session, as a client sees them."""

import base64
import hashlib
import re

import jwt
import pytest
from jwt import PyJWKClient

from apps.sandbox.models import Customer
from apps.sandbox.oidc.tokens import PERSONNUMMER_CLAIM
from tests.sandbox.conftest import CLIENT_AUTH, KALLE, PM5

pytestmark = pytest.mark.django_db

OIDC = "/sandbox/oidc"
ISSUER = f"http://testserver{OIDC}"
CALLBACK = "http://testserver/konto/oidc/eid/login/callback/"
OIDC_AUTH = "Basic " + base64.b64encode(b"mina-sidor-demo:sandbox-oidc-secret").decode()
VERIFIER = "a-code-verifier-of-enough-length-for-rfc-7636-0123456789"
CHALLENGE = base64.urlsafe_b64encode(hashlib.sha256(VERIFIER.encode()).digest()).rstrip(b"=").decode()


@pytest.fixture(autouse=True)
def _demo(small_demo, settings_for_sandbox):
    settings_for_sandbox.SANDBOX_OIDC_CLIENT_ID = "mina-sidor-demo"
    settings_for_sandbox.SANDBOX_OIDC_CLIENT_SECRET = "sandbox-oidc-secret"


@pytest.fixture
def kalle() -> Customer:
    return Customer.objects.get(customer_number=KALLE)


def asked(**changed) -> dict:
    fields = {
        "client_id": "mina-sidor-demo",
        "redirect_uri": CALLBACK,
        "scope": "openid",
        "state": "state-123",
        "nonce": "nonce-456",
        "code_challenge": CHALLENGE,
        "code_challenge_method": "S256",
        "response_type": "code",
    }
    return fields | changed


def identify(client, personnummer: str) -> str:
    response = client.post(f"{OIDC}/authorize", asked(personnummer=personnummer))
    assert response.status_code == 302, response.content
    assert response["Location"].startswith(CALLBACK + "?")
    assert "state=state-123" in response["Location"]
    assert personnummer not in response["Location"]
    return re.search(r"code=([^&]+)", response["Location"]).group(1)


def exchange(client, code: str, *, verifier: str = VERIFIER, auth: str = OIDC_AUTH):
    body = {"grant_type": "authorization_code", "code": code, "redirect_uri": CALLBACK, "code_verifier": verifier}
    return client.post(f"{OIDC}/token", body, headers={"Authorization": auth})


def test_the_discovery_document_names_every_endpoint(client):
    config = client.get(f"{OIDC}/.well-known/openid-configuration").json()

    assert config["issuer"] == ISSUER
    assert config["authorization_endpoint"] == f"{ISSUER}/authorize"
    assert config["token_endpoint"] == f"{ISSUER}/token"
    assert config["jwks_uri"] == f"{ISSUER}/jwks"
    assert config["id_token_signing_alg_values_supported"] == ["RS256"]
    assert config["code_challenge_methods_supported"] == ["S256"]


def test_the_authorize_page_lets_the_tenant_pick_a_test_person(client, kalle):
    response = client.get(f"{OIDC}/authorize", asked())

    assert response.status_code == 200
    page = response.text
    assert '<html lang="sv">' in page
    assert '<label for="personnummer">Personnummer</label>' in page
    assert f'value="{kalle.personnummer}"' in page
    assert '<input type="hidden" name="state" value="state-123">' in page


@pytest.mark.parametrize(
    "changed",
    [{"client_id": "someone-else"}, {"redirect_uri": "https://evil.example/cb"}, {"scope": "profile"}, {"state": ""}],
)
def test_it_refuses_a_request_it_cannot_send_back_safely(client, changed):
    response = client.get(f"{OIDC}/authorize", asked(**changed))

    assert response.status_code == 400
    assert "Location" not in response


def test_a_mistyped_personnummer_is_asked_again(client):
    response = client.post(f"{OIDC}/authorize", asked(personnummer="1912"))

    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text


def test_cancelling_answers_access_denied(client):
    response = client.post(f"{OIDC}/authorize", asked(cancel=""))

    assert response["Location"] == f"{CALLBACK}?error=access_denied&state=state-123"


def test_the_code_gives_an_id_token_signed_with_the_published_key(client, kalle, monkeypatch):
    keys = client.get(f"{OIDC}/jwks").json()
    answer = exchange(client, identify(client, kalle.personnummer)).json()
    monkeypatch.setattr(PyJWKClient, "fetch_data", lambda self: keys)
    key = PyJWKClient("http://testserver/jwks").get_signing_key_from_jwt(answer["id_token"])

    claims = jwt.decode(answer["id_token"], key.key, algorithms=["RS256"], audience="mina-sidor-demo", issuer=ISSUER)

    assert claims[PERSONNUMMER_CLAIM] == kalle.personnummer
    assert claims["nonce"] == "nonce-456"
    assert claims["sub"] != kalle.personnummer
    assert claims["exp"] - claims["iat"] == 300
    assert answer["token_type"] == "Bearer"


def test_a_code_works_once(client, kalle):
    code = identify(client, kalle.personnummer)

    assert exchange(client, code).status_code == 200
    assert exchange(client, code).json()["error"] == "invalid_grant"


def test_a_wrong_code_verifier_or_client_secret_is_refused(client, kalle):
    wrong_secret = "Basic " + base64.b64encode(b"mina-sidor-demo:guess").decode()

    assert exchange(client, identify(client, kalle.personnummer), verifier="another-verifier").status_code == 400
    assert exchange(client, identify(client, kalle.personnummer), auth=wrong_secret).status_code == 401


def test_pm5_opens_a_session_for_a_personnummer_and_names_the_customer(client, kalle):
    def person_session(personnummer, auth=CLIENT_AUTH):
        body = {"Personnummer": personnummer}
        headers = {"Authorization": auth} if auth else {}
        return client.post(f"{PM5}/e-legitimation/session", body, content_type="application/json", headers=headers)

    found = person_session(kalle.personnummer)
    assert found.status_code == 200
    assert found.json()["Kundnummer"] == KALLE
    assert client.get(f"{PM5}/session/{found.json()['Sessionsnyckel']}").status_code == 200
    assert person_session("191212121212").json()["Felkod"] == "KundSaknas"
    assert person_session("19121212").status_code == 400
    assert person_session(kalle.personnummer, auth=None).status_code == 401
