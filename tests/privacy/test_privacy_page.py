"""The privacy page: public, linked from every page's footer, and true to what the purge tasks do."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGE = reverse("privacy:page")


def test_anyone_can_read_it_without_logging_in(client, settings):
    settings.LANDLORD_NAME = "Bostads AB Granen"

    response = client.get(PAGE)

    assert response.status_code == 200
    text = response.text
    assert "<title>Integritet – Mina sidor</title>" in text
    assert "Bostads AB Granen ansvarar för dina personuppgifter i Mina sidor." in text
    assert "finns i hyresvärdens fastighetssystem" in text
    for kept in ("Ditt konto", "Kopplingen till ditt kundnummer", "Loggen över försök att koppla konton"):
        assert kept in text
    for kept in ("Påbörjade felanmälningar", "Skickade felanmälningar", "Bilder på fel", "Personalens logg"):
        assert kept in text
    assert "Kopior för felanmälan när hyresvärdens system inte svarar" in text
    assert "Ändringar av din e-postadress hos hyresvärden" in text
    assert f'href="{reverse("account_login")}?next={PAGE}"' in text, "signing in leads back here"
    assert reverse("privacy:export") not in text


@pytest.mark.parametrize(
    "period",
    [
        "Tas bort 1 dag efter att koden slutat gälla.",  # pending links
        "Tas bort efter 365 dagar, även om du tar bort ditt konto innan dess.",  # link attempts
        "Tas bort 30 dagar efter att du senast ändrade något.",  # drafts
        "sparar din felanmälan i 90 dagar till",  # delivered reports
        "Tas bort 30 dagar efter att du bad om ändringen.",  # e-mail changes
        "länken vi skickade (24 timmar)",
        "Inloggningen slutar 8 timmar efter det du senast gjorde",
        "Räknarna försvinner efter en timme.",  # the abuse limits (portal.ratelimit)
        "Tas bort 30 dagar efter att Mina sidor senast hämtade dem",  # the copies for an outage (kept_trees)
    ],
)
def test_it_says_how_long_each_thing_is_kept(client, period):
    assert period in client.get(PAGE).text


def test_it_says_how_long_the_copies_for_reporting_during_an_outage_are_kept(client, settings):
    """The objects and node trees kept in the cache (apps/faults/services/kept_trees.py) expire with it."""
    settings.FAULT_OUTAGE_COPY_SECONDS = 14 * 24 * 60 * 60

    text = client.get(PAGE).text

    assert "Tas bort 14 dagar efter att Mina sidor senast hämtade dem, även om du tar bort ditt konto" in text


def test_every_period_it_names_has_a_task_that_deletes(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "accounts.purge_expired_pending_links",
        "accounts.purge_old_link_attempts",
        "faults.purge_expired_drafts",
        "faults.purge_delivered_reports",
        "contacts.purge_old_changes",
    } <= tasks


def test_a_signed_in_tenant_gets_the_download_and_the_way_to_delete(client, alice):
    client.force_login(alice)

    text = client.get(PAGE).text

    assert f'<a class="button button-secondary" href="{reverse("privacy:export")}" download>' in text
    assert f'<a href="{reverse("privacy:delete")}">Ta bort ditt konto</a>' in text


def test_staff_may_download_but_not_delete_here(client, staff):
    client.force_login(staff)

    text = client.get(PAGE).text

    assert reverse("privacy:export") in text
    assert reverse("privacy:delete") not in text


@pytest.mark.parametrize("url_name", ["account_login", "account_signup", "accessibility", "privacy:page"])
def test_the_footer_links_to_it_next_to_the_accessibility_statement(client, url_name):
    text = client.get(reverse(url_name)).text

    statement = f'<li><a href="{reverse("accessibility")}">Tillgänglighetsredogörelse</a></li>'
    assert statement + f'\n        <li><a href="{PAGE}">Integritet</a></li>' in text


def test_the_footer_links_to_it_for_a_signed_in_tenant(client, alice):
    client.force_login(alice)

    assert f'<a href="{PAGE}">Integritet</a>' in client.get(reverse("faults:start")).text


def test_it_refuses_post(client):
    assert client.post(PAGE).status_code == 405


@pytest.mark.parametrize("language", ["en", "nb"])
def test_it_is_translated(client, language):
    client.post(reverse("set_language"), {"language": language, "next": PAGE})

    text = client.get(PAGE).text

    assert {"en": "Privacy", "nb": "Personvern"}[language] in text
    assert "Det här sparar Mina sidor" not in text
    assert "Kopior för felanmälan" not in text and "senast hämtade dem" not in text
