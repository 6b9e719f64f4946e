"""The register's service types and forms as enums, so no code outside apps.backends compares their Swedish names.

Each member's value is the name as seed 003 spells it. The register refers to
types and forms by numeric ids it does not document (contract A4): the client
learns the ids from /api/serviceTypes and /api/serviceForms and maps them here.
A form's name is unique only within its type ("Bankkassa", "Över disk hos ombud").
"""

from enum import StrEnum


class ServiceType(StrEnum):
    CASH_WITHDRAWAL = "Kontantuttag"
    BILL_PAYMENT = "Betalningsförmedling"
    DAILY_TAKINGS_DEPOSIT = "Dagskasseinsättning"
    POSTAL = "Posttjänster"
    FUEL = "Drivmedel"
    PHARMACY = "Apoteksvaror"
    GROCERIES_FULL_RANGE = "Dagligvaror fullsortiment"
    GROCERIES_LIMITED_RANGE = "Dagligvaror ej fullsortiment"


class ServiceForm(StrEnum):
    BANK_COUNTER = "Bankkassa"
    CASH_MACHINE = "Uttagsautomat"
    OVER_THE_COUNTER = "Över disk hos ombud"
    BANK_COUNTER_WITH_CASH = "Bankkassa med kontanter"
    BANK_COUNTER_WITH_ACCOUNT_OR_CARD = "Bankkassa mot bankkonto/kort"
    DEPOSIT_MACHINE = "Insättningsautomat"
    SERVICE_BOX = "Servicebox"
    BUSINESS_CENTRE = "Företagscenter"
    PARCEL_MACHINE = "Paketautomat"
    PARCEL_AGENT = "Paketombud"
    COLLECTION_POINT = "Utlämning"
    PETROL = "Bensin"
    DIESEL = "Diesel"
    E85 = "E85"
    NOT_KNOWN = "Uppgift saknas"
    PHARMACY = "Apotek"
    PHARMACY_AGENT = "Apoteksombud"
    GROCERIES = "Dagligvaror"


# Where a bill can be paid with cash: at a bank's cash counter, or over the counter at an agent.
# "Bankkassa mot bankkonto/kort" pays bills too, but not with cash.
CASH_BILL_PAYMENT_FORMS = frozenset({ServiceForm.BANK_COUNTER_WITH_CASH, ServiceForm.OVER_THE_COUNTER})
