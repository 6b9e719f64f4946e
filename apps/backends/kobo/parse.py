"""Kobo's JSON into the types of types.py; Norwegian wire names stop here."""

from typing import Any

from apps.backends.errors import BackendInvalid
from apps.backends.kobo import types as t
from apps.backends.kobo.codes import NoticeActor, NoticePeriod, UnitStatus, UnitType
from apps.backends.wire import Wire, code


def unit(data: Any) -> t.Unit:
    if not isinstance(data, dict):
        raise BackendInvalid("Kobo unit: expected an object")
    w = Wire(data, "Kobo unit")
    household = w.group("husstand")
    residents = household.get("beboere")
    size = None
    if household.has("antallBarn") or residents:
        size = (household.integer("antallBarn") or 0) + (len(residents) if isinstance(residents, list) else 0)
    return t.Unit(
        kobo_id=w.required_text("koboId"),
        supplier_id=w.required_text("leverandorBoligId"),
        status=code(UnitStatus, w.text("status")),
        status_date=w.date("statusdato"),
        unit_type=code(UnitType, w.text("boligtype")),
        address=w.obj("adresse", address),
        bedrooms=w.integer("antallSoverom"),
        area=w.decimal("bruksareal"),
        floor=w.integer("etasjenummer"),
        monthly_rent=w.group("leiekostnad").decimal("manedsleie", "månedsleie"),  # K19
        reservations=w.objects("reservasjoner", reservation),
        allocation=w.obj("tildeling", allocation),
        lease=w.obj("leieforhold", lease),
        previous_leases=w.objects("tidligereLeieforhold", lease),
        free_from=w.date("utledetLedigFraDato"),
        household_size=size,
        changed_at=w.group("meta").datetime("sistEndret"),
    )


def address(w: Wire) -> t.Address:
    return t.Address(
        street=w.text("gatenavn") or "",
        house_number=w.integer("husnummer"),
        house_letter=w.text("husbokstav"),
        postal_code=w.text("postnummer") or "",
        town=w.text("poststed"),
    )


def reservation(w: Wire) -> t.Reservation:
    return t.Reservation(case_reference=w.required_text("koboSaksreferanse"), reserved_on=w.date("reservertDato"))


def allocation(w: Wire) -> t.Allocation:
    # K29: "Tidspunktet", typed date: a date or a date-time.
    return t.Allocation(case_reference=w.required_text("koboSaksreferanse"), allocated_at=w.datetime("tildeltDato"))


def lease(w: Wire) -> t.Lease:
    notice = None
    if w.has("oppsagtAktor") or w.has("oppsigelseMottattDato"):
        notice = t.Notice(
            actor=code(NoticeActor, w.text("oppsagtAktor")),
            received_on=w.date("oppsigelseMottattDato"),
            effective_from=w.date("oppsagtFraDato"),
            planned_move_out=w.date("planlagtUtflyttingsdato"),
        )
    return t.Lease(
        kobo_id=w.text("koboId"),
        case_reference=w.text("koboSaksreferanse"),
        start=w.date("kontraktStartdato"),
        expires=w.date("kontraktUtlopsdato"),
        open_ended=w.boolean("erTidsubegrenset") if w.has("erTidsubegrenset") else True,
        notice_period=code(NoticePeriod, w.text("oppsigelsestid")),
        other_notice_period=w.text("annenOppsigelsestid"),
        notice=notice,
        moved_out_on=w.date("utflyttetdato"),
        ended_on=w.date("avsluttetdato"),
    )


# --- what the portal sends -----------------------------------------------------------------------


def notice_body(request: t.NoticeRequest) -> dict:
    return {
        "oppsagtAktor": request.actor.value,
        "oppsigelsestid": request.period.value,
        "annenOppsigelsestid": request.other_period,
        "oppsigelseMottattDato": request.received_on.isoformat(),
        "oppsagtFraDato": request.effective_from.isoformat(),
        "planlagtUtflyttingsdato": request.planned_move_out.isoformat(),
    }


def lease_terms_body(terms: t.LeaseTerms) -> dict:
    return {
        "kontraktStartdato": terms.start.isoformat(),
        "erTidsubegrenset": terms.open_ended,
        "kontraktUtlopsdato": terms.expires.isoformat() if terms.expires else None,
    }


def unit_body(registration: t.UnitRegistration) -> dict:
    place = registration.address
    body = {
        "leverandorBoligId": registration.supplier_id,
        "adresse": {
            "gatenavn": place.street,
            "husnummer": place.house_number,
            "husbokstav": place.house_letter,
            "postnummer": place.postal_code,
            "poststed": place.town,
        },
        "boligtype": registration.unit_type.value,
        "status": registration.status.value,
        "antallSoverom": registration.bedrooms,
        "bruksareal": float(registration.area) if registration.area is not None else None,  # a double (seed 004)
        "etasjenummer": registration.floor,
    }
    return {key: value for key, value in body.items() if value is not None}
