"""Cash-services wire JSON → the types of types.py. The register's names end here.

Every answer is an envelope ``{"data": …}``; an item's id is read from
``data.id``, else ``attributes.id`` (contract A8). Ids and coordinates must
parse, or BackendInvalid is raised: a wrong place would send a tenant astray.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from apps.backends.cashservices import types as t
from apps.backends.cashservices.codes import ServiceForm, ServiceType
from apps.backends.errors import BackendInvalid
from apps.backends.wire import Wire, code


def many[T](body: Any, reader: Callable[[Wire], T], where: str) -> tuple[T, ...]:
    data = Wire(body, where).get("data")
    if data is None:
        return ()
    if not isinstance(data, list):
        raise BackendInvalid(f"{where}: data is not a list")
    return tuple(reader(_attributes(item, f"{where}[{i}]")) for i, item in enumerate(data))


def one[T](body: Any, reader: Callable[[Wire], T], where: str) -> T:
    return reader(_attributes(Wire(body, where).get("data"), f"{where}.data"))


def _attributes(item: Any, where: str) -> Wire:
    envelope = Wire(item, where)
    attributes = dict(envelope.get("attributes") or {})
    if envelope.get("id") is not None:
        attributes["id"] = envelope.get("id")
    return Wire(attributes, where)


def service_type(w: Wire) -> t.ServiceTypeRef:
    name = w.required_text("name").strip()
    return t.ServiceTypeRef(id=w.required_integer("id"), name=name, kind=code(ServiceType, name))


def service_form(w: Wire) -> t.ServiceFormRef:
    name = w.required_text("name").strip()
    return t.ServiceFormRef(
        id=w.required_integer("id"),
        service_type_id=w.integer("serviceTypeId"),
        name=name,
        kind=code(ServiceForm, name),
        description=w.text("description"),
    )


def organisation(w: Wire) -> t.Organisation:
    return t.Organisation(id=w.required_integer("id"), name=w.required_text("name").strip())


def provider(w: Wire) -> t.Provider:
    x, y = w.decimal("x"), w.decimal("y")
    if x is None or y is None:
        raise BackendInvalid(f"{w.where}: x or y is missing")
    return t.Provider(
        id=w.required_integer("id"),
        name=w.required_text("name").strip(),
        code=w.text("code"),
        x=x,
        y=y,
        visiting_address=(w.text("visitingAddress") or "").strip(),
        postal_code=(w.text("postalCode") or "").strip(),
        post_town=(w.text("postTown") or "").strip(),
    )


def service(w: Wire) -> t.Service:
    properties = w.group("properties")
    forms = w.get("forms") or []
    return t.Service(
        id=w.required_integer("id"),
        provider_id=w.required_integer("providerId"),
        principal_id=w.required_integer("servicePrincipalId"),
        service_type_id=w.required_integer("serviceTypeId"),
        forms=tuple(str(form).strip() for form in (forms if isinstance(forms, list) else [forms])),
        active=w.boolean("active"),
        year=w.integer("year") or 0,
        updated_on=w.date("timelinessDate"),
        external_id=properties.text("externalId"),
        procured_by_county=properties.get("lst"),
        tickets_required=properties.get("ticketsRequired"),
    )


def terms(w: Wire) -> t.Terms:
    return t.Terms(
        open_hours_per_week=w.integer("openHoursPerWeek"),
        closed_weeks_per_year=w.integer("closedWeeksPerYear"),
        opening_hours_note=w.text("advancedOpenHourDescription"),
        min_flat_fee=w.integer("minFlatFee"),
        max_flat_fee=w.integer("maxFlatFee"),
        min_percentage_fee=w.decimal("minPercentageFee"),
        max_percentage_fee=w.decimal("maxPercentageFee"),
        fee_note=w.text("advancedFeeDescription"),
        access_barrier=w.get("accessBarrier"),
        access_barrier_note=w.text("accessBarrierDescription"),
    )


def template(w: Wire) -> t.Template:
    return t.Template(
        id=w.required_integer("id"),
        principal_id=w.required_integer("principalOrganisationId"),
        service_type_id=w.required_integer("serviceTypeId"),
        service_form_id=w.required_integer("serviceFormId"),
        terms=terms(w),
    )


def adaptation(w: Wire) -> t.Adaptation:
    return t.Adaptation(
        id=w.required_integer("id"),
        service_id=w.required_integer("serviceId"),
        service_form_id=w.required_integer("serviceFormId"),
        terms=terms(w),
    )


def fee_model(w: Wire) -> t.FeeModel:
    ids = w.get("includedServiceIds") or []
    return t.FeeModel(
        id=w.required_integer("id"),
        supplier_id=w.required_integer("supplierOrganisationId"),
        principal_id=w.required_integer("principalOrganisationId"),
        service_type_id=w.required_integer("serviceTypeId"),
        service_form_id=w.required_integer("serviceFormId"),
        min_flat_fee=w.integer("minFlatFee") or 0,
        max_flat_fee=w.integer("maxFlatFee") or 0,
        min_percentage_fee=w.decimal("minPercentageFee") or Decimal(0),
        max_percentage_fee=w.decimal("maxPercentageFee") or Decimal(0),
        note=w.text("advancedWithdrawalFeeDescription"),
        included_service_ids=tuple(_ids(ids, w.where)),
    )


def _ids(values: Any, where: str) -> list[int]:
    try:
        return [int(value) for value in (values if isinstance(values, list) else [values])]
    except (TypeError, ValueError):
        raise BackendInvalid(f"{where}: includedServiceIds are not ids") from None
