"""PM5 wire JSON → the typed objects of types.py. Swedish names end here.

Reading is forgiving where the contract says a real backend may differ
(keys matched case-insensitively and trimmed, A05/A14/A20; lists may be null or a
single object, A15/A25) and strict where a wrong value would mislead a tenant
(amounts and ids must parse, or BackendInvalid is raised).
"""

from dataclasses import replace
from decimal import Decimal
from typing import Any

from apps.backends.errors import BackendInvalid
from apps.backends.pm5 import home_parse, messages_parse
from apps.backends.pm5 import types as t
from apps.backends.pm5.codes import ContactKind, DistributionChannel, NoticeKind, PaymentChannel
from apps.backends.wire import Wire, code, read_list

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


def contact_details(w: Wire) -> tuple[t.ContactDetail, ...]:
    """Kontaktuppgifter of the kinds the portal knows; others (a fax number) are left out."""
    return tuple(detail for detail in w.objects("Kontaktuppgifter", contact_detail) if detail.kind is not None)


def contact_detail(w: Wire) -> t.ContactDetail:
    kind = w.obj("KontaktuppgiftsTyp", lambda k: (code(ContactKind, k.text("Referensnamn")), k.text("Beteckning")))
    return t.ContactDetail(
        kind=kind[0] if kind else None,
        label=kind[1] if kind else None,
        value=w.text("Värde") or "",
        verified=w.boolean("Validerad"),
    )


def temporary_address(w: Wire) -> t.TemporaryAddress:
    return t.TemporaryAddress(
        address_id=w.required_integer("AdressId"),
        valid_from=w.date("Fom"),
        valid_to=w.date("Tom"),
        **postal_lines(w),
    )


def postal_lines(w: Wire) -> dict[str, str | None]:
    """The envelope lines every kind of PM5 address has (t.PostalAddress)."""
    return {
        "name": w.text("Namn"),
        "care_of": w.text("CareOf"),
        "attention": w.text("Attention"),
        "street": w.text("Gatuadress1"),
        "street2": w.text("Gatuadress2"),
        "postal_code": w.text("Postnummer"),
        "city": w.text("Postort"),
        "country": w.text("Land"),
        "country_code": w.text("LandReferensnamn"),
    }


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
    return t.Distribution(
        channel=code(DistributionChannel, w.text("Typ")),
        channel_text=w.text("Typ"),
        address=w.text("Adress"),
        distributed_at=w.datetime("Distribuerad"),
    )


def notice(w: Wire) -> t.Notice:
    kind = w.obj("Typ", lambda k: k)
    if kind is None:
        raise BackendInvalid(f"{w.where}: Typ is missing")
    to_pay = w.decimal("AttBetala")
    return t.Notice(
        notice_id=kind.required_integer("AviseringId"),
        number=w.required_text("Avinummer"),
        kind=code(NoticeKind, kind.text("Referensnamn")),
        kind_label=kind.text("Beteckning"),
        ocr=w.text("Betalningsreferens"),
        recipient_account=w.text("MottagareNummer"),
        payment_channel=code(PaymentChannel, w.text("BetalningsförmedlareSystemnamn")),
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
        accepted_on=action_node.date("Accepterad") if action_node else None,
        tenant_share=w.obj("PrisModell", lambda p: p.decimal("RestVärde")),
        discount=w.obj("PrisModell", lambda p: p.decimal("Rabatt")),
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
        offer_answer_by=w.obj("UnderhållsErbjudande", lambda o: o.date("ErbjudandeEkonomiSerieSvarSenast")),
    )


def available_object(w: Wire, parts: t.SessionParts | None = None) -> t.AvailableObject:
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
        maintenance=w.objects("Underhåll", home_parse.maintenance) if parts and parts.maintenance else None,
        meter_installations=(
            w.objects("MätdataAnläggningar", home_parse.meter_installation) if parts and parts.meter_data else None
        ),
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
        contact_details=contact_details(kund) if kund and parts.contact_details else None,
        economy=economy_part,
        temporary_addresses=(
            kund.objects("TillfälligaAdresser", temporary_address) if kund and parts.temporary_addresses else None
        ),
        documents=kund.objects("Dokument", document) if kund and parts.documents else None,
        errands=w.objects("Ärenden", errand) if parts.errands else None,
        objects=w.objects("TillgängligaObjekt", lambda o: available_object(o, parts)) if parts.objects else None,
        messages=(messages_parse.messages(kund) if kund else ()) if parts.messages else None,
    )
