"""The sandbox's own tables, one module per part of the landlord's business."""

from apps.sandbox.models.access import SandboxBehaviour, SessionKey
from apps.sandbox.models.cashservices import (
    CashAdaptation,
    CashFeeModel,
    CashOrganisation,
    CashProvider,
    CashService,
    CashServiceForm,
    CashServiceType,
    CashTemplate,
)
from apps.sandbox.models.contact_changes import ContactValidation
from apps.sandbox.models.customers import (
    ContactDetail,
    Customer,
    CustomerMessage,
    Document,
    DocumentType,
    Lease,
    MarketProfile,
    TemporaryAddress,
)
from apps.sandbox.models.economy import (
    Distribution,
    LedgerPeriod,
    LedgerRow,
    LedgerRowSpecification,
    Notice,
    Payment,
)
from apps.sandbox.models.errands import (
    Errand,
    ErrandParticipant,
    ErrandRow,
    ErrandRowHistoryEntry,
    ErrandRowMedia,
    Hold,
    Priority,
    WorkOrderContact,
    WorkOrderStatus,
)
from apps.sandbox.models.errands_v2 import IncomingInvoice, IncomingReference
from apps.sandbox.models.estate import (
    Building,
    Company,
    FaultDescriptionType,
    KeyHandlingType,
    Maintenance,
    Node,
    NodeKind,
    Property,
    RentalObject,
)
from apps.sandbox.models.fast2_structure import UnitRecord
from apps.sandbox.models.fast2_times import TempFile, WorkOrderTime
from apps.sandbox.models.general import ErrandClass, ErrandClassNode
from apps.sandbox.models.kobo import KoboCase, KoboMessage, KoboUnit, KoboWebhook
from apps.sandbox.models.metering import Meter, MeterInstallation, MeterReading
from apps.sandbox.models.notifications import ErrandShareKey, MessageAttachment

__all__ = [
    "CashAdaptation",
    "CashFeeModel",
    "CashOrganisation",
    "CashProvider",
    "CashService",
    "CashServiceForm",
    "CashServiceType",
    "CashTemplate",
    "Building",
    "Company",
    "ContactDetail",
    "ContactValidation",
    "Customer",
    "CustomerMessage",
    "Distribution",
    "Document",
    "DocumentType",
    "Errand",
    "ErrandClass",
    "ErrandClassNode",
    "ErrandParticipant",
    "ErrandRow",
    "ErrandRowHistoryEntry",
    "ErrandRowMedia",
    "ErrandShareKey",
    "FaultDescriptionType",
    "IncomingInvoice",
    "IncomingReference",
    "Hold",
    "KeyHandlingType",
    "KoboCase",
    "KoboMessage",
    "KoboUnit",
    "KoboWebhook",
    "Lease",
    "LedgerPeriod",
    "LedgerRow",
    "LedgerRowSpecification",
    "Maintenance",
    "MarketProfile",
    "MessageAttachment",
    "Meter",
    "MeterInstallation",
    "MeterReading",
    "Node",
    "NodeKind",
    "Notice",
    "Payment",
    "Priority",
    "Property",
    "RentalObject",
    "SandboxBehaviour",
    "SessionKey",
    "TempFile",
    "TemporaryAddress",
    "UnitRecord",
    "WorkOrderContact",
    "WorkOrderStatus",
    "WorkOrderTime",
]
