"""The tenant's export: what the portal holds about the account, as JSON; no secrets, nobody else's data."""

import json

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from apps.accounts.models import LinkAttempt

pytestmark = pytest.mark.django_db

EXPORT = reverse("privacy:export")


def exported(client) -> tuple[dict, str]:
    response = client.get(EXPORT)
    assert response.status_code == 200
    return json.loads(response.content), response.content.decode()


def test_it_needs_a_login(client):
    response = client.get(EXPORT)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_it_refuses_post(logged_in):
    assert logged_in.post(EXPORT).status_code == 405


def test_it_is_a_json_file_to_keep_and_never_cached(logged_in, alices_things):
    response = logged_in.get(EXPORT)

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="mina-sidor-mina-uppgifter-20')
    assert "no-store" in response["Cache-Control"]


def test_it_holds_the_account_and_everything_kept_for_it(logged_in, alice, alices_things):
    data, _ = exported(logged_in)

    assert data["format"] == "mina-sidor-export/1"
    assert "hyresvärdens system" in data["about"]
    assert data["account"]["email"] == "alice@example.se"
    assert data["email_addresses"] == [{"email": "alice@example.se", "verified": True, "primary": True}]
    assert data["customer_link"]["customer_number"] == "15555"
    assert [code["sent_to"] for code in data["link_codes"]] == ["k***@example.se"]
    assert [(a["ip"], a["outcome"]) for a in data["link_attempts"]] == [("192.0.2.7", "linked")]
    assert [change["email"] for change in data["email_changes"]] == ["alice@nytt.example"]
    reports = {report["description"]: report for report in data["fault_reports"]}
    assert set(reports) == {"alice utkast", "alice i kön", "alice levererad"}
    assert reports["alice utkast"]["status"] == "draft"
    assert reports["alice utkast"]["id"] == str(alices_things.draft.public_id)
    assert [photo["width"] for photo in reports["alice i kön"]["photos"]] == [40]
    assert reports["alice levererad"]["errand_number"] == "R-2612-0042"


def test_it_holds_no_password_hash_session_token_or_keyed_hash(logged_in, alice, alices_things):
    Authenticator.objects.create(user=alice, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    alices_things.queued.refresh_from_db()
    alice.refresh_from_db()

    data, text = exported(logged_in)

    assert data["account"]["second_factors"][0]["kind"] == "totp"
    secrets = [
        alice.password,
        alice.password.split("$")[-1],
        logged_in.session.session_key,
        "JBSWY3DPEHPK3PXP",
        "c0de" * 16,  # the link code's hash
        "feed" * 16,  # the personnummer's keyed hash
        str(alices_things.queued.idempotency_key or "none-set"),
    ]
    for secret in secrets:
        assert secret not in text
    for word in ("password", "session", "token", "secret", "hash", "catalogue", "idempotency", "lease"):
        assert word not in text.lower()
    assert f'"{alice.pk}"' not in text and f": {alice.pk}," not in text, "no internal ids"


def test_another_tenants_data_is_never_in_it(logged_in, alices_things, carols_things):
    # Someone else tried to link alice's customer number: their attempt is theirs, not alice's.
    LinkAttempt.objects.create(customer_number="15555", outcome="mismatch", ip="203.0.113.9")

    _, text = exported(logged_in)

    assert "carol" not in text
    assert "20002" not in text
    assert "203.0.113.9" not in text
    for report in (carols_things.draft, carols_things.queued, carols_things.delivered):
        assert str(report.public_id) not in text


def test_an_account_without_a_customer_gets_its_export_too(client, staff):
    client.force_login(staff)

    data, _ = exported(client)

    assert data["account"]["email"] == "staff@example.se"
    assert data["customer_link"] is None
    assert data["fault_reports"] == []


def test_it_holds_the_messages_read_and_the_errands_shared_but_not_the_links(logged_in, alice):
    from apps.inbox.models import ReadMessage
    from apps.sharing.models import ErrandShare

    ReadMessage.objects.create(user=alice, message_id=54321)
    share = ErrandShare.objects.create(
        user=alice, customer_number="15555", errand_id=516849, errand_number="R-5000", backend_key="pm5-key"
    )

    data, text = exported(logged_in)

    assert [read["message_id"] for read in data["read_messages"]] == [54321]
    assert [shared["errand_number"] for shared in data["shared_errands"]] == ["R-5000"]
    assert share.token not in text and "pm5-key" not in text
