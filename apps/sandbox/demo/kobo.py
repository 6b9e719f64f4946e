"""The demo landlord's apartments in Kobo Bolig (seed 004), as its FDVU system registered them.

Each apartment is a unit with leverandorBoligId = its PM5 object number. A let
apartment has a lease on a case of its tenant's household (started when the
PM5 lease did, open-ended); Kalle's lease has no agreed notice period of its own
(the law's applies), Anna's has one month. Of the vacant apartments the first is
reserved for two cases and the last allocated to a third: in the small company,
where only one is vacant, that is the same one. Every unit has a message waiting
for the portal ("OPPRETTET"), delivered once it registers its webhook.
"""

import uuid

from apps.sandbox.demo.people import Tenant
from apps.sandbox.demo.personas import ANNA
from apps.sandbox.demo.run import DemoRun
from apps.sandbox.kobo.auth import SYSTEMS
from apps.sandbox.models import Building, KoboCase, KoboMessage, KoboUnit, RentalObject

SYSTEM = next(iter(SYSTEMS))  # the demo landlord's FDVU system
KOMMUNENUMMER = "3403"  # a Norwegian municipality's number for the matrikkel (Hamar): the seed is Norwegian


def build_kobo(run: DemoRun, apartments: list[RentalObject], tenants: list[Tenant]) -> None:
    let = {tenant.apartment.pk: tenant for tenant in tenants}
    cases: list[KoboCase] = []
    units: list[KoboUnit] = []
    for apartment in apartments:
        doc = _unit(apartment)
        tenant = let.get(apartment.pk)
        if tenant is not None:
            case = _case(run, len(cases) + 1, tenant)
            cases.append(case)
            doc |= {"status": "UTLEID", "leieforhold": _lease(run, tenant, case.reference)}
        units.append(KoboUnit(kobo_id=_uuid(run), system_id=SYSTEM, supplier_id=apartment.number, document=doc))
    vacant = [unit for unit in units if "leieforhold" not in unit.document]
    if vacant:
        waiting = [_case(run, len(cases) + n, None) for n in (1, 2, 3)]
        cases += waiting
        vacant[0].document["reservasjoner"] = [
            {"koboSaksreferanse": case.reference, "reservertDato": run.today.isoformat()} for case in waiting[:2]
        ]
        vacant[-1].document["tildeling"] = {
            "koboSaksreferanse": waiting[2].reference,
            "tildeltDato": run.at(run.today, 9, 30).isoformat(timespec="seconds"),
        }
    KoboCase.objects.bulk_create(cases)
    KoboUnit.objects.bulk_create(units)
    KoboMessage.objects.bulk_create(
        KoboMessage(message_id=_uuid(run), system_id=SYSTEM, kobo_id=unit.kobo_id, hint="OPPRETTET") for unit in units
    )


def _uuid(run: DemoRun) -> uuid.UUID:
    return uuid.UUID(int=run.rng.getrandbits(128), version=4)


def _unit(apartment: RentalObject) -> dict:
    building: Building = apartment.building
    street, _, number = building.street.rpartition(" ")
    return {
        "leverandorBoligId": apartment.number,
        "adresse": {
            "gatenavn": street,
            "husnummer": int(number),
            "postnummer": building.postal_code,
            "poststed": building.city,
        },
        "boligtype": "ORDINAR_BOLIG",
        "status": "KLAR_FOR_INNFLYTTING",
        "statusdato": None,
        "antallSoverom": max((apartment.rooms or 1) - 1, 0),
        "bruksareal": float(apartment.area) if apartment.area is not None else None,
        "etasjenummer": apartment.floor,
        "disposisjonsform": "KOMMUNALT_EID",
        "leiekostnad": {"manedsleie": float(apartment.monthly_rent)} if apartment.monthly_rent else None,
        "reservasjoner": [],
        "tidligereLeieforhold": [],
    }


def _case(run: DemoRun, number: int, tenant: Tenant | None) -> KoboCase:
    reference = f"SAK-{run.today.year}-{number:04d}"
    if tenant is None:
        return KoboCase(reference=reference, household={"antallBarn": run.rng.randint(0, 3), "beboere": []})
    customer = tenant.customer
    digits = "".join(ch for ch in customer.personnummer if ch.isdigit())[-10:]
    # A fødselsnummer's shape (ddmmåå + five digits), made from the demo personnummer: fiction, like it.
    fodselsnummer = digits[4:6] + digits[2:4] + digits[0:2] + digits[6:10] + "0"
    resident = {
        "koboId": str(_uuid(run)),
        "personidentifikator": fodselsnummer,
        "fornavn": customer.first_name,
        "etternavn": customer.last_name,
    }
    return KoboCase(reference=reference, household={"antallBarn": max(tenant.persons - 2, 0), "beboere": [resident]})


def _lease(run: DemoRun, tenant: Tenant, reference: str) -> dict:
    agreed = "MND1" if tenant.customer.customer_number == ANNA.customer_number else None
    if not tenant.is_demo_customer and run.chance(0.3):
        agreed = "MND1"
    return {
        "koboId": str(_uuid(run)),
        "koboSaksreferanse": reference,
        "kontraktStartdato": tenant.customer.customer_since.isoformat(),
        "kontraktUtlopsdato": None,
        "erTidsubegrenset": True,
        "oppsigelsestid": agreed,
        "annenOppsigelsestid": None,
        "oppsagtAktor": None,
        "oppsigelseMottattDato": None,
        "oppsagtFraDato": None,
        "planlagtUtflyttingsdato": None,
        "meta": {"opprettet": tenant.customer.customer_since.isoformat(), "sistEndret": run.today.isoformat()},
    }
