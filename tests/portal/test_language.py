from django.conf import settings
from django.urls import reverse


def test_the_portal_speaks_swedish_whatever_the_browser_asks_for(client, db):
    response = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="sv">' in response.text


def test_the_language_switch_is_remembered_and_keeps_the_page(client, db):
    login = reverse("account_login")
    response = client.post(reverse("set_language"), {"language": "en", "next": login})
    assert response.status_code == 302
    assert response["Location"] == login
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in client.get(login).text


def test_an_unknown_language_in_the_cookie_falls_back_to_swedish(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="sv">' in client.get(reverse("account_login")).text
