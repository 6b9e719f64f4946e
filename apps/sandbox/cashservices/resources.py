"""Every resource of the facade: its collection path, JSON type, table, attributes and rules.

Paths, verbs and type names beyond the provider's are the contract's reading
(A1, A7, A20): plural lowerCamel collections under /api/, read-only reference
data (service types, service forms, organisations, principals).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from apps.sandbox.cashservices import rules
from apps.sandbox.cashservices.fields import BOOL, DATE, DECIMAL, IDS, INT, OBJECT, REF, TEXT, TEXTS, Field
from apps.sandbox.models import (
    CashAdaptation,
    CashFeeModel,
    CashOrganisation,
    CashProvider,
    CashService,
    CashServiceForm,
    CashServiceType,
    CashTemplate,
)

Rule = Callable[[dict, "rules.Caller"], list[str]]


@dataclass(frozen=True)
class Resource:
    path: str
    type: str
    model: type[models.Model]
    fields: tuple[Field, ...]
    writable: bool = False
    rule: Rule | None = None
    only: dict | None = None  # a filter of the table, for principals

    def objects(self) -> models.QuerySet:
        return self.model.objects.filter(**(self.only or {})).order_by("pk")

    def to_wire(self, obj: models.Model) -> dict:
        # The id is in data.id and in attributes.id (contract A8).
        attributes = {"id": obj.pk} | {field.wire: field.to_wire(obj) for field in self.fields}
        return {"type": self.type, "id": obj.pk, "attributes": attributes}


def _ref(wire: str, attr: str, model: type[models.Model]) -> Field:
    return Field(wire, attr, REF, required=True, model=model)


def _amount(wire: str, attr: str, required: bool = False) -> Field:
    return Field(wire, attr, INT, required=required, low=0)


def _percent(wire: str, attr: str, required: bool = False) -> Field:
    return Field(wire, attr, DECIMAL, required=required, low=0, high=100)


def _fees(required: bool) -> tuple[Field, ...]:
    """The fee range: a template's or adaptation's may be left out, a fee model's must be given."""
    return (
        _amount("minFlatFee", "min_flat_fee", required),
        _percent("minPercentageFee", "min_percentage_fee", required),
        _amount("maxFlatFee", "max_flat_fee", required),
        _percent("maxPercentageFee", "max_percentage_fee", required),
    )


# The kind of service a template or fee model is for: the form must be one of the type's (rules.py).
KIND = (
    _ref("serviceTypeId", "service_type_id", CashServiceType),
    _ref("serviceFormId", "service_form_id", CashServiceForm),
)
LIMITS = (
    _amount("withdrawalLimit", "withdrawal_limit"),
    _amount("depositLimit", "deposit_limit"),
    _amount("weeklyDepositLimit", "weekly_deposit_limit"),
    Field("withdrawalLimitDescription", "withdrawal_limit_description", TEXT),
)
TERMS = (
    Field("openHoursPerWeek", "open_hours_per_week", INT, low=0, high=168),
    Field("closedWeeksPerYear", "closed_weeks_per_year", INT, low=0, high=53),
    Field("advancedOpenHourDescription", "advanced_open_hour_description", TEXT),
    *_fees(required=False),
    Field("advancedFeeDescription", "advanced_fee_description", TEXT),
    *LIMITS,
    Field("accessBarrier", "access_barrier", BOOL),
    Field("accessBarrierDescription", "access_barrier_description", TEXT),
)

PROVIDERS = Resource(
    "providers",
    "provider",
    CashProvider,
    (
        Field("name", "name", TEXT, required=True),
        Field("code", "code", TEXT),
        Field("x", "x", DECIMAL, required=True),
        Field("y", "y", DECIMAL, required=True),
        Field("visitingAddress", "visiting_address", TEXT, required=True),
        Field("postalCode", "postal_code", TEXT, required=True),
        Field("postTown", "post_town", TEXT, required=True),
    ),
    writable=True,
)
SERVICES = Resource(
    "services",
    "service",
    CashService,
    (
        _ref("providerId", "provider_id", CashProvider),
        _ref("servicePrincipalId", "principal_id", CashOrganisation),
        _ref("serviceTypeId", "service_type_id", CashServiceType),
        Field("properties", "properties", OBJECT),
        Field("forms", "forms", TEXTS, required=True),
        Field("active", "active", BOOL, required=True),
        Field("year", "year", INT, low=0),
        Field("timelinessDate", "timeliness_date", DATE),
    ),
    writable=True,
    rule=rules.service,
)
TEMPLATES = Resource(
    "templates",
    "template",
    CashTemplate,
    (
        _ref("principalOrganisationId", "principal_id", CashOrganisation),
        *KIND,
        *TERMS,
    ),
    writable=True,
    rule=rules.template,
)
ADAPTATIONS = Resource(
    "adaptations",
    "adaptation",
    CashAdaptation,
    (_ref("serviceId", "service_id", CashService), _ref("serviceFormId", "service_form_id", CashServiceForm), *TERMS),
    writable=True,
    rule=rules.adaptation,
)
FEE_MODELS = Resource(
    "feeModels",
    "feeModel",
    CashFeeModel,
    (
        _ref("supplierOrganisationId", "supplier_id", CashOrganisation),
        _ref("principalOrganisationId", "principal_id", CashOrganisation),
        *KIND,
        *_fees(required=True),
        Field("advancedWithdrawalFeeDescription", "advanced_withdrawal_fee_description", TEXT),
        *LIMITS,
        Field("includedServiceIds", "included_service_ids", IDS),
    ),
    writable=True,
    rule=rules.fee_model,
)
SERVICE_TYPES = Resource("serviceTypes", "serviceType", CashServiceType, (Field("name", "name", TEXT, required=True),))
SERVICE_FORMS = Resource(
    "serviceForms",
    "serviceForm",
    CashServiceForm,
    (
        Field("serviceTypeId", "service_type_id", REF, model=CashServiceType),
        Field("name", "name", TEXT, required=True),
        Field("description", "description", TEXT),
    ),
)
NAME = (Field("name", "name", TEXT, required=True),)
ORGANISATIONS = Resource("organisations", "organisation", CashOrganisation, NAME)
# A huvudman is an organisation (A19): the same ids, only those that run cash services.
PRINCIPALS = Resource("principals", "organisation", CashOrganisation, NAME, only={"is_principal": True})

RESOURCES = {
    r.path.casefold(): r
    for r in (
        PROVIDERS,
        SERVICES,
        TEMPLATES,
        ADAPTATIONS,
        FEE_MODELS,
        SERVICE_TYPES,
        SERVICE_FORMS,
        ORGANISATIONS,
        PRINCIPALS,
    )
}
