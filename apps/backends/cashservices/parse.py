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
from apps.backends.wire import Wire, code, read_list


def many[T](body: Any, reader: Callable[[Wire], T], where: str) -> tuple[T, ...]:
    data = Wire(body, where).get("data")
    return read_list(data, lambda envelope: reader(_attributes(envelope)), where, strict=True)


def one[T](body: Any, reader: Callable[[Wire], T], where: str) -> T:
    return reader(_attributes(Wire(Wire(body, where).get("data"), f"{where}.data")))


def _attributes(envelope: Wire) -> Wire:
    """An item's attributes, with its id from ``data.id`` where it has one (contract A8)."""
    attributes = envelope.get("attributes") or {}
    if envelope.get("id") is not None and isinstance(attributes, dict):
        attributes = {**attributes, "id": envelope.get("id")}
    return Wire(attributes, envelope.where)


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
    return t.Service(
        id=w.required_integer("id"),
        provider_id=w.required_integer("providerId"),
        principal_id=w.required_integer("servicePrincipalId"),
        service_type_id=w.required_integer("serviceTypeId"),
        forms=w.texts("forms"),
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
        included_service_ids=w.integers("includedServiceIds"),
    )
