"""Tillväxtverket's cash-services client (seed 003): one read per endpoint (the token: base.py).

The portal only reads the register (contract A27); collections are read whole,
as the API has no documented filter or paging (A31).
"""

from django.conf import settings

from apps.backends.cashservices import parse
from apps.backends.cashservices import types as t
from apps.backends.cashservices.base import TOKEN_KEY, CashServicesBase

__all__ = ["TOKEN_KEY", "CashServicesClient", "get_client"]


class CashServicesClient(CashServicesBase):
    def providers(self) -> tuple[t.Provider, ...]:
        return parse.many(self._get("/providers", "providers"), parse.provider, "providers")

    def provider(self, provider_id: int) -> t.Provider:
        return parse.one(self._get(f"/providers/{int(provider_id)}", "providers/{id}"), parse.provider, "provider")

    def services(self) -> tuple[t.Service, ...]:
        return parse.many(self._get("/services", "services"), parse.service, "services")

    def service(self, service_id: int) -> t.Service:
        return parse.one(self._get(f"/services/{int(service_id)}", "services/{id}"), parse.service, "service")

    def templates(self) -> tuple[t.Template, ...]:
        return parse.many(self._get("/templates", "templates"), parse.template, "templates")

    def adaptations(self) -> tuple[t.Adaptation, ...]:
        return parse.many(self._get("/adaptations", "adaptations"), parse.adaptation, "adaptations")

    def fee_models(self) -> tuple[t.FeeModel, ...]:
        return parse.many(self._get("/feeModels", "feeModels"), parse.fee_model, "feeModels")

    def service_types(self) -> tuple[t.ServiceTypeRef, ...]:
        return parse.many(self._get("/serviceTypes", "serviceTypes"), parse.service_type, "serviceTypes")

    def service_forms(self) -> tuple[t.ServiceFormRef, ...]:
        return parse.many(self._get("/serviceForms", "serviceForms"), parse.service_form, "serviceForms")

    def organisations(self) -> tuple[t.Organisation, ...]:
        return parse.many(self._get("/organisations", "organisations"), parse.organisation, "organisations")

    def principals(self) -> tuple[t.Organisation, ...]:
        return parse.many(self._get("/principals", "principals"), parse.organisation, "principals")


def get_client() -> CashServicesClient:
    return CashServicesClient(
        base_url=settings.CASHSERVICES_BASE_URL,
        username=settings.CASHSERVICES_USERNAME,
        password=settings.CASHSERVICES_PASSWORD,
        timeout=(settings.CASHSERVICES_CONNECT_TIMEOUT, settings.CASHSERVICES_READ_TIMEOUT),
        token_seconds=settings.CASHSERVICES_TOKEN_CACHE_SECONDS,
    )
