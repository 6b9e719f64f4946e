"""Every allauth page, also those we did not write ourselves, wears our layout."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
        "account_inactive",
    ],
)
def test_the_page_extends_our_base_template(client, url_name):
    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert "base.html" in [template.name for template in response.templates]
    assert '<a class="skip-link" href="#main">' in response.text
    assert response.text.count("<h1>") + response.text.count("<h1 ") == 1
