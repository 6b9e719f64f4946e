"""GET /session/{key}: each Hämta* flag fills its part, and the figures add up."""

import base64
import re
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.sandbox.checksums import is_luhn_valid, is_valid_ocr
from apps.sandbox.dates import add_months
from apps.sandbox.http import render
from apps.sandbox.models import Customer, Errand, Notice
from apps.sandbox.pm5.flags import FLAG_NAMES
from apps.sandbox.pm5.wire import money
from tests.sandbox.conftest import ANNA, KALLE, PM5

pytestmark = pytest.mark.django_db

FREEZER_PATH = ["n245612", "n512431", "n188452", "n422831"]
EVERY_MONTH = {"HämtaKundAviseringarAntMån": "120"}


@pytest.fixture(autouse=True)
def _demo(small_demo):
    return small_demo


def today() -> date:
    return timezone.localdate()


def notices(session: dict) -> list[dict]:
    return session["Kund"]["Ekonomi"]["Aviseringar"]


def rows(session: dict) -> list[dict]:
    return [row for errand in session["Ärenden"] for row in errand["Rader"]]


# --- every flag, on and off ------------------------------------------------------------

# flag, the flags it needs to count, and where its part shows in the answer.
PARTS = [
    ("HämtaKund", (), lambda s: s["Kund"]),
    ("HämtaKontaktuppgifter", ("HämtaKund",), lambda s: s["Kund"]["Kontaktuppgifter"]),
    ("HämtaKundEkonomi", ("HämtaKund",), lambda s: s["Kund"]["Ekonomi"]),
    ("HämtaKundEkonomiAviseringar", ("HämtaKund", "HämtaKundEkonomi"), lambda s: s["Kund"]["Ekonomi"]["Aviseringar"]),
    ("HämtaTillfälligaAdresser", ("HämtaKund",), lambda s: s["Kund"]["TillfälligaAdresser"]),
    ("HämtaDokument", ("HämtaKund",), lambda s: s["Kund"]["Dokument"]),
    ("HämtaMarknadProfil", ("HämtaKund",), lambda s: s["Kund"]["MarknadAktörHushåll"]),
    ("HämtaKundMeddelanden", ("HämtaKund",), lambda s: s["Kund"]["Meddelanden"]),
    ("HämtaÄrende", (), lambda s: s["Ärenden"]),
    ("HämtaÄrendeRader", ("HämtaÄrende",), lambda s: s["Ärenden"][0]["Rader"]),
    (
        "HämtaÄrendeRaderMediaBytes",
        ("HämtaÄrende", "HämtaÄrendeRader"),
        lambda s: [m["Media"] for r in rows(s) for m in r["Media"] if m["Media"]],
    ),
    ("HämtaTillgängligaObjekt", (), lambda s: s["TillgängligaObjekt"]),
    ("HämtaUnderhåll", ("HämtaTillgängligaObjekt",), lambda s: s["TillgängligaObjekt"][0]["Underhåll"]),
    ("HämtaMätdata", ("HämtaTillgängligaObjekt",), lambda s: s["TillgängligaObjekt"][0]["MätdataAnläggningar"]),
    (
        "HämtaÄrendeRader",
        ("HämtaTillgängligaObjekt",),
        lambda s: [r for o in s["TillgängligaObjekt"] for r in (o["ÄrendeRader"] or [])] or None,
    ),
]


def test_every_flag_has_its_part_in_the_table():
    assert {flag for flag, _, _ in PARTS} == set(FLAG_NAMES)


@pytest.mark.parametrize(("flag", "needs", "part"), PARTS, ids=[f"{p[0]}+{'+'.join(p[1])}" for p in PARTS])
def test_a_flag_fills_its_part_and_only_then(pm5, flag, needs, part):
    key = pm5.key()

    with_flag = pm5.get_session(key, *needs, flag).json()
    without = pm5.get_session(key, *needs).json()

    assert part(with_flag), f"{flag} did not fill its part"
    assert not part(without), f"{flag} is off, yet its part is filled"


def test_with_no_flags_every_part_is_null(pm5):
    assert pm5.session(KALLE) == {"Kund": None, "Ärenden": None, "TillgängligaObjekt": None}


def test_parts_not_asked_for_are_null_not_absent(pm5):
    kund = pm5.session(KALLE, "HämtaKund")["Kund"]

    assert kund["Kundinformation"] == {
        "Förnamn": "Kalle",
        "Efternamn": "Andersson",
        "Personnummer": Customer.objects.get(customer_number=KALLE).personnummer,
        "Kundnummer": KALLE,
    }
    for part in ("Ekonomi", "Kontaktuppgifter", "TillfälligaAdresser", "Dokument", "Meddelanden", "MarknadEkonomi"):
        assert part in kund and kund[part] is None


def test_a_sub_flag_counts_only_with_its_part(pm5):
    session = pm5.session(
        KALLE, "HämtaKundEkonomi", "HämtaKundEkonomiAviseringar", "HämtaÄrendeRader", "HämtaUnderhåll"
    )
    assert session == {"Kund": None, "Ärenden": None, "TillgängligaObjekt": None}


def test_flag_names_and_values_are_read_in_any_case(pm5):
    key = pm5.key()
    session = pm5.client.get(f"{PM5}/session/{key}", {"hämtakund": "TRUE", "HÄMTAÄRENDE": "True"}).json()
    assert session["Kund"] is not None
    assert session["Ärenden"] is not None


@pytest.mark.parametrize(
    "params",
    [
        {"HämtaKund": "ja"},
        {"HämtaKundAviseringarAntMån": "tolv"},
        {"HämtaKundAviseringarAntMån": "0"},
        {"HämtaKundAviseringarAntMån": "1000"},
    ],
)
def test_it_answers_400_for_a_flag_it_cannot_read(pm5, params):
    response = pm5.get_session(pm5.key(), **params)
    assert response.status_code == 400
    assert response.json()["Felkod"] == "OgiltigParameter"


# --- economy ---------------------------------------------------------------------------


def economy(pm5, customer: str = KALLE, **params) -> dict:
    flags = ("HämtaKund", "HämtaKundEkonomi", "HämtaKundEkonomiAviseringar")
    return pm5.session(customer, *flags, **params)


@pytest.mark.parametrize("months", [1, 6, 12, 24, 36])
def test_it_returns_the_notices_of_the_months_asked_for(pm5, months):
    session = economy(pm5, HämtaKundAviseringarAntMån=str(months))

    cutoff = add_months(today(), -months)
    returned = {n["Typ"]["AviseringId"] for n in notices(session)}
    expected = set(
        Notice.objects.filter(customer__customer_number=KALLE, due_date__gte=cutoff).values_list("pk", flat=True)
    )
    assert returned == expected
    assert all(date.fromisoformat(n["Förfallodag"]) >= cutoff for n in notices(session))


def test_twelve_months_is_the_default(pm5):
    assert notices(economy(pm5)) == notices(economy(pm5, HämtaKundAviseringarAntMån="12"))
    assert len(notices(economy(pm5, HämtaKundAviseringarAntMån="36"))) > len(notices(economy(pm5)))


@pytest.mark.parametrize("customer", [KALLE, ANNA])
def test_the_balances_are_the_sums_of_every_open_notice(pm5, customer):
    short = economy(pm5, customer, HämtaKundAviseringarAntMån="1")["Kund"]["Ekonomi"]
    everything = notices(economy(pm5, customer, **EVERY_MONTH))

    def open_sum(kind: str) -> Decimal:
        return sum((Decimal(str(n["Restbelopp"])) for n in everything if n["Typ"]["Referensnamn"] == kind), Decimal(0))

    assert Decimal(str(short["Hyressaldo"])) == open_sum("Avi")
    assert Decimal(str(short["Fakturasaldo"])) == open_sum("Faktura")
    assert len(everything) == Notice.objects.filter(customer__customer_number=customer).count()


def test_each_notice_adds_up(pm5):
    for n in notices(economy(pm5, **EVERY_MONTH)):
        amount = {
            k: Decimal(str(n[k])) for k in ("Nettobelopp", "Momsbelopp", "Bruttobelopp", "InbetaltBelopp", "Restbelopp")
        }
        assert amount["Bruttobelopp"] == amount["Nettobelopp"] + amount["Momsbelopp"]
        assert amount["InbetaltBelopp"] == sum(Decimal(str(p["Belopp"])) for p in n["Betalningar"])
        assert amount["Restbelopp"] == amount["Bruttobelopp"] - amount["InbetaltBelopp"]
        assert Decimal(str(n["AttBetala"])) == max(amount["Restbelopp"], Decimal(0))
        assert amount["Bruttobelopp"] == sum(Decimal(str(p["Bruttobelopp"])) for p in n["Reskontror"])
        for period in n["Reskontror"]:
            assert Decimal(str(period["Bruttobelopp"])) == sum(Decimal(str(r["Bruttobelopp"])) for r in period["Rader"])


def test_money_is_written_with_two_decimals(pm5):
    key = pm5.key()
    raw = pm5.get_session(key, "HämtaKund", "HämtaKundEkonomi", "HämtaKundEkonomiAviseringar", **EVERY_MONTH).content
    text = raw.decode()

    money_keys = (
        "Hyressaldo",
        "Fakturasaldo",
        "Nettobelopp",
        "Momsbelopp",
        "Bruttobelopp",
        "InbetaltBelopp",
        "Restbelopp",
        "AttBetala",
        "Belopp",
        "Apris",
    )
    for key_name in money_keys:
        written = re.findall(rf'"{key_name}":([^,}}]+)', text)
        assert written, key_name
        assert all(re.fullmatch(r"-?\d+\.\d{2}", value) for value in written), (key_name, written[:5])
    assert all(re.fullmatch(r"\d+\.\d{3}", v) for v in re.findall(r'"Mängd":([^,}]+)', text))


def test_dates_are_dates_and_times_are_local_without_offset(pm5):
    session = pm5.session(KALLE, *FLAG_NAMES)
    notice = notices(session)[0]
    errand = session["Ärenden"][0]

    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", notice["Förfallodag"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", notice["DistribueradTill"][0]["Distribuerad"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", errand["Händelser"]["ÄrendeInkommen"])
    assert session["Kund"]["Meddelanden"][0]["Kanaler"][0]["KlarUtc"].endswith("Z")


def test_an_avisering_id_is_unique_and_never_the_avinummer(pm5):
    all_notices = notices(economy(pm5, **EVERY_MONTH))
    ids = [n["Typ"]["AviseringId"] for n in all_notices]

    assert len(ids) == len(set(ids))
    assert not {str(i) for i in ids} & {n["Avinummer"] for n in all_notices}


def test_payment_references_are_valid_ocr_numbers_to_a_valid_bankgiro(pm5):
    for n in notices(economy(pm5, **EVERY_MONTH)):
        assert is_valid_ocr(n["Betalningsreferens"])
        assert is_luhn_valid(n["MottagareNummer"])
        assert (n["BetalningsförmedlareSystemnamn"], n["BetalningsförmedlareBeteckning"]) == ("BG", "Bankgiro")


def test_demo_customer_1_has_every_invoice_case(pm5):
    everything = notices(economy(pm5, **EVERY_MONTH))
    avi = [n for n in everything if n["Typ"]["Referensnamn"] == "Avi"]
    faktura = [n for n in everything if n["Typ"]["Referensnamn"] == "Faktura"]

    def paid(n):
        return Decimal(str(n["InbetaltBelopp"]))

    def rest(n):
        return Decimal(str(n["Restbelopp"]))

    def due(n):
        return date.fromisoformat(n["Förfallodag"])

    def collected(n):
        return any(p["SkickadTillInkasso"] for p in n["Reskontror"])

    assert len(avi) >= 36, "three years of monthly rent notices"
    assert any(rest(n) == 0 and paid(n) > 0 for n in avi), "paid"
    assert any(0 < paid(n) < Decimal(str(n["Bruttobelopp"])) for n in avi), "partly paid"
    assert any(paid(n) == 0 and rest(n) > 0 and due(n) >= today() for n in avi), "unpaid, not yet due"
    assert any(rest(n) > 0 and due(n) < today() and not collected(n) for n in avi), "overdue"
    assert any(collected(n) and rest(n) > 0 for n in avi), "sent to debt collection"
    assert any(Decimal(str(n["Bruttobelopp"])) < 0 for n in faktura), "credit invoice"
    assert any(Decimal(str(n["Momsbelopp"])) > 0 and rest(n) > 0 for n in faktura), "repair invoice"
    several = [n for n in avi if len({p["Period"] for p in n["Reskontror"]}) > 1]
    assert several, "a rent notice with several ledger periods"
    specified = [r["Specifikation"] for n in avi for p in n["Reskontror"] for r in p["Rader"] if r["Specifikation"]]
    assert specified, "metered hot water with a specification"
    for spec in specified:
        assert Decimal(str(spec["Mängd"])) == Decimal(str(spec["VärdeTom"])) - Decimal(str(spec["VärdeFom"]))
        assert spec["Apris"] > 0


# --- errands -----------------------------------------------------------------------------


def test_demo_customer_1_sees_errands_in_every_status(pm5):
    session = pm5.session(KALLE, "HämtaÄrende", "HämtaÄrendeRader")

    statuses = {r["Status"]["Referensnamn"] for r in rows(session)}
    steps = {r["Processteg"]["Referensnamn"] for r in rows(session)}
    assert statuses == {"Pagaende", "Vilande", "Vantar", "Avslutad"}
    assert steps == {"Handlaggare", "Leverantor", "Annullerad", "Avslutad"}
    assert any(e["UnderhållsErbjudande"] for e in session["Ärenden"]), "a maintenance offer"
    kinds = {e["TypReferensNamn"] for e in session["Ärenden"]}
    assert kinds == {"Order", "Underhall", "Besiktning", "AllmantArende"}


def test_the_freezer_row_carries_the_seeds_node_path(pm5):
    session = pm5.session(KALLE, "HämtaÄrende", "HämtaÄrendeRader")

    freezer = next(r for r in rows(session) if r["Avser"]["Id"] == "n422831")
    assert [part["Id"] for part in freezer["Nodstig"]] == FREEZER_PATH
    assert [part["Visningstext"] for part in freezer["Nodstig"]] == ["Lägenhet", "Kök", "Kyl/Frys", "Frys - Standard"]
    assert freezer["Huvudentitet"] == "142-043-01"


def test_photos_come_as_bytes_only_when_asked_for(pm5):
    key = pm5.key()
    ids_only = rows(pm5.get_session(key, "HämtaÄrende", "HämtaÄrendeRader").json())
    with_bytes = rows(pm5.get_session(key, "HämtaÄrende", "HämtaÄrendeRader", "HämtaÄrendeRaderMediaBytes").json())

    media = [m for r in ids_only for m in r["Media"]]
    assert media and all(m["Id"] and m["Media"] is None for m in media)
    photo = next(m for r in with_bytes for m in r["Media"])
    assert base64.b64decode(photo["Media"]).startswith(b"\x89PNG")


def test_errands_are_the_customers_own(pm5):
    session = pm5.session(ANNA, "HämtaÄrende")
    assert {e["Id"] for e in session["Ärenden"]} == set(
        Errand.objects.filter(customer__customer_number=ANNA).values_list("pk", flat=True)
    )


# --- the customer and their objects ---------------------------------------------------------


def test_demo_customer_1_has_an_apartment_a_laundry_room_and_a_storage_room(pm5):
    objects = pm5.session(KALLE, "HämtaTillgängligaObjekt")["TillgängligaObjekt"]

    assert sorted(o["Typ"] for o in objects) == ["Bostad", "Forrad", "Tvattstuga"]
    apartment = next(o for o in objects if o["Typ"] == "Bostad")
    assert apartment["Nummer"] == "142-043-01"
    assert apartment["ObjektTypBeteckning"] == "Lägenhet"
    assert apartment["Entitet"] == {"Id": "n245612", "Typ": "Nod", "Visningstext": "Lägenhet"}
    assert set(apartment["Adress"]) == {"Gatuadress1", "Gatuadress2", "Postnummer", "Postort", "Land"}
    assert all(o["Användning"] == [{"Referensnamn": "Felanmälan", "Beteckning": "Felanmälan"}] for o in objects)


def test_meter_data_and_maintenance_are_per_object(pm5):
    objects = pm5.session(KALLE, "HämtaTillgängligaObjekt", "HämtaUnderhåll", "HämtaMätdata")["TillgängligaObjekt"]

    apartment = next(o for o in objects if o["Typ"] == "Bostad")
    installation = apartment["MätdataAnläggningar"][0]
    assert installation["Användning"] == "Vatten"
    hot = next(m for m in installation["Mätare"] if m["Användning"] == "Varmvatten")
    assert len(hot["Mätdata"]) >= 36
    assert {"Förbrukning", "Mätarställning", "Tom", "Kostnad", "Debiterad"} <= set(hot["Mätdata"][0])
    assert apartment["Underhåll"]


def test_contact_details_carry_their_kind(pm5):
    details = pm5.session(KALLE, "HämtaKund", "HämtaKontaktuppgifter")["Kund"]["Kontaktuppgifter"]
    assert {d["KontaktuppgiftsTyp"]["Referensnamn"] for d in details} == {
        "Epost",
        "Telefonnummer",
        "Mobiltelefonnummer",
    }


def test_demo_customer_1_has_an_active_temporary_address(pm5):
    addresses = pm5.session(KALLE, "HämtaKund", "HämtaTillfälligaAdresser")["Kund"]["TillfälligaAdresser"]

    assert any(date.fromisoformat(a["Fom"]) <= today() <= date.fromisoformat(a["Tom"]) for a in addresses)
    assert all(date.fromisoformat(a["Tom"]) >= today() for a in addresses), "ended addresses are left out"


def test_documents_are_files_or_links(pm5):
    documents = pm5.session(KALLE, "HämtaKund", "HämtaDokument")["Kund"]["Dokument"]

    files = [d for d in documents if d["EntitetFilId"]]
    links = [d for d in documents if not d["EntitetFilId"]]
    assert files and links
    assert all(
        d["Filändelse"] == ".PDF" and d["FilUrl"].endswith(f"/session/kund/dokument/{d['EntitetFilId']}") for d in files
    )
    assert all(d["Webbadress"] and d["FilUrl"] is None for d in links)
    assert any(d["EntitetFilTypBeteckning"] == "Hyresavtal" and d["AvtalVersionId"] for d in files)


def test_the_session_key_is_not_echoed_in_the_answer(pm5):
    key = pm5.key()
    assert key not in pm5.get_session(key, *FLAG_NAMES).content.decode()


def test_the_whole_session_costs_a_bounded_number_of_queries(pm5, django_assert_max_num_queries):
    key = pm5.key()
    with django_assert_max_num_queries(40):
        assert pm5.get_session(key, *FLAG_NAMES).status_code == 200


def test_the_wire_writes_decimals_as_they_are_and_refuses_floats():
    assert render({"Belopp": money(Decimal("7900")), "Mängd": Decimal("1.100"), "Text": "Kök"}) == (
        '{"Belopp":7900.00,"Mängd":1.100,"Text":"Kök"}'
    )
    assert render(money(Decimal("-0.001"))) == "0.00"
    with pytest.raises(TypeError):
        render({"Belopp": 7900.0})
