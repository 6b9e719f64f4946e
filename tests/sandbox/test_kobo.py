"""The Kobo Bolig facade against seed 004 and its contract: Maskinporten stand-in, system header,
every operation with its validation and its errors, soft delete, the webhook key and messages."""

import http.server
import json
import threading
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from apps.sandbox.kobo import webhooks
from apps.sandbox.models import KoboCase, KoboMessage, KoboUnit, KoboWebhook

pytestmark = pytest.mark.django_db

BASE = "/sandbox/kobo"
SYSTEM = "tallbacken-fdvu"


def token(client: Client, client_id: str = "mina-sidor-kobo", secret: str = "sandbox-kobo") -> str:
    response = client.post(
        f"{BASE}/token", {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
    )
    assert response.status_code == 200, response.content
    return response.json()["access_token"]


class Kobo:
    def __init__(self, client: Client, system: str = SYSTEM, **credentials):
        self.client = client
        self.headers = {"Authorization": f"Bearer {token(client, **credentials)}", "x-kobo-systemid": system}

    def call(self, method: str, path: str, body=None, headers: dict | None = None):
        data = json.dumps(body) if body is not None else ""
        send = getattr(self.client, method.lower())
        return send(BASE + path, data=data, content_type="application/json", headers=headers or self.headers)

    def get(self, kobo_id) -> dict:
        response = self.call("GET", f"/kobobolig/{kobo_id}")
        assert response.status_code == 200, response.content
        return response.json()


@pytest.fixture
def kobo(client, small_demo) -> Kobo:
    return Kobo(client)


def unit_of(object_number: str) -> KoboUnit:
    return KoboUnit.objects.get(supplier_id=object_number, deleted=False)


def new_unit(**fields) -> dict:
    return {
        "leverandorBoligId": "142-099-01",
        "adresse": {"gatenavn": "Storgata", "husnummer": 3, "husbokstav": "B", "postnummer": "2317"},
        "boligtype": "OMSORGSBOLIG",
        "status": "KLAR_FOR_INNFLYTTING",
    } | fields


def vacant(kobo: Kobo) -> str:
    response = kobo.call("POST", "/kobobolig", new_unit())
    assert response.status_code == 201, response.content
    return response.json()["koboId"]


def message(field: str, response) -> bool:
    return field in response.json()["melding"]


# --- the Maskinporten stand-in and the system header -------------------------------------------------


def test_the_token_endpoint_takes_client_credentials_only(client, small_demo):
    wrong_grant = client.post(f"{BASE}/token", {"grant_type": "password", "client_id": "mina-sidor-kobo"})
    wrong_secret = client.post(
        f"{BASE}/token", {"grant_type": "client_credentials", "client_id": "mina-sidor-kobo", "client_secret": "x"}
    )

    assert wrong_grant.status_code == 400
    assert wrong_secret.status_code == 401
    assert (
        client.post(
            f"{BASE}/token",
            {"grant_type": "client_credentials", "client_id": "mina-sidor-kobo", "client_secret": "sandbox-kobo"},
        ).json()["token_type"]
        == "Bearer"
    )


def test_a_call_without_an_approved_token_is_refused_as_the_seed_words_it(kobo):
    kobo_id = unit_of("142-043-01").kobo_id
    none = kobo.call("GET", f"/kobobolig/{kobo_id}", headers={"x-kobo-systemid": SYSTEM})
    forged = kobo.call(
        "GET", f"/kobobolig/{kobo_id}", headers={"Authorization": "Bearer abc", "x-kobo-systemid": SYSTEM}
    )

    assert none.status_code == forged.status_code == 401
    assert none.json()["melding"] == "Maskinporten token er ikke godkjent."


def test_the_system_header_is_required_and_must_be_the_tokens_system(kobo, client):
    kobo_id = unit_of("142-043-01").kobo_id
    bearer = kobo.headers["Authorization"]

    missing = kobo.call("GET", f"/kobobolig/{kobo_id}", headers={"Authorization": bearer})
    unknown = kobo.call("GET", f"/kobobolig/{kobo_id}", headers={"Authorization": bearer, "x-kobo-systemid": "nope"})
    other = kobo.call(
        "GET", f"/kobobolig/{kobo_id}", headers={"Authorization": bearer, "x-kobo-systemid": "annen-fdvu"}
    )

    assert missing.status_code == 400
    assert unknown.status_code == 404 and unknown.json()["melding"] == "Oppsett for FDVU System mangler i Kobo."
    assert other.status_code == 401


def test_another_systems_unit_is_not_found(client, small_demo):
    other = Kobo(client, system="annen-fdvu", client_id="annen-leverandor", secret="sandbox-annen")

    assert other.call("GET", f"/kobobolig/{unit_of('142-043-01').kobo_id}").status_code == 404


def test_a_wrong_method_is_answered_in_kobos_shape(kobo):
    response = kobo.call("PATCH", f"/kobobolig/{unit_of('142-043-01').kobo_id}", {})

    assert response.status_code == 405
    assert response["Allow"] == "GET, PUT, DELETE"
    assert response.json()["feilkode"] == "METODE_IKKE_TILLATT"


# --- reading ------------------------------------------------------------------------------------------


def test_a_demo_unit_carries_the_pm5_object_number_and_its_lease(kobo):
    unit = kobo.get(unit_of("142-043-01").kobo_id)

    assert unit["leverandorBoligId"] == "142-043-01"
    assert unit["status"] == "UTLEID"
    assert unit["leieforhold"]["kontraktStartdato"] == "2019-04-01"
    assert unit["leieforhold"]["oppsigelsestid"] is None
    assert unit["husstand"]["beboere"][0]["fornavn"] == "Kalle"
    assert set(unit["meta"]) == {"opprettet", "sistEndret"}
    assert unit["koboId"] == str(unit_of("142-043-01").kobo_id)


def test_the_demo_has_a_reserved_and_an_allocated_unit(kobo):
    docs = [kobo.get(u.kobo_id) for u in KoboUnit.objects.filter(system_id=SYSTEM)]

    assert any(len(d["reservasjoner"]) == 2 for d in docs)
    assert any(d.get("tildeling") for d in docs)
    assert sum(1 for d in docs if d.get("leieforhold")) == 3


def test_an_id_that_is_not_a_uuid_is_not_found(kobo):
    assert kobo.call("GET", "/kobobolig/142-043-01").status_code == 404


# --- registering and changing a unit ---------------------------------------------------------------------


def test_registering_a_unit_answers_201_with_its_new_kobo_id(kobo):
    response = kobo.call(
        "POST", "/kobobolig", new_unit(erTilgjengeligForRullestolbruker=True, bruksenhetsnummer="H0101")
    )

    assert response.status_code == 201
    body = response.json()
    assert KoboUnit.objects.filter(kobo_id=body["koboId"], supplier_id="142-099-01").exists()
    assert "TRAPPEFRI_INNGANG" in body["tilrettelegginger"]
    assert body["utledetLedigFraDato"] == timezone.localdate().isoformat()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"leverandorBoligId": None}, "leverandorBoligId er obligatorisk"),
        ({"adresse": {"gatenavn": "Storgata"}}, "adresse.husnummer er obligatorisk"),
        ({"boligtype": "VILLA"}, "boligtype må være en av"),
        ({"status": None}, "status er obligatorisk"),
        ({"egenskaper": ["BOD_INKLUDERT", "BASSENG"]}, "egenskaper må være en liste av Boligegenskap"),
        ({"bruksenhetsnummer": "0101"}, "bruksenhetsnummer må være på formen H0101"),
        ({"ovrigInformasjon": "x" * 1001}, "ovrigInformasjon kan ha inntil 1000 tegn"),
        ({"eier": {"boligeiersNavn": "Hamar kommune"}}, "en av boligeiersOrganisasjonsnummer"),
        ({"eier": {"boligeiersNavn": "K", "boligeiersOrganisasjonsnummer": "12345"}}, "9 siffer"),
        ({"solgtDato": "03.12.2026"}, "solgtDato må være en dato"),
        ({"antallSoverom": "2"}, "antallSoverom må være et heltall"),
        ({"basseng": True}, "Ukjente felt: basseng"),
    ],
)
def test_a_unit_that_breaks_the_seeds_rules_is_refused_with_the_field_named(kobo, change, named):
    response = kobo.call("POST", "/kobobolig", new_unit(**change))

    assert response.status_code == 400
    assert named in response.json()["melding"]


def test_a_second_unit_with_the_same_supplier_id_is_a_conflict(kobo):
    response = kobo.call("POST", "/kobobolig", new_unit(leverandorBoligId="142-043-01"))

    assert response.status_code == 409


def test_a_body_that_is_not_json_is_refused(kobo):
    response = kobo.client.post(BASE + "/kobobolig", data="{", content_type="application/json", headers=kobo.headers)

    assert response.status_code == 400
    assert response.json()["melding"] == "Kroppen er ikke JSON."


def test_changing_a_unit_keeps_the_fields_that_cannot_be_changed(kobo):
    kobo_id = vacant(kobo)
    response = kobo.call(
        "PUT",
        f"/kobobolig/{kobo_id}",
        new_unit(
            adresse={"gatenavn": "Annen gate", "husnummer": 9, "postnummer": "0001"},
            status="VEDLIKEHOLD",
            statusdato="2027-01-15",
        ),
    )

    assert response.status_code == 200
    assert response.json()["adresse"]["gatenavn"] == "Storgata"
    assert response.json()["status"] == "VEDLIKEHOLD"
    assert response.json()["utledetLedigFraDato"] == "2027-01-15"


def test_changing_a_unit_needs_its_own_supplier_id(kobo):
    kobo_id = vacant(kobo)

    assert kobo.call("PUT", f"/kobobolig/{kobo_id}", new_unit(leverandorBoligId=None)).status_code == 400
    assert kobo.call("PUT", f"/kobobolig/{kobo_id}", new_unit(leverandorBoligId="x")).status_code == 400


def test_soft_delete_answers_204_then_the_unit_is_gone_and_a_second_delete_processes_nothing(kobo):
    kobo_id = vacant(kobo)

    first = kobo.call("DELETE", f"/kobobolig/{kobo_id}")
    second = kobo.call("DELETE", f"/kobobolig/{kobo_id}")

    assert first.status_code == 204 and first["x-kobo-behandlet"] == "true"
    assert second.status_code == 204 and second["x-kobo-behandlet"] == "false"
    assert kobo.call("GET", f"/kobobolig/{kobo_id}").status_code == 404
    assert KoboUnit.objects.filter(kobo_id=kobo_id, deleted=True).exists()  # soft: kept


# --- reservations and allocation -------------------------------------------------------------------------


def test_reserving_for_a_case_is_created_once_and_removed_by_its_reference(kobo):
    kobo_id = vacant(kobo)
    reference = KoboCase.objects.first().reference

    created = kobo.call("PUT", f"/kobobolig/{kobo_id}/sak/{reference}/reservasjon")
    again = kobo.call("PUT", f"/kobobolig/{kobo_id}/sak/{reference}/reservasjon")
    removed = kobo.call("DELETE", f"/kobobolig/{kobo_id}/sak/{reference}/reservasjon")
    gone = kobo.call("DELETE", f"/kobobolig/{kobo_id}/sak/{reference}/reservasjon")

    assert created.status_code == 201
    assert created.json()["reservasjoner"] == [
        {"koboSaksreferanse": reference, "reservertDato": timezone.localdate().isoformat()}
    ]
    assert again.status_code == 200
    assert removed.status_code == 200 and removed.json()["reservasjoner"] == []
    assert gone.status_code == 404


def test_reserving_for_a_case_kobo_does_not_have_is_not_found(kobo):
    response = kobo.call("PUT", f"/kobobolig/{vacant(kobo)}/sak/SAK-0000-9999/reservasjon")

    assert response.status_code == 404 and message("SAK-0000-9999", response)


def test_an_allocation_links_one_case_to_one_unit(kobo):
    first, second = (
        vacant(kobo),
        kobo.call("POST", "/kobobolig", new_unit(leverandorBoligId="142-099-02")).json()["koboId"],
    )
    reference = KoboCase.objects.create(reference="SAK-TEST-1").reference

    allocated = kobo.call("POST", f"/kobobolig/{first}/tildeling", {"koboSaksreferanse": reference})
    twice = kobo.call("POST", f"/kobobolig/{first}/tildeling", {"koboSaksreferanse": reference})
    elsewhere = kobo.call("POST", f"/kobobolig/{second}/tildeling", {"koboSaksreferanse": reference})

    assert allocated.status_code == 201 and allocated.json()["tildeling"]["koboSaksreferanse"] == reference
    assert allocated.json()["tildeling"]["tildeltDato"]
    assert twice.status_code == 409
    assert elsewhere.status_code == 409


def test_an_allocation_needs_a_case_and_is_removed_only_by_its_own_case(kobo):
    kobo_id = vacant(kobo)
    KoboCase.objects.create(reference="SAK-TEST-2")

    assert kobo.call("POST", f"/kobobolig/{kobo_id}/tildeling", {}).status_code == 400
    assert kobo.call("POST", f"/kobobolig/{kobo_id}/tildeling", {"koboSaksreferanse": "SAK-NONE"}).status_code == 404
    kobo.call("POST", f"/kobobolig/{kobo_id}/tildeling", {"koboSaksreferanse": "SAK-TEST-2"})
    assert kobo.call("DELETE", f"/kobobolig/{kobo_id}/tildeling", {"koboSaksreferanse": "SAK-X"}).status_code == 404
    removed = kobo.call("DELETE", f"/kobobolig/{kobo_id}/tildeling", {"koboSaksreferanse": "SAK-TEST-2"})
    assert removed.status_code == 200 and "tildeling" not in removed.json()


# --- the lease --------------------------------------------------------------------------------------------

HOUSEHOLD = {"antallBarn": 1, "beboere": [{"personidentifikator": "01018012345", "fornavn": "Kari"}]}


def test_a_lease_without_a_case_creates_one_for_the_household_and_lets_the_unit(kobo):
    kobo_id = vacant(kobo)
    response = kobo.call(
        "POST",
        f"/kobobolig/{kobo_id}/leieforhold",
        {"leieforhold": {"kontraktStartdato": "2027-01-01", "erTidsubegrenset": True}, "husstand": HOUSEHOLD},
    )

    assert response.status_code == 201, response.content
    lease = response.json()["leieforhold"]
    assert KoboCase.objects.get(reference=lease["koboSaksreferanse"]).household["beboere"][0]["fornavn"] == "Kari"
    assert response.json()["status"] == "UTLEID"
    assert response.json()["husstand"]["antallBarn"] == 1


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"husstand": HOUSEHOLD}, "leieforhold er obligatorisk"),
        ({"leieforhold": {"erTidsubegrenset": True}, "husstand": HOUSEHOLD}, "kontraktStartdato er obligatorisk"),
        (
            {"leieforhold": {"kontraktStartdato": "2027-01-01", "erTidsubegrenset": False}, "husstand": HOUSEHOLD},
            "kontraktUtlopsdato er obligatorisk",
        ),
        ({"leieforhold": {"kontraktStartdato": "2027-01-01", "erTidsubegrenset": True}}, "husstand"),
        (
            {
                "leieforhold": {"kontraktStartdato": "2027-01-01", "erTidsubegrenset": True},
                "husstand": {"antallBarn": 0, "beboere": [{"personidentifikator": "123"}]},
            },
            "fødselsnummer",
        ),
    ],
)
def test_a_lease_that_breaks_the_seeds_rules_is_refused(kobo, body, named):
    response = kobo.call("POST", f"/kobobolig/{vacant(kobo)}/leieforhold", body)

    assert response.status_code == 400
    assert named in response.json()["melding"]


def test_a_unit_with_a_lease_gets_no_second_one(kobo):
    kobo_id = unit_of("142-043-01").kobo_id
    body = {"leieforhold": {"kontraktStartdato": "2027-01-01", "erTidsubegrenset": True}, "husstand": HOUSEHOLD}

    assert kobo.call("POST", f"/kobobolig/{kobo_id}/leieforhold", body).status_code == 409


def test_a_lease_on_a_reserved_unit_needs_the_case_and_removes_every_reservation(kobo):
    kobo_id = vacant(kobo)
    for reference in ("SAK-R-1", "SAK-R-2"):
        KoboCase.objects.create(reference=reference)
        kobo.call("PUT", f"/kobobolig/{kobo_id}/sak/{reference}/reservasjon")
    terms = {"kontraktStartdato": "2027-01-01", "erTidsubegrenset": True}

    without = kobo.call("POST", f"/kobobolig/{kobo_id}/leieforhold", {"leieforhold": terms, "husstand": HOUSEHOLD})
    with_case = kobo.call(
        "POST", f"/kobobolig/{kobo_id}/leieforhold", {"leieforhold": terms, "koboSaksreferanse": "SAK-R-1"}
    )

    assert without.status_code == 409
    assert with_case.status_code == 201 and with_case.json()["reservasjoner"] == []


def test_a_case_that_reserved_other_units_cannot_take_a_lease(kobo):
    reserved, wanted = (
        vacant(kobo),
        kobo.call("POST", "/kobobolig", new_unit(leverandorBoligId="142-099-03")).json()["koboId"],
    )
    KoboCase.objects.create(reference="SAK-R-3")
    kobo.call("PUT", f"/kobobolig/{reserved}/sak/SAK-R-3/reservasjon")
    terms = {"kontraktStartdato": "2027-01-01", "erTidsubegrenset": True}

    response = kobo.call(
        "POST", f"/kobobolig/{wanted}/leieforhold", {"leieforhold": terms, "koboSaksreferanse": "SAK-R-3"}
    )

    assert response.status_code == 409


def test_changing_a_lease_needs_one(kobo):
    terms = {"kontraktStartdato": "2027-01-01", "erTidsubegrenset": False, "kontraktUtlopsdato": "2029-12-31"}

    assert kobo.call("PUT", f"/kobobolig/{vacant(kobo)}/leieforhold", terms).status_code == 404
    changed = kobo.call("PUT", f"/kobobolig/{unit_of('142-043-01').kobo_id}/leieforhold", terms)
    assert changed.status_code == 200 and changed.json()["leieforhold"]["kontraktUtlopsdato"] == "2029-12-31"


# --- notice of termination ----------------------------------------------------------------------------------


def notice(**fields) -> dict:
    today = timezone.localdate()
    return {
        "oppsagtAktor": "LEIETAKER",
        "oppsigelsestid": "MND3",
        "oppsigelseMottattDato": today.isoformat(),
        "oppsagtFraDato": (today + timedelta(days=120)).isoformat(),
        "planlagtUtflyttingsdato": (today + timedelta(days=120)).isoformat(),
    } | fields


def test_a_notice_is_registered_changed_and_withdrawn_and_the_agreed_period_comes_back(kobo):
    path = f"/kobobolig/{unit_of('142-041-01').kobo_id}/leieforhold/oppsigelse"  # Anna: one month agreed

    registered = kobo.call("POST", path, notice(oppsigelsestid="MND1"))
    twice = kobo.call("POST", path, notice())
    changed = kobo.call("PUT", path, notice(oppsigelsestid="ANNET", annenOppsigelsestid="6 uker"))
    withdrawn = kobo.call("DELETE", path)
    again = kobo.call("DELETE", path)

    assert registered.status_code == 201
    assert registered.json()["leieforhold"]["oppsagtAktor"] == "LEIETAKER"
    assert "avtaltOppsigelsestid" not in registered.json()["leieforhold"]
    assert twice.status_code == 409
    assert changed.status_code == 200 and changed.json()["leieforhold"]["annenOppsigelsestid"] == "6 uker"
    assert withdrawn.status_code == 200
    lease = withdrawn.json()["leieforhold"]
    assert [
        lease[k] for k in ("oppsagtAktor", "oppsigelseMottattDato", "oppsagtFraDato", "planlagtUtflyttingsdato")
    ] == [None] * 4
    assert lease["oppsigelsestid"] == "MND1"
    assert again.status_code == 404


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"oppsagtAktor": None}, "oppsagtAktor er obligatorisk"),
        ({"oppsagtAktor": "NABO"}, "oppsagtAktor må være en av LEIETAKER, UTLEIER"),
        ({"oppsigelsestid": "MND2"}, "oppsigelsestid må være en av"),
        ({"oppsigelsestid": "ANNET"}, "annenOppsigelsestid er obligatorisk"),
        ({"oppsigelseMottattDato": None}, "oppsigelseMottattDato er obligatorisk"),
        ({"oppsigelseMottattDato": "2999-01-01"}, "kan ikke være fram i tid"),
        ({"oppsagtFraDato": "2000-01-01"}, "oppsagtFraDato kan ikke være før oppsigelseMottattDato"),
        ({"planlagtUtflyttingsdato": None}, "planlagtUtflyttingsdato er obligatorisk"),
    ],
)
def test_a_notice_that_breaks_the_seeds_rules_is_refused(kobo, change, named):
    response = kobo.call("POST", f"/kobobolig/{unit_of('142-043-01').kobo_id}/leieforhold/oppsigelse", notice(**change))

    assert response.status_code == 400
    assert named in response.json()["melding"]


def test_a_notice_needs_a_lease_and_changing_one_needs_a_notice(kobo):
    assert kobo.call("POST", f"/kobobolig/{vacant(kobo)}/leieforhold/oppsigelse", notice()).status_code == 404
    assert (
        kobo.call("PUT", f"/kobobolig/{unit_of('142-043-01').kobo_id}/leieforhold/oppsigelse", notice()).status_code
        == 404
    )


def test_a_notice_that_already_applies_cannot_be_withdrawn(kobo):
    unit = unit_of("142-043-01")
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    unit.document["leieforhold"] |= notice(oppsigelseMottattDato="2026-01-01", oppsagtFraDato=past)
    unit.save()

    response = kobo.call("DELETE", f"/kobobolig/{unit.kobo_id}/leieforhold/oppsigelse")

    assert response.status_code == 409


def test_ending_a_lease_moves_it_to_the_earlier_leases_with_the_status_given(kobo):
    path = f"/kobobolig/{unit_of('142-042-01').kobo_id}/leieforhold"
    end = {
        "utflyttetdato": "2026-11-30",
        "boligstatus": "VEDLIKEHOLD",
        "avslutningsgrunn": "KJOPT_DEN_KOMMUNALE_BOIGEN",
    }

    let_again = kobo.call("DELETE", path, end | {"boligstatus": "UTLEID"})
    ended = kobo.call("DELETE", path, end)

    assert let_again.status_code == 400 and message("KLAR_FOR_INNFLYTTING eller VEDLIKEHOLD", let_again)
    assert ended.status_code == 200
    body = ended.json()
    assert "leieforhold" not in body and body["status"] == "VEDLIKEHOLD"
    assert body["tidligereLeieforhold"][-1]["leieforholdAvslutningsgrunn"] == "KJOPT_DEN_KOMMUNALE_BOIGEN"
    assert body["tidligereLeieforhold"][-1]["avsluttetdato"] == timezone.localdate().isoformat()
    assert kobo.call("DELETE", path, end).status_code == 404


# --- the webhook key and messages --------------------------------------------------------------------------------


def test_registering_the_api_key_answers_204_and_replaces_the_previous_one(kobo):
    first = kobo.call("POST", "/fdvusystem/", {"apiKey": "a" * 32, "url": "http://portal.example/kobo/webhook/"})
    second = kobo.call(
        "POST", "/fdvusystem/", {"apiKey": "b" * 32}, headers={"Authorization": kobo.headers["Authorization"]}
    )

    assert first.status_code == second.status_code == 204
    hook = KoboWebhook.objects.get(system_id=SYSTEM)
    assert hook.api_key == "b" * 32 and hook.url == "http://portal.example/kobo/webhook/"


def test_registering_the_api_key_checks_its_fields_and_the_token(kobo):
    assert kobo.call("POST", "/fdvusystem/", {}).status_code == 400
    assert kobo.call("POST", "/fdvusystem/", {"apiKey": "short"}).status_code == 400
    assert kobo.call("POST", "/fdvusystem/", {"apiKey": "a" * 32, "url": "ftp://x"}).status_code == 400
    assert (
        kobo.call("POST", "/fdvusystem/", {"apiKey": "a" * 32}, headers={"x-kobo-systemid": SYSTEM}).status_code == 401
    )


def test_every_change_queues_a_message_with_a_hint(kobo):
    kobo_id = vacant(kobo)
    KoboCase.objects.create(reference="SAK-W-1")
    kobo.call("POST", f"/kobobolig/{kobo_id}/tildeling", {"koboSaksreferanse": "SAK-W-1"})

    hints = list(KoboMessage.objects.filter(kobo_id=kobo_id).values_list("hint", flat=True))

    assert hints == ["OPPRETTET", "TILDELING"]


class Receiver(http.server.BaseHTTPRequestHandler):
    received: list = []
    status = 200

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Receiver.received.append((self.headers["x-api-key"], body))
        self.send_response(Receiver.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver(outgoing_calls):
    server = http.server.HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/webhook"
    outgoing_calls.allow(url)
    Receiver.received = []
    Receiver.status = 200
    yield url
    server.shutdown()


def test_a_message_is_delivered_with_the_registered_key_and_a_failed_one_is_tried_again_later(kobo, receiver):
    KoboMessage.objects.all().delete()
    webhooks.register(SYSTEM, "k" * 32, receiver)
    Receiver.status = 503
    kobo_id = vacant(kobo)

    webhooks.deliver_due()
    failed = KoboMessage.objects.get(kobo_id=kobo_id)
    Receiver.status = 200
    webhooks.deliver_due()  # not due yet: it waits
    KoboMessage.objects.filter(pk=failed.pk).update(next_attempt_at=timezone.now())
    webhooks.deliver_due()

    assert failed.attempts == 1 and failed.last_status == "503" and failed.next_attempt_at > timezone.now()
    assert len(Receiver.received) == 2
    key, body = Receiver.received[-1]
    assert key == "k" * 32
    assert body["koboBoligId"] == str(kobo_id) and body["hint"] == "OPPRETTET"
    assert KoboMessage.objects.get(pk=failed.pk).delivered_at is not None


def test_messages_wait_until_a_receiver_is_registered(kobo):
    vacant(kobo)

    assert webhooks.deliver_due() == 0
    assert KoboMessage.objects.filter(delivered_at=None).exists()
