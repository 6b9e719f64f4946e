"""Tillväxtverket's cash-services client (seed 003): service points, their services, opening hours and fees."""

from apps.backends.cashservices.client import CashServicesClient, get_client
from apps.backends.cashservices.codes import CASH_BILL_PAYMENT_FORMS, ServiceForm, ServiceType
from apps.backends.cashservices.types import (
    Adaptation,
    FeeModel,
    Organisation,
    Provider,
    Service,
    ServiceFormRef,
    ServiceTypeRef,
    Template,
    Terms,
)

__all__ = [
    "CASH_BILL_PAYMENT_FORMS",
    "Adaptation",
    "CashServicesClient",
    "FeeModel",
    "Organisation",
    "Provider",
    "Service",
    "ServiceForm",
    "ServiceFormRef",
    "ServiceType",
    "ServiceTypeRef",
    "Template",
    "Terms",
    "get_client",
]
