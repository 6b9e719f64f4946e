"""From the register's answers to the rows of CashPoint: which places, what they cost, when they are open.

A place takes a bill in cash when an active, current-year Betalningsförmedling
service of it has the form "Bankkassa med kontanter" or "Över disk hos ombud";
it pays out cash when it has an active, current-year Kontantuttag service.
Opening hours: the adaptation for the service and form, field by field over the
principal's template (contract A21). Fees: the range over every bank's fee model
for the principal, type and form that covers the service (A18), else the
template's or adaptation's own fee fields; none given is "uppgift saknas".
"""

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from apps.backends.cashservices import (
    CASH_BILL_PAYMENT_FORMS,
    Adaptation,
    FeeModel,
    Provider,
    Service,
    ServiceType,
    Template,
    Terms,
)
from apps.cashpoints.models import CashPoint

PURPOSES = {
    ServiceType.BILL_PAYMENT: CashPoint.Purpose.BILL_PAYMENT,
    ServiceType.CASH_WITHDRAWAL: CashPoint.Purpose.WITHDRAWAL,
}


@dataclass(frozen=True)
class Register:
    """Everything read from the register in one sync."""

    type_ids: dict[ServiceType, int]
    form_ids: dict[tuple[int, str], int]  # (service type id, form name) → form id
    providers: tuple[Provider, ...]
    services: tuple[Service, ...]
    templates: tuple[Template, ...]
    adaptations: tuple[Adaptation, ...]
    fee_models: tuple[FeeModel, ...]


def cash_points(register: Register, today: date) -> list[CashPoint]:
    """The rows the copy should hold now, unsaved, one per place and purpose."""
    providers = {p.id: p for p in register.providers}
    templates = {(t.principal_id, t.service_type_id, t.service_form_id): t.terms for t in register.templates}
    adaptations = {(a.service_id, a.service_form_id): a.terms for a in register.adaptations}
    found: dict[tuple[int, str], CashPoint] = {}
    for service in register.services:
        purpose = _purpose(register, service, today)
        provider = providers.get(service.provider_id)
        if purpose is None or provider is None or (provider.id, purpose) in found:
            continue
        forms = _forms(service, purpose)
        form_ids = [register.form_ids.get((service.service_type_id, form)) for form in forms]
        form_ids = [form_id for form_id in form_ids if form_id is not None]
        terms = _terms(service, form_ids, templates, adaptations)
        low, high, percent = _fees(service, form_ids, register.fee_models, terms)
        found[provider.id, purpose] = CashPoint(
            provider_id=provider.id,
            purpose=purpose,
            name=provider.name,
            visiting_address=provider.visiting_address,
            postal_code=provider.postal_code,
            post_town=provider.post_town,
            x=float(provider.x),
            y=float(provider.y),
            forms=", ".join(forms),
            open_hours_per_week=terms.open_hours_per_week if terms else None,
            closed_weeks_per_year=terms.closed_weeks_per_year if terms else None,
            min_fee=low,
            max_fee=high,
            max_fee_percent=percent,
            access_restricted=bool(service.tickets_required or (terms and terms.access_barrier)),
        )
    return list(found.values())


def _purpose(register: Register, service: Service, today: date) -> str | None:
    if not service.active or service.year not in (0, today.year):
        return None
    for kind, purpose in PURPOSES.items():
        if register.type_ids.get(kind) == service.service_type_id and _forms(service, purpose):
            return purpose
    return None


def _forms(service: Service, purpose: str) -> list[str]:
    if purpose == CashPoint.Purpose.WITHDRAWAL:
        return list(service.forms)
    return [form for form in service.forms if form in CASH_BILL_PAYMENT_FORMS]


def _terms(service: Service, form_ids: list[int], templates: dict, adaptations: dict) -> Terms | None:
    for form_id in form_ids:
        template = templates.get((service.principal_id, service.service_type_id, form_id))
        adaptation = adaptations.get((service.id, form_id))
        if template or adaptation:
            return _overlay(adaptation, template)
    return None


def _overlay(first: Terms | None, then: Terms | None) -> Terms:
    """Each field from ``first`` when it gives one, else from ``then``."""
    values = {}
    for field in fields(Terms):
        value = getattr(first, field.name) if first else None
        values[field.name] = value if value is not None else (getattr(then, field.name) if then else None)
    return Terms(**values)


def _fees(
    service: Service, form_ids: list[int], models: tuple[FeeModel, ...], terms: Terms | None
) -> tuple[int | None, int | None, Decimal | None]:
    covering = [
        m
        for m in models
        if m.principal_id == service.principal_id
        and m.service_type_id == service.service_type_id
        and m.service_form_id in form_ids
        and (not m.included_service_ids or service.id in m.included_service_ids)
    ]
    if covering:
        percent = max(m.max_percentage_fee for m in covering)
        return min(m.min_flat_fee for m in covering), max(m.max_flat_fee for m in covering), percent or None
    if terms and terms.max_flat_fee is not None:
        return terms.min_flat_fee or 0, terms.max_flat_fee, terms.max_percentage_fee or None
    return None, None, None
