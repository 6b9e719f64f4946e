"""The inbox: messages from the landlord, unread first; opening one reads it; attachments only the tenant's own."""

import pytest
from django.urls import reverse

from apps.inbox.models import ReadMessage

LIST = reverse("inbox:list")
OVERVIEW = reverse("customer:overview")


def detail_url(message_id: int) -> str:
    return reverse("inbox:detail", args=[message_id])


def attachment_url(message_id: int, external_id: int) -> str:
    return reverse("inbox:attachment", args=[message_id, external_id])


def read(response) -> bytes:
    try:
        return b"".join(response.streaming_content)
    finally:
        response.close()


@pytest.fixture
def alices_messages(live_sandbox):
    from apps.sandbox.models import CustomerMessage

    return list(CustomerMessage.objects.filter(customer__customer_number=live_sandbox.alice.number))


@pytest.fixture
def bobs_attachment(live_sandbox):
    from apps.sandbox.models import MessageAttachment

    return MessageAttachment.objects.filter(message__customer__customer_number=live_sandbox.bob.number).first()


def test_a_channel_the_portal_does_not_know_shows_the_landlords_name_for_it():
    from apps.backends.pm5.codes import MessageChannelKind
    from apps.backends.pm5.messages_types import MessageChannel
    from apps.inbox.services import channel

    def named(kind, label):
        return str(channel(MessageChannel(kind, label, True, None, None, "", "")).name)

    assert named(None, "Brev i trapphuset") == "Brev i trapphuset"
    assert named(MessageChannelKind.EMAIL, "Epostmeddelande") == "E-post"
    assert named(None, None) == "Okänd kanal"


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    for url in (LIST, detail_url(54321), attachment_url(54321, 880100)):
        assert client.get(url).status_code == 302


def test_the_list_and_attachments_refuse_a_post(logged_in):
    assert logged_in.post(LIST).status_code == 405
    assert logged_in.post(attachment_url(54321, 880100)).status_code == 405


def test_a_failing_backend_gets_a_calm_page(logged_in, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    response = logged_in.get(LIST)
    assert response.status_code == 503
    assert "Vi kan inte visa dina meddelanden just nu" in response.text
    assert logged_in.get(detail_url(54321)).status_code == 503


@pytest.mark.integration
def test_unread_messages_come_first_each_with_channel_and_date(logged_in, alice, alices_messages):
    newest = max(alices_messages, key=lambda m: m.completed_at)
    ReadMessage.objects.create(user=alice, message_id=newest.pk)

    response = logged_in.get(LIST)

    assert response.status_code == 200
    listed = response.context["messages_listed"]
    assert [m.read for m in listed] == [False] * (len(alices_messages) - 1) + [True]
    unread = [m.message.sent_at for m in listed if not m.read]
    assert unread == sorted(unread, reverse=True)
    html = response.text
    assert "Oläst" in html
    assert "Nyhet på Mina sidor" in html and "E-post" in html and "SMS" in html
    assert "2 bilagor" in html
    assert 'hx-history="false"' in html


@pytest.mark.integration
def test_opening_a_message_marks_it_read_and_the_overview_counts_the_others(
    logged_in, alice, alices_messages, backend_calls
):
    message = alices_messages[0]
    assert f"Du har {len(alices_messages)} olästa meddelanden." in logged_in.get(OVERVIEW).text

    backend_calls.reset()
    response = logged_in.get(detail_url(message.pk))
    assert response.status_code == 200
    assert message.subject in response.text and message.body in response.text
    overview = logged_in.get(OVERVIEW).text

    assert len(backend_calls) == 0, "the session data is cached: neither page calls the backend"
    assert ReadMessage.objects.filter(user=alice, message_id=message.pk).exists()
    assert f"Du har {len(alices_messages) - 1} olästa meddelanden." in overview


@pytest.mark.integration
def test_a_message_can_be_marked_unread_again_without_javascript(logged_in, alice, alices_messages):
    message = alices_messages[0]
    logged_in.get(detail_url(message.pk))

    response = logged_in.post(detail_url(message.pk), {"unread": "1"})

    assert response.status_code == 302 and response["Location"] == LIST
    assert not ReadMessage.objects.filter(user=alice, message_id=message.pk).exists()
    assert "Meddelandet är markerat som oläst." in logged_in.get(LIST).text


@pytest.mark.integration
def test_an_attachment_is_streamed_with_its_name_and_type(logged_in, live_sandbox):
    from apps.sandbox.models import MessageAttachment

    for attachment in MessageAttachment.objects.filter(message__customer__customer_number=live_sandbox.alice.number):
        detail = logged_in.get(detail_url(attachment.message_id)).text
        assert attachment_url(attachment.message_id, attachment.pk) in detail

        response = logged_in.get(attachment_url(attachment.message_id, attachment.pk))

        assert response.status_code == 200
        assert response.streaming
        assert response["Content-Type"] == attachment.content_type
        assert "attachment;" in response["Content-Disposition"]
        assert read(response) == attachment.file.open("rb").read()


@pytest.mark.integration
def test_another_tenants_message_and_attachment_are_404_before_any_backend_call(
    logged_in, live_sandbox, bobs_attachment, backend_calls
):
    logged_in.get(LIST)  # the session data is cached now
    backend_calls.reset()

    assert logged_in.get(detail_url(bobs_attachment.message_id)).status_code == 404
    assert logged_in.post(detail_url(bobs_attachment.message_id), {"unread": "1"}).status_code == 404
    assert logged_in.get(attachment_url(bobs_attachment.message_id, bobs_attachment.pk)).status_code == 404
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_an_attachment_of_another_message_or_an_unknown_id_is_404(logged_in, live_sandbox):
    from apps.sandbox.models import MessageAttachment

    attachment = MessageAttachment.objects.filter(message__customer__customer_number=live_sandbox.alice.number).first()
    other = next(m for m in logged_in.get(LIST).context["messages_listed"] if m.message_id != attachment.message_id)
    assert logged_in.get(attachment_url(other.message_id, attachment.pk)).status_code == 404
    assert logged_in.get(attachment_url(attachment.message_id, 1)).status_code == 404
    assert logged_in.get(detail_url(1)).status_code == 404
    assert logged_in.get("/meddelanden/abc/").status_code == 404


@pytest.mark.integration
def test_an_attachment_the_backend_cannot_send_sends_the_tenant_back_with_a_calm_message(
    logged_in, live_sandbox, sandbox_behaviour
):
    from apps.sandbox.models import MessageAttachment

    attachment = MessageAttachment.objects.filter(message__customer__customer_number=live_sandbox.alice.number).first()
    logged_in.get(detail_url(attachment.message_id))  # cached
    sandbox_behaviour(outage=True)

    response = logged_in.get(attachment_url(attachment.message_id, attachment.pk), follow=True)

    assert response.redirect_chain[-1][0] == detail_url(attachment.message_id)
    assert f"Vi kunde inte hämta {attachment.name} just nu." in response.text


@pytest.mark.integration
def test_cold_an_attachment_is_asked_beside_the_session_data_and_another_tenants_is_404(
    logged_in, live_sandbox, bobs_attachment, pm5_in_flight
):
    from apps.customer.services import CustomerSession
    from apps.sandbox.models import MessageAttachment

    attachment = MessageAttachment.objects.filter(message__customer__customer_number=live_sandbox.alice.number).first()
    logged_in.get(LIST)  # the backend session key, as at login
    CustomerSession(None, live_sandbox.alice.number).forget()
    pm5_in_flight.reset()

    response = logged_in.get(attachment_url(attachment.message_id, attachment.pk))

    assert response.status_code == 200 and read(response) == attachment.file.open("rb").read()
    assert len(pm5_in_flight.calls) == 2 and pm5_in_flight.most == 2, "one round trip"

    CustomerSession(None, live_sandbox.alice.number).forget()
    response = logged_in.get(attachment_url(bobs_attachment.message_id, bobs_attachment.pk))
    assert response.status_code == 404
    assert not response.streaming
