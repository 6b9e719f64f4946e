"""What Kobo does to a unit: register, change, soft delete, reserve, allocate, lease, notice, end.

Each operation takes the FDVU system's unit and a body already checked against
schema.py, applies the seed's rules, saves, and queues a webhook message. A
refusal is Refused(status, code, message): 404 for a unit, case, lease, notice
or allocation the call needs and that is not there; 409 for a state that does
not allow it (the seed lists only 404 for these calls; 409 is the contract's
reading, K7).
"""

import uuid
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from apps.sandbox.kobo import schema, webhooks
from apps.sandbox.models import KoboCase, KoboUnit

# The webhook hints (sandbox-defined: the seed promises "et hint om hva som har skjedd", 004:59-62).
CREATED, CHANGED, STATUS, DELETED = "OPPRETTET", "ENDRET", "STATUS", "SLETTET"
RESERVATION, ALLOCATION, LEASE, NOTICE = "RESERVASJON", "TILDELING", "LEIEFORHOLD", "OPPSIGELSE"

# A lease's own fields on the wire (LeieforholdTO), and which of them belong to a notice.
NOTICE_KEYS = ("oppsagtAktor", "oppsigelseMottattDato", "oppsagtFraDato", "planlagtUtflyttingsdato")
AGREED_PERIOD_KEYS = ("oppsigelsestid", "annenOppsigelsestid")


class Refused(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def today() -> str:
    return timezone.localdate().isoformat()


def now() -> str:
    return timezone.now().isoformat(timespec="seconds")


def find(system: str, kobo_id: str) -> KoboUnit:
    """The system's live unit, locked for the change; 404 for another system's, a deleted one or a bad id."""
    if not schema.is_uuid(kobo_id):
        raise Refused(404, "BOLIG_FINNES_IKKE", "Boligen finnes ikke i Kobo.")
    unit = KoboUnit.objects.select_for_update().filter(kobo_id=kobo_id, system_id=system, deleted=False).first()
    if unit is None:
        raise Refused(404, "BOLIG_FINNES_IKKE", "Boligen finnes ikke i Kobo.")
    return unit


def case(reference: Any) -> KoboCase:
    found = KoboCase.objects.filter(reference=str(reference)).first() if reference else None
    if found is None:
        raise Refused(404, "SAK_FINNES_IKKE", f"Saken {reference} finnes ikke i Kobo.")
    return found


# --- reading ------------------------------------------------------------------------------


def to_wire(unit: KoboUnit) -> dict:
    """KoboboligTO: the stored document with what Kobo owns and derives."""
    doc = dict(unit.document)
    if doc.get("leieforhold"):
        doc["leieforhold"] = {k: v for k, v in doc["leieforhold"].items() if k != "avtaltOppsigelsestid"}
    linked = (doc.get("leieforhold") or {}).get("koboSaksreferanse") or (doc.get("tildeling") or {}).get(
        "koboSaksreferanse"
    )
    household = (
        KoboCase.objects.filter(reference=linked).values_list("household", flat=True).first() if linked else None
    )
    return {
        "koboId": str(unit.kobo_id),
        **doc,
        "husstand": household,
        "meta": {
            "opprettet": unit.created_at.isoformat(timespec="seconds"),
            "sistEndret": unit.updated_at.isoformat(timespec="seconds"),
        },
        "utledetLedigFraDato": free_from(doc),
    }


def free_from(doc: dict) -> str | None:
    """utledetLedigFraDato, derived from status, statusdato and the lease (the sandbox's reading, K26, K28)."""
    lease = doc.get("leieforhold")
    if lease:
        moving = lease.get("planlagtUtflyttingsdato") or lease.get("oppsagtFraDato")
        if moving:
            return date.fromordinal(date.fromisoformat(moving).toordinal() + 1).isoformat()
        return None
    if doc.get("status") in ("KLAR_FOR_INNFLYTTING", "VEDLIKEHOLD"):
        return doc.get("statusdato") or today()
    return None


def _changed(unit: KoboUnit, document: dict, hint: str) -> KoboUnit:
    unit.document = document
    unit.save()
    webhooks.queue(unit, hint)
    return unit


# --- the unit ---------------------------------------------------------------------------------


@transaction.atomic
def create(system: str, body: dict) -> KoboUnit:
    fields = schema.checked(body, schema.UNIT_FIELDS)
    if KoboUnit.objects.filter(system_id=system, supplier_id=fields["leverandorBoligId"], deleted=False).exists():
        raise Refused(
            409, "BOLIG_FINNES", f"En bolig med leverandorBoligId {fields['leverandorBoligId']} finnes allerede."
        )
    doc = _wheelchair(fields, fields) | {"reservasjoner": [], "tidligereLeieforhold": []}
    unit = KoboUnit.objects.create(system_id=system, supplier_id=fields["leverandorBoligId"], document=doc)
    webhooks.queue(unit, CREATED)
    return unit


@transaction.atomic
def update(system: str, kobo_id: str, body: dict) -> KoboUnit:
    unit = find(system, kobo_id)
    fields = schema.checked(body, schema.UNIT_FIELDS)
    if fields["leverandorBoligId"] != unit.supplier_id:
        raise Refused(400, "UGYLDIG_FORESPORSEL", "leverandorBoligId kan ikke endres.")
    doc = dict(unit.document)
    before = doc.get("status")
    for field in schema.UNIT_FIELDS:
        if not field.updatable:
            continue  # K13: the stored value is kept
        if field.name in fields:
            doc[field.name] = fields[field.name]
        else:
            doc.pop(field.name, None)  # PUT sends the whole unit: what is left out is cleared
    return _changed(unit, _wheelchair(doc, fields), CHANGED if before == doc.get("status") else STATUS)


def _wheelchair(doc: dict, fields: dict) -> dict:
    flag = fields.get("erTilgjengeligForRullestolbruker")
    if flag is None:
        return dict(doc)
    marks = [m for m in doc.get("tilrettelegginger", []) if m not in schema.WHEELCHAIR]
    return dict(doc) | {"tilrettelegginger": marks + list(schema.WHEELCHAIR) if flag else marks}


@transaction.atomic
def soft_delete(system: str, kobo_id: str) -> bool:
    """True if it was deleted now; False for one deleted before (K10)."""
    if not schema.is_uuid(kobo_id):
        raise Refused(404, "BOLIG_FINNES_IKKE", "Boligen finnes ikke i Kobo.")
    unit = KoboUnit.objects.select_for_update().filter(kobo_id=kobo_id, system_id=system).first()
    if unit is None:
        raise Refused(404, "BOLIG_FINNES_IKKE", "Boligen finnes ikke i Kobo.")
    if unit.deleted:
        return False
    unit.deleted = True
    unit.save()
    webhooks.queue(unit, DELETED)
    return True


# --- reservations and allocation -----------------------------------------------------------------


@transaction.atomic
def reserve(system: str, kobo_id: str, reference: str) -> tuple[KoboUnit, bool]:
    unit = find(system, kobo_id)
    case(reference)
    reservations = list(unit.document.get("reservasjoner", []))
    if any(r["koboSaksreferanse"] == reference for r in reservations):
        return unit, False  # the same case again: nothing new
    reservations.append({"koboSaksreferanse": reference, "reservertDato": today()})
    unit.document = unit.document | {"reservasjoner": reservations}
    unit.save()
    webhooks.queue(unit, RESERVATION)
    return unit, True


@transaction.atomic
def unreserve(system: str, kobo_id: str, reference: str) -> KoboUnit:
    unit = find(system, kobo_id)
    reservations = unit.document.get("reservasjoner", [])
    kept = [r for r in reservations if r["koboSaksreferanse"] != reference]
    if len(kept) == len(reservations):
        raise Refused(404, "RESERVASJON_FINNES_IKKE", f"Boligen er ikke reservert til sak {reference}.")
    return _changed(unit, unit.document | {"reservasjoner": kept}, RESERVATION)


@transaction.atomic
def allocate(system: str, kobo_id: str, body: dict) -> KoboUnit:
    unit = find(system, kobo_id)
    reference = schema.checked(body, schema.ALLOCATION_FIELDS)["koboSaksreferanse"]
    case(reference)
    current = unit.document.get("tildeling")
    if current:
        raise Refused(409, "ALLEREDE_TILDELT", f"Boligen er allerede tildelt sak {current['koboSaksreferanse']}.")
    taken = KoboUnit.objects.filter(deleted=False, document__tildeling__koboSaksreferanse=reference)
    if taken.exists():
        raise Refused(409, "SAK_HAR_TILDELING", f"Sak {reference} er allerede tildelt en annen bolig.")
    return _changed(
        unit, unit.document | {"tildeling": {"koboSaksreferanse": reference, "tildeltDato": now()}}, ALLOCATION
    )


@transaction.atomic
def unallocate(system: str, kobo_id: str, body: dict) -> KoboUnit:
    unit = find(system, kobo_id)
    reference = schema.checked(body, schema.ALLOCATION_FIELDS)["koboSaksreferanse"]
    current = unit.document.get("tildeling")
    if not current or current["koboSaksreferanse"] != reference:
        raise Refused(404, "TILDELING_FINNES_IKKE", f"Boligen er ikke tildelt sak {reference}.")
    return _changed(unit, {k: v for k, v in unit.document.items() if k != "tildeling"}, ALLOCATION)


# --- the lease ----------------------------------------------------------------------------------------


def _lease_terms(terms: dict) -> dict:
    if terms.get("erTidsubegrenset") is False and not terms.get("kontraktUtlopsdato"):
        raise schema.Invalid(["leieforhold.kontraktUtlopsdato er obligatorisk når erTidsubegrenset er false."])
    end = terms.get("kontraktUtlopsdato")
    if end and end < terms["kontraktStartdato"]:
        raise schema.Invalid(["leieforhold.kontraktUtlopsdato kan ikke være før kontraktStartdato."])
    if terms.get("oppsigelsestid") == "ANNET" and not terms.get("annenOppsigelsestid"):
        raise schema.Invalid(["leieforhold.annenOppsigelsestid er obligatorisk når oppsigelsestid er ANNET."])
    return terms


@transaction.atomic
def open_lease(system: str, kobo_id: str, body: dict) -> KoboUnit:
    unit = find(system, kobo_id)
    top = schema.checked(
        body,
        (
            schema.Field("leieforhold", _object, required=True),
            schema.Field("husstand", _object),
            schema.Field("koboSaksreferanse", "text"),
        ),
    )
    terms = _lease_terms(schema.checked(top["leieforhold"], schema.LEASE_FIELDS, "leieforhold"))
    if unit.document.get("leieforhold"):
        raise Refused(409, "LEIEFORHOLD_FINNES", "Boligen har allerede et leieforhold. Avslutt det først.")
    reference = top.get("koboSaksreferanse")
    if reference:
        case(reference)  # K21: the reference wins, a household sent with it is ignored
    else:
        linked = unit.document.get("tildeling") or unit.document.get("reservasjoner")
        if linked:
            raise Refused(409, "BOLIG_HAR_SAK", "Boligen er knyttet til en sak: oppgi koboSaksreferanse.")
        reference = _new_case(top.get("husstand")).reference
    if _reserved_elsewhere(reference, unit):
        raise Refused(409, "SAK_HAR_RESERVASJONER", f"Sak {reference} har reservert andre boliger. Fjern dem først.")
    lease = {
        "koboId": str(uuid.uuid4()),
        "koboSaksreferanse": reference,
        **terms,
        "meta": {"opprettet": now(), "sistEndret": now()},
    }
    # Creating a lease removes every reservation of the unit (K24) and lets it (K25).
    return _changed(unit, unit.document | {"leieforhold": lease, "reservasjoner": [], "status": "UTLEID"}, LEASE)


def _reserved_elsewhere(reference: str, unit: KoboUnit) -> bool:
    # In Python: SQLite has no JSON containment lookup, and a case reserves a handful of units.
    others = KoboUnit.objects.filter(deleted=False).exclude(pk=unit.pk).values_list("document", flat=True)
    return any(r.get("koboSaksreferanse") == reference for doc in others for r in doc.get("reservasjoner", []))


def _object(name: str, value: Any, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append(f"{name} må være et objekt.")


def _new_case(household: Any) -> KoboCase:
    """K21, K22: no reference, so a household whose first beboer becomes the main applicant."""
    if not household:
        raise schema.Invalid(["Oppgi koboSaksreferanse, eller husstand for å opprette en ny sak."])
    fields = schema.checked(
        household, (*schema.HOUSEHOLD_FIELDS, schema.Field("beboere", _object_list, required=True)), "husstand"
    )
    problems: list[str] = []
    for i, resident in enumerate(fields["beboere"]):
        try:
            schema.checked(
                {k: v for k, v in resident.items() if k not in ("koboId", "adresse")},
                schema.RESIDENT_FIELDS,
                f"husstand.beboere[{i}]",
            )
        except schema.Invalid as invalid:
            problems += invalid.problems
            continue
        if not schema.FODSELSNUMMER.match(resident["personidentifikator"]):
            problems.append(f"husstand.beboere[{i}].personidentifikator må være et fødselsnummer eller d-nummer.")
    if problems:
        raise schema.Invalid(problems)
    number = KoboCase.objects.count() + 1
    while KoboCase.objects.filter(reference=f"SAK-{number:06d}").exists():
        number += 1
    residents = [r | {"koboId": str(uuid.uuid4())} for r in fields["beboere"]]
    return KoboCase.objects.create(
        reference=f"SAK-{number:06d}", household={"antallBarn": fields["antallBarn"], "beboere": residents}
    )


def _object_list(name: str, value: Any, problems: list[str]) -> None:
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        problems.append(f"{name} må være en liste med minst én beboer.")


def _current_lease(unit: KoboUnit) -> dict:
    lease = unit.document.get("leieforhold")
    if not lease:
        raise Refused(404, "LEIEFORHOLD_FINNES_IKKE", "Boligen har ikke noe leieforhold.")
    return dict(lease)


@transaction.atomic
def change_lease(system: str, kobo_id: str, body: dict) -> KoboUnit:
    unit = find(system, kobo_id)
    lease = _current_lease(unit)
    terms = _lease_terms(schema.checked(body, schema.LEASE_FIELDS))
    for name in ("kontraktUtlopsdato", "manedsleie", "depositum", *AGREED_PERIOD_KEYS):
        lease.pop(name, None)
    if lease.get("oppsagtAktor"):
        terms = {k: v for k, v in terms.items() if k not in AGREED_PERIOD_KEYS}  # a registered notice keeps its own
    lease |= terms
    lease["meta"] = lease.get("meta", {}) | {"sistEndret": now()}
    return _changed(unit, unit.document | {"leieforhold": lease}, LEASE)


def _notice(lease: dict, body: dict) -> dict:
    notice = schema.checked(body, schema.NOTICE_FIELDS)
    problems = []
    if notice["oppsigelsestid"] == "ANNET" and not notice.get("annenOppsigelsestid"):
        problems.append("annenOppsigelsestid er obligatorisk når oppsigelsestid er ANNET.")
    if notice["oppsigelseMottattDato"] > today():
        problems.append("oppsigelseMottattDato kan ikke være fram i tid.")
    if notice["oppsagtFraDato"] < notice["oppsigelseMottattDato"]:
        problems.append("oppsagtFraDato kan ikke være før oppsigelseMottattDato.")
    if notice["oppsagtFraDato"] < lease["kontraktStartdato"]:
        problems.append("oppsagtFraDato kan ikke være før kontraktStartdato.")
    if lease.get("kontraktUtlopsdato") and notice["oppsagtFraDato"] > lease["kontraktUtlopsdato"]:
        problems.append("oppsagtFraDato kan ikke være etter kontraktUtlopsdato.")
    if notice["planlagtUtflyttingsdato"] < notice["oppsigelseMottattDato"]:
        problems.append("planlagtUtflyttingsdato kan ikke være før oppsigelseMottattDato.")
    if problems:
        raise schema.Invalid(problems)
    return {"annenOppsigelsestid": None} | notice


@transaction.atomic
def give_notice(system: str, kobo_id: str, body: dict, *, change: bool) -> KoboUnit:
    unit = find(system, kobo_id)
    lease = _current_lease(unit)
    registered = bool(lease.get("oppsagtAktor"))
    if change and not registered:
        raise Refused(404, "OPPSIGELSE_FINNES_IKKE", "Leieforholdet har ingen registrert oppsigelse.")
    if not change and registered:
        raise Refused(409, "OPPSIGELSE_FINNES", "Leieforholdet er allerede sagt opp. Endre oppsigelsen i stedet.")
    notice = _notice(lease, body)
    if not registered:
        # The lease's agreed period, given back if the notice is withdrawn (the sandbox's reading, README).
        lease["avtaltOppsigelsestid"] = {k: lease.get(k) for k in AGREED_PERIOD_KEYS}
    lease |= notice
    lease["meta"] = lease.get("meta", {}) | {"sistEndret": now()}
    return _changed(unit, unit.document | {"leieforhold": lease}, NOTICE)


@transaction.atomic
def withdraw_notice(system: str, kobo_id: str) -> KoboUnit:
    unit = find(system, kobo_id)
    lease = _current_lease(unit)
    if not lease.get("oppsagtAktor"):
        raise Refused(404, "OPPSIGELSE_FINNES_IKKE", "Leieforholdet har ingen registrert oppsigelse.")
    if lease["oppsagtFraDato"] < today():
        raise Refused(409, "OPPSIGELSE_GJELDER", "Oppsigelsen gjelder allerede og kan ikke oppheves.")
    agreed = lease.pop("avtaltOppsigelsestid", None) or {}
    for name in NOTICE_KEYS:
        lease[name] = None
    lease |= {k: agreed.get(k) for k in AGREED_PERIOD_KEYS}
    lease["meta"] = lease.get("meta", {}) | {"sistEndret": now()}
    return _changed(unit, unit.document | {"leieforhold": lease}, NOTICE)


@transaction.atomic
def end_lease(system: str, kobo_id: str, body: dict) -> KoboUnit:
    unit = find(system, kobo_id)
    lease = _current_lease(unit)
    ending = schema.checked(body, schema.END_FIELDS)
    if ending["boligstatus"] not in schema.END_STATUSES:
        raise schema.Invalid([f"boligstatus kan bare være {' eller '.join(schema.END_STATUSES)}."])
    lease.pop("avtaltOppsigelsestid", None)
    lease |= {
        "utflyttetdato": ending["utflyttetdato"],
        "leieforholdAvslutningsgrunn": ending["avslutningsgrunn"],  # K20: another name when read
        "avsluttetdato": today(),
    }
    doc = {k: v for k, v in unit.document.items() if k not in ("leieforhold", "tildeling")}
    doc |= {
        "tidligereLeieforhold": [*unit.document.get("tidligereLeieforhold", []), lease],
        "status": ending["boligstatus"],
        "statusdato": ending["utflyttetdato"],
    }
    return _changed(unit, doc, LEASE)
