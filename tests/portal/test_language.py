import pytest
from django.conf import settings
from django.urls import reverse


def test_the_portal_speaks_swedish_whatever_the_browser_asks_for(client, db):
    response = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="sv">' in response.text


@pytest.mark.parametrize("language", ["sv", "nb", "en"])
def test_the_language_switch_is_remembered_and_keeps_the_page(client, db, language):
    page = reverse("account_reset_password") + "?from=footer"
    response = client.post(reverse("set_language"), {"language": language, "next": page})
    assert response.status_code == 302
    assert response["Location"] == page
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == language
    assert f'<html lang="{language}">' in client.get(page).text


def test_the_switch_offers_each_language_by_its_own_name(client, db):
    html = client.get(reverse("account_login")).text
    assert '<option value="sv" lang="sv" selected>Svenska</option>' in html
    assert '<option value="nb" lang="nb">Norsk (bokmål)</option>' in html
    assert '<option value="en" lang="en">English</option>' in html


def test_a_page_in_norwegian_is_translated(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    html = client.get(reverse("account_login")).text
    assert '<html lang="nb">' in html
    assert "Logg inn" in html and "Glemt passordet?" in html
    assert "Logga in" not in html


def test_an_unknown_language_in_the_cookie_falls_back_to_swedish(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="sv">' in client.get(reverse("account_login")).text
