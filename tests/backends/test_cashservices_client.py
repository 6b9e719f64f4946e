"""The cash-services client against the sandbox over real HTTP: token, typed objects, codes, errors."""

from decimal import Decimal

import pytest
from django.core.cache import cache

from apps.backends.cashservices import ServiceForm, ServiceType, get_client
from apps.backends.cashservices.base import TOKEN_KEY
from apps.backends.errors import BackendNotFound, BackendRefused, BackendUnavailable

pytestmark = pytest.mark.integration


def test_it_reads_the_service_points_as_typed_objects(live_sandbox):
    providers = get_client().providers()

    city = next(p for p in providers if p.name == "Banken i Gästrikland, Gävle city")
    assert city.x == Decimal("617180.00") and city.y == Decimal("6728612.00")
    assert (city.visiting_address, city.postal_code, city.post_town) == ("Nygatan 21", "803 20", "GÄVLE")
    assert get_client().provider(city.id) == city


def test_service_types_and_forms_become_enums(live_sandbox):
    client = get_client()
    types = {t.kind: t.id for t in client.service_types()}
    forms = client.service_forms()

    assert set(types) == set(ServiceType)
    cash_counter = next(f for f in forms if f.kind is ServiceForm.BANK_COUNTER_WITH_CASH)
    assert cash_counter.service_type_id == types[ServiceType.BILL_PAYMENT]
    assert len(forms) == 22


def test_services_templates_adaptations_and_fee_models_are_read(live_sandbox):
    client = get_client()
    services = client.services()
    paying = [s for s in services if "Över disk hos ombud" in s.forms and s.procured_by_county]

    assert paying and paying[0].external_id
    assert any(not s.active for s in services)
    assert {t.terms.open_hours_per_week for t in client.templates()} >= {30, 84, 168}
    assert client.adaptations()[0].terms.closed_weeks_per_year is not None
    fees = client.fee_models()
    assert max(f.max_flat_fee for f in fees) == 50
    assert any(f.max_percentage_fee == Decimal("1.50") for f in fees)
    assert {o.name for o in client.principals()} <= {o.name for o in client.organisations()}


def test_the_token_is_cached_and_renewed_once_after_a_401(live_sandbox, backend_calls):
    client = get_client()
    client.service_types()
    client.service_types()
    assert [url.rsplit("/", 1)[-1] for _, url in backend_calls.calls].count("Token") == 1

    cache.set(TOKEN_KEY.format(username="mina-sidor"), "stale-token")
    backend_calls.reset()
    assert client.service_types()
    assert [method for method, _ in backend_calls.calls] == ["GET", "POST", "GET"]


def test_wrong_credentials_are_refused_with_the_oauth2_reason(live_sandbox, settings):
    settings.CASHSERVICES_PASSWORD = "wrong"

    with pytest.raises(BackendRefused) as refused:
        get_client().providers()

    assert refused.value.code == "invalid_grant"
    assert "wrong" not in str(refused.value)


def test_an_unknown_provider_is_not_found(live_sandbox):
    with pytest.raises(BackendNotFound):
        get_client().provider(999999)


def test_an_outage_is_unavailable(live_sandbox, sandbox_behaviour):
    sandbox_behaviour(outage=True)

    with pytest.raises(BackendUnavailable):
        get_client().services()


def test_a_register_that_is_down_is_unavailable(unreachable, settings):
    settings.CASHSERVICES_BASE_URL = unreachable

    with pytest.raises(BackendUnavailable):
        get_client().providers()
