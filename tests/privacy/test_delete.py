"""Deleting the portal account: the password first, a page that says what happens, the choice for
queued reports, then the account gone, the person logged out, the backend and other tenants untouched."""

from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from apps.accounts.models import CustomerLink, LinkAttempt, PendingLink
from apps.contacts.models import EmailChange
from apps.faults.models import FaultReport, Photo

pytestmark = pytest.mark.django_db

DELETE = reverse("privacy:delete")
GONE = "Ditt konto på Mina sidor är borttaget och du är utloggad."
CHOOSE = "Välj om felanmälningarna ska skickas eller slängas."

User = get_user_model()


def photo_files(settings) -> set[str]:
    folder = Path(settings.MEDIA_ROOT)
    return {path.name for path in folder.rglob("*.jpg")} if folder.exists() else set()


# --- access ---------------------------------------------------------------------------------


def test_it_needs_a_login(client):
    response = client.get(DELETE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_asks_for_the_password_again_first(logged_in, alice, method):
    response = getattr(logged_in, method)(DELETE, {"queued": "discard"} if method == "post" else None)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert User.objects.filter(pk=alice.pk).exists()


def test_a_wrong_password_deletes_nothing(logged_in, alice):
    logged_in.post(DELETE)

    response = logged_in.post(reverse("account_reauthenticate"), {"password": "fel-lösenord"})

    assert response.status_code == 200
    assert User.objects.filter(pk=alice.pk).exists()


def test_staff_accounts_are_not_deleted_here(client, staff):
    client.force_login(staff)
    client.post(reverse("account_reauthenticate"), {"password": "Staff-password-1"})

    assert client.get(DELETE).status_code == 403
    assert client.post(DELETE).status_code == 403
    assert User.objects.filter(pk=staff.pk).exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_refused(reauthenticated, method):
    assert getattr(reauthenticated, method)(DELETE).status_code == 405


# --- the confirmation page --------------------------------------------------------------------


def test_the_page_says_what_happens_and_works_without_javascript(reauthenticated):
    response = reauthenticated.get(DELETE)

    assert response.status_code == 200
    text = response.text
    assert "<h1>Ta bort ditt konto</h1>" in text
    assert "Kopplingen till kundnummer 15555 tas bort." in text
    assert "ändras inte" in text
    assert "Det går inte att ångra." in text
    assert f'<form method="post" action="{DELETE}" novalidate>' in text
    assert 'name="csrfmiddlewaretoken"' in text
    assert 'name="queued"' not in text, "nothing waits in the outbox: nothing to choose"
    assert f'href="{reverse("privacy:export")}" download>ladda ner dina uppgifter</a>' in text


def test_with_queued_reports_the_tenant_chooses_what_becomes_of_them(reauthenticated, alices_things):
    text = reauthenticated.get(DELETE).text

    assert "Du har 1 felanmälan som inte har kommit fram till hyresvärden än" in text
    assert "<legend>Vad ska vi göra med dem?</legend>" in text
    assert 'value="deliver" id="id_queued"' in text
    assert 'value="discard"' in text


def test_not_choosing_says_so_at_the_question_and_deletes_nothing(reauthenticated, alice, alices_things):
    response = reauthenticated.post(DELETE, {})

    assert response.status_code == 200
    text = response.text
    assert "<title>Fel: Ta bort ditt konto" in text
    assert 'class="error-summary" role="alert"' in text and "data-autofocus" in text
    assert f'<li><a href="#id_queued">{CHOOSE}</a></li>' in text
    assert 'aria-describedby=" id_queued_error"' in text
    assert '<p class="error-message" id="id_queued_error">' in text
    assert User.objects.filter(pk=alice.pk).exists()
    assert FaultReport.objects.filter(user=alice).count() == 3


# --- deleting -----------------------------------------------------------------------------------


def test_discarding_takes_the_account_and_everything_of_it(
    reauthenticated,
    alice,
    alices_things,
    carol,
    carols_things,
    settings,
    backend_calls,
    django_capture_on_commit_callbacks,
):
    alices_files = _files_of(alices_things.draft) | _files_of(alices_things.queued)
    carols_files = _files_of(carols_things.draft) | _files_of(carols_things.queued)
    assert alices_files | carols_files <= photo_files(settings)

    with django_capture_on_commit_callbacks(execute=True):
        response = reauthenticated.post(DELETE, {"queued": "discard"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert not User.objects.filter(pk=alice.pk).exists()
    for model in (EmailAddress, CustomerLink, PendingLink, EmailChange, FaultReport):
        assert not model.objects.filter(user_id=alice.pk).exists(), model
    assert not FaultReport.objects.filter(customer_number="15555").exists(), "the queued report discarded"
    assert not alices_files & photo_files(settings), "alice's photo files are gone once the deletion committed"
    assert carols_files <= photo_files(settings)
    attempt = LinkAttempt.objects.get(customer_number="15555")
    assert attempt.user is None, "the audit stays its year, without the account"
    assert backend_calls.calls == [], "the landlord's system is not told anything"
    page = reauthenticated.get(response["Location"])
    assert GONE in page.text
    assert "Din felanmälan som väntade är slängd." in page.text
    assert reauthenticated.get(reverse("customer:overview")).status_code == 302, "logged out"


def test_carol_loses_nothing_when_alice_goes(reauthenticated, alices_things, carol, carols_things):
    reauthenticated.post(DELETE, {"queued": "discard"})

    assert User.objects.filter(pk=carol.pk).exists()
    assert CustomerLink.objects.get(user=carol).customer_number == "20002"
    assert FaultReport.objects.filter(user=carol).count() == 3
    assert Photo.objects.filter(report__user=carol).count() == 2
    assert EmailChange.objects.filter(user=carol).count() == 1
    assert PendingLink.objects.filter(user=carol).count() == 1
    assert LinkAttempt.objects.filter(user=carol).count() == 1


def test_delivering_leaves_the_queued_report_to_the_outbox_without_the_account(reauthenticated, alice, alices_things):
    response = reauthenticated.post(DELETE, {"queued": "deliver"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=alice.pk).exists()
    queued = FaultReport.objects.get(pk=alices_things.queued.pk)
    assert queued.user is None
    assert queued.status == FaultReport.Status.QUEUED
    assert queued.photos.count() == 1, "its photo goes with it to the landlord"
    assert not FaultReport.objects.filter(pk__in=[alices_things.draft.pk, alices_things.delivered.pk]).exists()
    assert "Din felanmälan som väntade skickas till hyresvärden." in reauthenticated.get(response["Location"]).text


def test_without_queued_reports_one_press_deletes(reauthenticated, alice):
    response = reauthenticated.post(DELETE, {})

    assert response.status_code == 302
    assert not User.objects.filter(pk=alice.pk).exists()
    text = reauthenticated.get(response["Location"]).text
    assert GONE in text
    assert "felanmälan" not in text.split(GONE)[1].split("</p>")[0]


def _files_of(report: FaultReport) -> set[str]:
    return {Path(name).name for photo in report.photos.all() for name in (photo.image.name, photo.preview.name)}
