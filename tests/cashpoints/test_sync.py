"""The daily copy of the register, against the sandbox over HTTP: what is copied, changes, deletions, API down."""

import contextlib
from datetime import timedelta
from decimal import Decimal

import pytest
from celery.exceptions import Retry
from django.core.management import CommandError, call_command
from django.utils import timezone

from apps.cashpoints import services, tasks
from apps.cashpoints.models import CashPoint, RegisterCopy
from portal import background
from portal.background import registered

pytestmark = pytest.mark.integration

BILLS, WITHDRAWAL = CashPoint.Purpose.BILL_PAYMENT, CashPoint.Purpose.WITHDRAWAL
TAKES_BILLS_IN_CASH = {
    "Banken i Gästrikland, Gävle city",
    "Brynäs Livs",
    "Matkassen Söder",
    "Strömsbro Handel",
    "Sätra Servicebutik",
    "Andersberg Närköp",
    "Banken i Gästrikland, Valbo",
    "Banken i Gästrikland, Sandviken",
}


def names(purpose: str) -> set[str]:
    return set(CashPoint.objects.filter(purpose=purpose).values_list("name", flat=True))


def test_it_copies_the_places_that_take_bills_in_cash_and_separately_those_that_pay_out(live_sandbox):
    result = services.sync_register()

    assert result.ok and result.added == len(CashPoint.objects.all())
    # Not the inactive summer kiosk, the card-only bank counter, cash machines or the parcel agent.
    assert names(BILLS) == TAKES_BILLS_IN_CASH
    assert {"Uttagsautomat Stortorget", "Apoteksombudet Brynäs", "Nordkust Sparbank, Söder"} <= names(WITHDRAWAL)
    assert "Sätra Servicebutik" not in names(WITHDRAWAL)
    assert RegisterCopy.current().last_success_at is not None


def test_opening_hours_come_from_the_adaptation_over_the_template_and_fees_from_the_fee_models(live_sandbox):
    services.sync_register()
    bills = {p.name: p for p in CashPoint.objects.filter(purpose=BILLS)}

    bank = bills["Banken i Gästrikland, Gävle city"]
    assert (bank.open_hours_per_week, bank.closed_weeks_per_year, bank.min_fee, bank.max_fee) == (30, 4, 0, 50)
    assert (bills["Strömsbro Handel"].open_hours_per_week, bills["Strömsbro Handel"].closed_weeks_per_year) == (60, 2)
    # Two banks' fee models for the same agents: the range covers both.
    assert (bills["Brynäs Livs"].min_fee, bills["Brynäs Livs"].max_fee) == (0, 45)
    assert bills["Sätra Servicebutik"].open_hours_per_week is None and bills["Sätra Servicebutik"].max_fee is None
    assert CashPoint.objects.get(purpose=WITHDRAWAL, name="Brynäs Livs").max_fee_percent == Decimal("1.50")


def test_a_second_sync_takes_changes_and_deletions(live_sandbox):
    from apps.sandbox.models import CashProvider

    services.sync_register()
    CashProvider.objects.filter(name="Matkassen Söder").update(name="Matkassen Söder (ny ägare)")
    CashProvider.objects.filter(name="Andersberg Närköp").delete()

    result = services.sync_register()

    assert (result.added, result.changed, result.removed) == (0, 1, 1)
    assert "Matkassen Söder (ny ägare)" in names(BILLS) and "Andersberg Närköp" not in names(BILLS)


def test_the_last_copy_is_kept_when_the_register_is_down(live_sandbox, sandbox_behaviour):
    services.sync_register()
    before = set(CashPoint.objects.values_list("pk", "synced_at"))
    sandbox_behaviour(outage=True)

    result = services.sync_register()

    assert not result.ok
    assert set(CashPoint.objects.values_list("pk", "synced_at")) == before
    copy = RegisterCopy.current()
    assert copy.last_error.startswith("BackendUnavailable") and copy.last_attempt_at > copy.last_success_at
    with pytest.raises(CommandError):
        call_command("sync_cash_points")


def test_an_empty_register_does_not_wipe_the_copy(live_sandbox):
    from apps.sandbox.models import CashProvider

    services.sync_register()
    count = CashPoint.objects.count()
    CashProvider.objects.all().delete()

    assert not services.sync_register().ok
    assert CashPoint.objects.count() == count


def test_the_beat_task_and_the_command_run_the_same_sync(live_sandbox, capsys, copy_finished):
    tasks.sync_register_when_due.delay()  # no copy yet: due

    assert copy_finished().last_error == ""
    assert names(BILLS) == TAKES_BILLS_IN_CASH
    call_command("sync_cash_points")
    assert "0 added, 0 changed, 0 removed" in capsys.readouterr().out


def test_beat_checks_often_and_asks_for_a_copy_when_there_is_none_or_it_is_a_day_old(db, settings, monkeypatch):
    sent = []
    monkeypatch.setattr(background, "send", sent.append)
    entry = settings.CELERY_BEAT_SCHEDULE["cashpoints-sync-register-when-due"]
    now = timezone.now()

    assert entry["schedule"] <= 15 * 60
    assert registered(entry["task"]).name == tasks.sync_register_when_due.name
    assert services.sync_register_when_due(now)  # installed, never copied
    RegisterCopy.objects.update(last_attempt_at=now, last_success_at=now)
    assert not services.sync_register_when_due(now + timedelta(hours=23))
    assert services.sync_register_when_due(now + timedelta(days=1))
    failed = now + timedelta(days=1, minutes=1)
    RegisterCopy.objects.update(last_attempt_at=failed, last_error="BackendUnavailable")
    assert not services.sync_register_when_due(failed + timedelta(minutes=44))  # its own retries are under way
    assert services.sync_register_when_due(failed + timedelta(minutes=46))  # they have given up
    assert sent == [services.SYNC_TASK] * 3


def test_a_failed_copy_is_tried_again_after_a_growing_wait_then_left_to_beat(db, settings, unreachable, monkeypatch):
    settings.CASHSERVICES_BASE_URL = unreachable
    waits = []
    monkeypatch.setattr(tasks.sync_register, "retry", lambda countdown: waits.append(countdown) or Retry())

    for retries in range(services.SYNC_RETRIES + 1):
        tasks.sync_register.push_request(retries=retries, is_eager=False)
        try:
            with contextlib.suppress(Retry):
                tasks.sync_register.run()
        finally:
            tasks.sync_register.pop_request()

    assert waits == [2 * 60, 4 * 60, 8 * 60, 16 * 60, 30 * 60]  # then no sixth: beat's check takes over
    assert RegisterCopy.current().last_success_at is None


def test_a_copy_that_succeeds_or_runs_in_process_is_not_retried(live_sandbox, settings, unreachable, monkeypatch):
    monkeypatch.setattr(tasks.sync_register, "retry", lambda countdown: pytest.fail("retried"))
    tasks.sync_register.push_request(retries=0, is_eager=False)
    try:
        tasks.sync_register.run()
    finally:
        tasks.sync_register.pop_request()
    assert RegisterCopy.current().last_error == ""

    settings.CASHSERVICES_BASE_URL = unreachable
    tasks.sync_register.apply()  # eagerly, as a page's first copy without a broker: a retry could not wait

    assert RegisterCopy.current().last_error
