"""A new work order from the fixed structure, walked one level per press, or started from a customer."""

import pytest
from django.urls import reverse

from apps.staff.models import AuditEntry

pytestmark = pytest.mark.integration

URL = reverse("staff:new_work_order")
HOME = "142-043-01"  # demo customer 1's apartment, with the seed's example kitchen and freezer
PROPERTY = "142"
KITCHEN, FREEZER = 512431, 422831


def walk(**chosen) -> dict:
    return {f"ny-{name}": value for name, value in chosen.items()}


def order(**changes) -> dict:
    fields = {
        "property": PROPERTY,
        "object_id": HOME,
        "room": KITCHEN,
        "unit": FREEZER,
        "priority": "30",
        "access_code": "J",
        "reporter": "annan",
        "reporter_name": "Granne Grönberg",
        "reporter_phone": "070-111 22 33",
        "description": "Frysen kyler inte.",
    }
    return walk(**(fields | changes)) | {"create": "1"}


def phrase_of(client, text: str) -> str:
    html = client.post(URL, walk(property=PROPERTY, object_id=HOME, room=KITCHEN, unit=FREEZER) | {"narrow": "1"})
    content = html.content.decode()
    start = content.index(f">{text}<")
    return content[content.rindex('value="', 0, start) + 7 : content.rindex('"', 0, start)]


def test_the_walk_shows_one_level_more_per_press_and_keeps_what_was_typed(staff_client, live_sandbox, backend_calls):
    first = staff_client.get(URL).content.decode()
    assert "<h1>Ny arbetsorder</h1>" in first and f'<option value="{PROPERTY}">' in first
    assert f'value="{HOME}"' not in first  # no objekt before a fastighet is chosen

    backend_calls.reset()
    typed = {"ny-description": "Frysen låter", "narrow": "1"}
    objects = staff_client.post(URL, walk(property=PROPERTY) | typed).content.decode()
    assert f'<option value="{HOME}">' in objects and "Frysen låter" in objects
    assert len(backend_calls) == 0  # the objekt were read with the fastigheter and kept

    rooms = staff_client.post(URL, walk(property=PROPERTY, object_id=HOME) | typed).content.decode()
    assert f'<option value="{KITCHEN}">' in rooms and f'value="{FREEZER}"' not in rooms
    assert len(backend_calls) == 1

    units = staff_client.post(URL, walk(property=PROPERTY, object_id=HOME, room=KITCHEN) | typed).content.decode()
    assert f'<option value="{FREEZER}">' in units
    staff_client.post(URL, walk(property=PROPERTY, object_id=HOME, room=KITCHEN) | typed)
    assert len(backend_calls) == 2  # walking the same level again reads nothing


def test_a_choice_walked_away_from_is_dropped(staff_client, live_sandbox):
    html = staff_client.post(
        URL, walk(property=PROPERTY, object_id=HOME, room="999999", unit=FREEZER) | {"narrow": "1"}
    ).content.decode()
    room_select = html.split('name="ny-room"')[1].split("</select>")[0]
    assert f'<option value="{KITCHEN}">' in room_select and '<option value="" selected>' in room_select
    assert f'value="{FREEZER}"' not in html


def test_htmx_gets_only_the_form(staff_client, live_sandbox):
    response = staff_client.post(URL, walk(property=PROPERTY) | {"narrow": "1"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<form id="ny-arbetsorder"') and "<h1>" not in html
    assert "HX-Request" in response["Vary"]


def test_a_work_order_is_created_from_the_walk_and_audited(staff_client, live_sandbox):
    from apps.sandbox.models import ErrandRow

    phrase = phrase_of(staff_client, "Kyler inte")
    response = staff_client.post(URL, order(phrase=phrase))

    created = ErrandRow.objects.order_by("-pk").first()
    assert response.status_code == 302 and response["Location"] == reverse("staff:work_order", args=[created.pk])
    assert (created.node_id, created.description, created.priority) == (f"n{FREEZER}", "Frysen kyler inte.", 30)
    assert created.errand.reporter_name == "Granne Grönberg" and created.key_handling.permits_entry
    entry = AuditEntry.objects.get(work_order_id=created.pk)
    assert entry.action == AuditEntry.Action.CREATED and entry.actor.email
    page = staff_client.get(response["Location"]).content.decode()
    assert f"Arbetsorder {created.pk} är skapad." in page and "Kyler inte" in page


def test_a_tenants_call_starts_from_their_object(staff_client, live_sandbox, backend_calls):
    from apps.sandbox.models import Customer, ErrandRow

    staff_client.get(URL)
    backend_calls.reset()
    number = live_sandbox.alice.number
    found = staff_client.post(URL, walk(customer_number=number) | {"find_customer": "1"}).content.decode()
    assert len(backend_calls) <= 2
    assert Customer.objects.get(customer_number=number).full_name in found
    assert f'<option value="{HOME}" selected>' in found and f'<option value="{KITCHEN}">' in found
    assert number not in "".join(found.split(f'value="{number}"'))  # only in its own field, typed

    response = staff_client.post(URL, order(customer_number=number, reporter="kund", reporter_name=""))
    assert response.status_code == 302
    assert ErrandRow.objects.order_by("-pk").first().errand.customer.customer_number == number


def test_an_unknown_customer_number_is_said_at_its_field(staff_client, live_sandbox):
    response = staff_client.post(URL, walk(customer_number="99999999", description="Kvar") | {"find_customer": "1"})
    html = response.content.decode()
    assert response.status_code == 400 and 'id="id_ny-customer_number_error"' in html
    assert "Det finns ingen kund med det kundnumret." in html and "Kvar" in html


def test_bad_input_is_shown_at_each_field_and_keeps_what_was_typed(staff_client, live_sandbox):
    response = staff_client.post(URL, order(description="", reporter_name="", reporter_email="inte-en-adress"))
    html = response.content.decode()
    assert response.status_code == 400 and "<title>Fel:" in html
    assert "Beskriv felet." in html and "Skriv vem som anmäler." in html and "070-111 22 33" in html
    assert not AuditEntry.objects.exists()


def test_a_room_of_another_object_is_refused_at_its_field(staff_client, live_sandbox):
    from apps.sandbox.models import Node

    elsewhere = Node.objects.exclude(rental_object__number=HOME).filter(parent__isnull=False).first()
    response = staff_client.post(URL, order(room=elsewhere.pk, unit=""))
    assert response.status_code == 400 and "Välj utrymmet igen." in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_an_object_outside_the_fixed_structure_is_404(staff_client, live_sandbox):
    assert staff_client.post(URL, order(object_id="999-999-99", room="", unit="")).status_code == 404
    assert not AuditEntry.objects.exists()


def test_a_backend_refusal_is_shown_at_the_field_it_names(staff_client, live_sandbox):
    response = staff_client.post(URL, order(customer_number="99999999", reporter="kund", reporter_name=""))
    html = response.content.decode()
    assert response.status_code == 409 and 'id="id_ny-customer_number_error"' in html
    assert "kundNr finns inte." in html and "Frysen kyler inte." in html
    assert not AuditEntry.objects.exists()


def test_fast2_down_while_creating_keeps_the_form(staff_client, live_sandbox, sandbox_behaviour):
    staff_client.post(URL, walk(property=PROPERTY, object_id=HOME, room=KITCHEN) | {"narrow": "1"})
    sandbox_behaviour(outage=True)
    response = staff_client.post(URL, order())
    html = response.content.decode()
    assert response.status_code == 503 and "kunde inte skapas just nu" in html and "Granne Grönberg" in html


def test_fast2_down_before_the_structure_is_read_is_the_calm_page(staff_client, live_sandbox, sandbox_behaviour):
    sandbox_behaviour(outage=True)
    response = staff_client.get(URL)
    assert response.status_code == 503 and "Ny arbetsorder kan inte skapas just nu" in response.content.decode()


def test_the_queue_links_to_it_and_tenants_cannot_reach_it(staff_client, live_sandbox, client, alice):
    assert f'href="{URL}"' in staff_client.get(reverse("staff:queue")).content.decode()
    client.force_login(alice)
    assert client.get(URL).status_code in (403, 404)
