"""The accessibility statement: public, after DIGG's model, linked from every page's footer."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

STATEMENT = reverse("accessibility")


def test_anyone_can_read_the_statement_without_logging_in(client, settings):
    settings.LANDLORD_NAME = "Bostads AB Granen"
    settings.ACCESSIBILITY_CONTACT_EMAIL = "webb@granen.example"

    response = client.get(STATEMENT)

    assert response.status_code == 200
    text = response.text
    assert "Bostads AB Granen står bakom Mina sidor" in text
    assert '<a href="mailto:webb@granen.example">webb@granen.example</a>' in text
    assert "delvis förenlig med lagen om tillgänglighet till digital offentlig service" in text
    assert "Myndigheten för digital förvaltning" in text
    assert 'href="https://www.digg.se/tdosanmalan"' in text
    assert "PDF" in text, "the known shortcomings name the untagged PDFs of the backend system"
    assert 'datetime="2026-12-01"' in text


def test_a_landlord_without_a_name_is_still_named(client, settings):
    settings.LANDLORD_NAME = ""

    assert "Hyresvärden står bakom Mina sidor" in client.get(STATEMENT).text


def test_it_refuses_post(client):
    assert client.post(STATEMENT).status_code == 405


@pytest.mark.parametrize("url_name", ["account_login", "account_signup", "account_reset_password", "accessibility"])
def test_the_footer_links_to_the_statement_before_logging_in(client, url_name):
    response = client.get(reverse(url_name))

    assert f'<a href="{STATEMENT}">Tillgänglighetsredogörelse</a>' in response.text


def test_the_footer_links_to_the_statement_for_a_signed_in_staff_member(client, staff):
    client.force_login(staff)

    response = client.get(reverse("mfa_index"))

    assert f'<a href="{STATEMENT}">Tillgänglighetsredogörelse</a>' in response.text
