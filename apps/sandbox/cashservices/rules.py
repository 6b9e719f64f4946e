"""The seed's rules beyond one attribute's type and range, per resource.

Each rule gets the attribute values read for the model (by model field name,
of the right types, references already known to exist: fields.py has checked
them) and the caller, and answers the problems
as the seed's clients print them: one sentence each. A past year's service
without extended permission is Forbidden (403, contract A23).
"""

from datetime import date
from typing import Any, Protocol

from django.utils import timezone

from apps.sandbox.cashservices.reference import PAYMENT_SERVICES, property_keys
from apps.sandbox.models import CashOrganisation, CashService, CashServiceForm, CashServiceType


class Caller(Protocol):
    extended_permission: bool


class Forbidden(Exception):
    """403: the caller lacks the permission the change needs."""


def service(values: dict[str, Any], caller: Caller) -> list[str]:
    problems: list[str] = []
    service_type = CashServiceType.objects.get(pk=values["service_type_id"])
    _principal(values["principal_id"], "servicePrincipalId", problems)
    problems += _forms(values["forms"], service_type)
    problems += _properties(values["properties"], service_type)
    today = timezone.localdate()
    year = values["year"] or 0
    if year > today.year:
        problems.append("year får inte ligga i framtiden.")
    elif is_past_year(year) and not caller.extended_permission:
        raise Forbidden("Historiska data kräver utökad behörighet.")
    values["year"] = year
    problems += _timeliness(values["timeliness_date"], year or today.year, today)
    return problems


def is_past_year(year: int) -> bool:
    return year not in (0, timezone.localdate().year)


def template(values: dict[str, Any], caller: Caller) -> list[str]:
    problems: list[str] = []
    _principal(values["principal_id"], "principalOrganisationId", problems)
    _form_of_type(values["service_form_id"], values["service_type_id"], problems)
    return problems + _access_barrier(values)


def adaptation(values: dict[str, Any], caller: Caller) -> list[str]:
    problems = _access_barrier(values)
    owner = CashService.objects.get(pk=values["service_id"])
    _form_of_type(values["service_form_id"], owner.service_type_id, problems)
    return problems


def fee_model(values: dict[str, Any], caller: Caller) -> list[str]:
    problems: list[str] = []
    if not CashOrganisation.objects.filter(pk=values["supplier_id"], is_supplier=True).exists():
        problems.append(
            "supplierOrganisationId är inget kreditinstitut med skyldighet att tillhandahålla kontanttjänster."
        )
    _principal(values["principal_id"], "principalOrganisationId", problems)
    service_type = CashServiceType.objects.get(pk=values["service_type_id"])
    if service_type.name not in PAYMENT_SERVICES:
        problems.append("serviceTypeId ska vara en betaltjänst: " + ", ".join(PAYMENT_SERVICES) + ".")
    _form_of_type(values["service_form_id"], service_type.pk, problems)
    ids = values["included_service_ids"]
    if len(set(ids)) != CashService.objects.filter(pk__in=ids, principal_id=values["principal_id"]).count():
        problems.append("includedServiceIds ska vara id:n till service hos huvudmannen.")
    return problems


def _principal(organisation_id: int, wire: str, problems: list[str]) -> None:
    if not CashOrganisation.objects.filter(pk=organisation_id, is_principal=True).exists():
        problems.append(f"{wire} är ingen huvudman.")


def _form_of_type(form_id: int, service_type_id: int, problems: list[str]) -> None:
    if not CashServiceForm.objects.filter(pk=form_id, service_type_id=service_type_id).exists():
        problems.append("serviceFormId hör inte till servicetypen.")


def _forms(forms: list[str], service_type: CashServiceType) -> list[str]:
    valid = set(service_type.forms.values_list("name", flat=True))
    wrong = [f for f in forms if f not in valid]
    if wrong:
        return [f"forms: {', '.join(wrong)} är ingen serviceform för {service_type.name}."]
    if len(set(forms)) != len(forms):
        return ["forms: samma serviceform står flera gånger."]
    return []


def _properties(properties: dict[str, Any], service_type: CashServiceType) -> list[str]:
    allowed = property_keys(service_type.name)
    problems = []
    for key, value in properties.items():
        expected = allowed.get(key)
        if expected is None:
            problems.append(f"properties.{key} gäller inte {service_type.name}.")
        elif isinstance(value, bool) != (expected is bool) or not isinstance(value, expected):
            problems.append(f"properties.{key} har fel typ.")
    return problems


def _timeliness(day: date | None, year: int, today: date) -> list[str]:
    if day is None:
        return []
    last = today if year == today.year else date(year, 12, 31)
    if not date(year, 1, 1) <= day <= last:
        return [f"timelinessDate ska ligga mellan {year}-01-01 och {last.isoformat()}."]
    return []


def _access_barrier(values: dict[str, Any]) -> list[str]:
    if values["access_barrier"] and not values["access_barrier_description"]:
        return ["accessBarrierDescription ska anges när accessBarrier är sant."]
    return []
