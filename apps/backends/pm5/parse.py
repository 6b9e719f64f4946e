"""PM5 wire JSON → the typed objects of types.py. Swedish names end here.

Reading is forgiving where the contract says a real backend may differ
(keys matched case-insensitively and trimmed, A05/A14/A20; lists may be null or a
single object, A15/A25) and strict where a wrong value would mislead a tenant
(amounts and ids must parse, or BackendInvalid is raised).
"""

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from apps.backends.errors import BackendInvalid
from apps.backends.pm5 import types as t

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class Wire:
    """A JSON object read by name, ignoring case and stray whitespace in keys."""

    def __init__(self, data: dict[str, Any], where: str):
        if not isinstance(data, dict):
            raise BackendInvalid(f"{where}: expected an object")
        self._data = {str(k).strip().casefold(): v for k, v in data.items()}
        self.where = where

    def get(self, *names: str) -> Any:
        for name in names:
            value = self._data.get(name.casefold())
            if value is not None:
                return value
        return None

    def text(self, *names: str) -> str | None:
        value = self.get(*names)
        return None if value is None else str(value)

    def required_text(self, *names: str) -> str:
        value = self.text(*names)
        if value is None:
            raise BackendInvalid(f"{self.where}: {names[0]} is missing")
        return value

    def integer(self, *names: str) -> int | None:
        value = self.get(*names)
        if value is None:
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            raise BackendInvalid(f"{self.where}: {names[0]} is not an integer") from None

    def required_integer(self, *names: str) -> int:
        value = self.integer(*names)
        if value is None:
            raise BackendInvalid(f"{self.where}: {names[0]} is missing")
        return value

    def decimal(self, *names: str) -> Decimal | None:
        value = self.get(*names)
        if value is None:
            return None
        if isinstance(value, bool):
            raise BackendInvalid(f"{self.where}: {names[0]} is not a number")
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise BackendInvalid(f"{self.where}: {names[0]} is not a number") from None

    def money(self, *names: str) -> Decimal:
        """An amount; a missing amount is zero, as a paper invoice would print it."""
        value = self.decimal(*names)
        return Decimal("0.00") if value is None else value.quantize(Decimal("0.01"))

    def boolean(self, *names: str) -> bool:
        value = self.get(*names)
        if isinstance(value, str):
            return value.strip().casefold() == "true"
        return bool(value)

    def date(self, *names: str) -> date | None:
        value = self.text(*names)
        return None if value is None else parse_date(value, self.where)

    def datetime(self, *names: str) -> datetime | None:
        value = self.text(*names)
        return None if value is None else parse_datetime(value, self.where)

    def obj[T](self, name: str, reader: Callable[["Wire"], T]) -> T | None:
        value = self.get(name)
        return None if value is None else reader(Wire(value, f"{self.where}.{name}"))

    def objects[T](self, name: str, reader: Callable[["Wire"], T]) -> tuple[T, ...]:
        return read_list(self.get(name), reader, f"{self.where}.{name}")

    def has(self, name: str) -> bool:
        return self._data.get(name.casefold()) is not None


def read_list[T](value: Any, reader: Callable[[Wire], T], where: str) -> tuple[T, ...]:
    if value is None:
        return ()
    items: Iterable[Any] = value if isinstance(value, list) else [value]
    return tuple(reader(Wire(item, f"{where}[{i}]")) for i, item in enumerate(items))


def parse_date(value: str, where: str = "") -> date:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise BackendInvalid(f"{where}: {value!r} is not a date") from None


def parse_datetime(value: str, where: str = "") -> datetime:
    """All the forms of contract A24: date only, ' ' or 'T', seconds, ms, offset or Z."""
    text = value.strip().replace(" ", "T", 1)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise BackendInvalid(f"{where}: {value!r} is not a date-time") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=STOCKHOLM)
    return parsed


# --- readers, one per wire type -------------------------------------------------


def address(w: Wire) -> t.Address:
    return t.Address(
        street=w.text("Gatuadress1") or "",
        street2=w.text("Gatuadress2"),
        postal_code=w.text("Postnummer") or "",
        city=w.text("Postort") or "",
        country=w.text("Land"),
    )


def customer_info(w: Wire) -> t.CustomerInfo:
    return t.CustomerInfo(
        first_name=w.text("Förnamn") or "",
        last_name=w.text("Efternamn") or "",
        customer_number=w.required_text("Kundnummer"),
    )


def contact_detail(w: Wire) -> t.ContactDetail:
    kind = w.obj("KontaktuppgiftsTyp", lambda k: (k.text("Referensnamn") or "", k.text("Beteckning")))
    return t.ContactDetail(
        kind=kind[0] if kind else "",
        label=kind[1] if kind else None,
        value=w.text("Värde") or "",
        verified=w.boolean("Validerad"),
    )


def temporary_address(w: Wire) -> t.TemporaryAddress:
    return t.TemporaryAddress(
        address_id=w.required_integer("AdressId"),
        valid_from=w.date("Fom"),
        valid_to=w.date("Tom"),
        name=w.text("Namn"),
        care_of=w.text("CareOf"),
        attention=w.text("Attention"),
        street=w.text("Gatuadress1"),
        street2=w.text("Gatuadress2"),
        postal_code=w.text("Postnummer"),
        city=w.text("Postort"),
        country=w.text("Land"),
        country_code=w.text("LandReferensnamn"),
    )


def document(w: Wire) -> t.Document:
    return t.Document(
        file_id=w.integer("EntitetFilId"),
        object_type=w.text("ObjektTyp"),
        object_address=w.text("ObjektAdress"),
        category=w.text("EntitetFilTypBeteckning"),
        category_order=w.integer("EntitetFilTypOrdning"),
        label=w.text("Beteckning"),
        extension=w.text("Filändelse"),
        order=w.integer("EntitetFilOrdning"),
        web_url=w.text("Webbadress"),
        message=w.text("Meddelande"),
    )


def row_specification(w: Wire) -> t.RowSpecification:
    return t.RowSpecification(
        period_from=w.date("AvserFom"),
        period_to=w.date("AvserTom"),
        source_label=w.text("KällaBeteckning"),
        source_id=w.text("KällaIdentitet"),
        reading_from=w.decimal("VärdeFom"),
        reading_to=w.decimal("VärdeTom"),
        quantity=w.decimal("Mängd"),
        unit=w.text("Mängdenhet"),
        unit_price=w.decimal("Apris"),
    )


def ledger_row(w: Wire) -> t.LedgerRow:
    return t.LedgerRow(
        text=w.text("Aviseringstext") or "",
        net=w.money("Nettobelopp"),
        vat=w.money("Momsbelopp"),
        gross=w.money("Bruttobelopp"),
        specification=w.obj("Specifikation", row_specification),
    )


def rental_object(w: Wire) -> t.RentalObjectRef:
    return t.RentalObjectRef(
        number=w.text("Nummer"),
        object_type=w.text("ObjektTypBeteckning"),
        address=w.obj("Adress", address),
    )


def ledger_period(w: Wire) -> t.LedgerPeriod:
    return t.LedgerPeriod(
        period=w.text("Period"),
        due_date=w.date("Förfallodag"),
        net=w.money("Nettobelopp"),
        vat=w.money("Momsbelopp"),
        gross=w.money("Bruttobelopp"),
        sent_to_debt_collection=w.date("SkickadTillInkasso"),
        rental_object=w.obj("Hyresobjekt", rental_object),
        rows=w.objects("Rader", ledger_row),
    )


def payment(w: Wire) -> t.Payment:
    return t.Payment(
        channel=w.text("Betalväg"),
        amount=w.money("Belopp"),
        paid_on=w.date("Betalningsdag"),
        booked_on=w.date("Bokföringsdag"),
    )


def distribution(w: Wire) -> t.Distribution:
    return t.Distribution(kind=w.text("Typ"), address=w.text("Adress"), distributed_at=w.datetime("Distribuerad"))


def notice(w: Wire) -> t.Notice:
    kind = w.obj("Typ", lambda k: k)
    if kind is None:
        raise BackendInvalid(f"{w.where}: Typ is missing")
    to_pay = w.decimal("AttBetala")
    return t.Notice(
        notice_id=kind.required_integer("AviseringId"),
        number=w.required_text("Avinummer"),
        kind=kind.text("Referensnamn") or "",
        kind_label=kind.text("Beteckning"),
        ocr=w.text("Betalningsreferens"),
        recipient_account=w.text("MottagareNummer"),
        payment_channel=w.text("BetalningsförmedlareSystemnamn"),
        payment_channel_label=w.text("BetalningsförmedlareBeteckning"),
        due_date=w.date("Förfallodag"),
        net=w.money("Nettobelopp"),
        vat=w.money("Momsbelopp"),
        gross=w.money("Bruttobelopp"),
        paid=w.money("InbetaltBelopp"),
        remaining=w.money("Restbelopp"),
        to_pay=None if to_pay is None else to_pay.quantize(Decimal("0.01")),
        distributions=w.objects("DistribueradTill", distribution),
        periods=w.objects("Reskontror", ledger_period),
        payments=w.objects("Betalningar", payment),
    )


def economy(w: Wire) -> t.Economy:
    return t.Economy(
        rent_balance=w.money("Hyressaldo"),
        invoice_balance=w.money("Fakturasaldo"),
        notices=w.objects("Aviseringar", notice) if w.has("Aviseringar") else None,
    )


def node_step(w: Wire) -> t.NodeStep:
    # The seed's examples key the id 'Avser' where the type says 'Id' (contract A05).
    return t.NodeStep(
        node_id=w.required_text("Id", "Avser"),
        kind=w.text("Typ"),
        label=w.text("Visningstext") or "",
    )


def participant(w: Wire) -> t.Participant:
    return t.Participant(
        name=w.text("Visningsnamn"), phone=w.text("Telefon"), mobile=w.text("Mobil"), email=w.text("Epost")
    )


def _code_and_label(w: Wire, name: str) -> tuple[str | None, str | None]:
    part = w.obj(name, lambda p: (p.text("Referensnamn"), p.text("Beteckning")))
    return part or (None, None)


def row_history(w: Wire) -> t.RowEvent:
    return t.RowEvent(label=w.text("Beteckning") or "", at=w.datetime("Tidpunkt"), by=w.text("Användare"))


def row_time(w: Wire) -> t.RowEvent:
    # The seed spells the label "ÄrendeRadTidpunktTybBeteckning"; the sandbox sends it corrected (A20).
    label = w.text("ÄrendeRadTidpunktTypBeteckning", "ÄrendeRadTidpunktTybBeteckning", "ÄrendeRadTidpunktTypSystemName")
    return t.RowEvent(label=label or "", at=w.datetime("Värde"))


def errand_row(w: Wire) -> t.ErrandRow:
    status_code, status_label = _code_and_label(w, "Status")
    step_code, step_label = _code_and_label(w, "Processteg")
    action = w.obj("Åtgärd", lambda a: a)
    action_node = action.obj("ÅtgärdNod", lambda n: n) if action else None
    action_type = action.obj("ÅtgärdNodKlassTyp", lambda k: k.text("Beteckning")) if action else None
    classification = w.obj("Beskrivning", lambda b: b.text("ÄrendeKlassificeringBeteckning"))
    return t.ErrandRow(
        row_id=w.required_integer("Id"),
        subject=w.obj("Avser", node_step),
        status_code=status_code,
        status_label=status_label,
        step_code=step_code,
        step_label=step_label,
        main_entity=w.text("HuvudentitetNodKlassBeteckning", "Huvudentitet"),
        node_path=w.objects("Nodstig", node_step),
        handlers=w.objects("Handläggare", participant),
        media_ids=tuple(m for m in (media.integer("Id") for media in w.objects("Media", lambda m: m)) if m),
        history=w.objects("Historik", row_history),
        times=w.objects("Tidpunkter", row_time),
        classification=classification,
        action=action_type,
        ordered_at=action.datetime("Beställd") if action else None,
        planned_at=action_node.datetime("Planerad") if action_node else None,
        done_at=action.datetime("Utförd") if action else None,
    )


def errand(w: Wire) -> t.Errand:
    events = w.obj("Händelser", lambda e: e)
    step_code, step_label = _code_and_label(w, "Processteg")
    return t.Errand(
        errand_id=w.required_integer("Id"),
        number=w.required_text("Nummer"),
        kind=w.text("Typ"),
        kind_code=w.text("TypReferensNamn"),
        contacts=w.objects("Kontakter", participant),
        handlers=w.objects("Handläggare", participant),
        received_at=events.datetime("ÄrendeInkommen") if events else None,
        due_at=events.datetime("ÄrendeKlarSenast") if events else None,
        closed_at=events.datetime("ÄrendeAvslutat") if events else None,
        planned_start=events.datetime("ÄrendePlaneradStart") if events else None,
        planned_end=events.datetime("ÄrendePlaneradKlar") if events else None,
        step_code=step_code,
        step_label=step_label,
        rows=w.objects("Rader", errand_row),
    )


def available_object(w: Wire) -> t.AvailableObject:
    uses = read_list(w.get("Användning"), lambda u: u.text("Referensnamn") or "", f"{w.where}.Användning")
    node = w.obj("Entitet", node_step) or w.obj("Nod", node_step)  # 'Nod' in the seed's example (A14)
    return t.AvailableObject(
        kind=w.text("Typ"),
        kind_label=w.text("Typbeteckning"),
        object_type_label=w.text("ObjektTypBeteckning"),
        number=w.text("Nummer"),
        uses=uses,
        node=node,
        address=w.obj("Adress", address),
    )


def portal_session(data: Any, parts: t.SessionParts) -> t.PortalSession:
    """Parts not asked for are None; a part asked for but null means "none" (A25)."""
    w = Wire(data, "PortalSession")
    kund = w.obj("Kund", lambda k: k)
    economy_part = kund.obj("Ekonomi", economy) if kund and parts.economy else None
    if economy_part is not None and parts.notices and economy_part.notices is None:
        economy_part = replace(economy_part, notices=())
    return t.PortalSession(
        customer=kund.obj("Kundinformation", customer_info) if kund else None,
        contact_details=kund.objects("Kontaktuppgifter", contact_detail) if kund and parts.contact_details else None,
        economy=economy_part,
        temporary_addresses=(
            kund.objects("TillfälligaAdresser", temporary_address) if kund and parts.temporary_addresses else None
        ),
        documents=kund.objects("Dokument", document) if kund and parts.documents else None,
        errands=w.objects("Ärenden", errand) if parts.errands else None,
        objects=w.objects("TillgängligaObjekt", available_object) if parts.objects else None,
    )
