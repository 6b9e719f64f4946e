"""The fault-report wizard, step by step, with and without JavaScript."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.backends.pm5.types import AvailableObject, NodeStep, PortalSession
from apps.faults.models import FaultReport
from apps.faults.services import active_draft_for, draft_to_resume, drafts
from apps.faults.steps import STEPS
from tests.faults.conftest import FREEZER_PATH, Wizard, image_bytes, upload

START = reverse("faults:start")


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(START)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_staff_account_without_a_customer_cannot_report(client, staff):
    client.force_login(staff)
    assert client.get(START).status_code == 403


def test_the_start_page_refuses_other_methods(client, alice):
    client.force_login(alice)
    assert client.put(START).status_code == 405


def test_the_step_table_serves_every_question_the_draft_asks_in_its_order():
    assert tuple(STEPS) == drafts.STEPS
    for name, step in STEPS.items():
        assert step.form is None or step.save is not None, f"{name} has a form but saves nothing"


def test_a_tenant_with_one_object_skips_the_object_question(alice):
    flat = AvailableObject(
        kind="Bostad",
        kind_label="Bostad",
        object_type_label="Lägenhet",
        number="142-041-01",
        uses=("Felanmälan",),
        node=NodeStep("n245612", "Nod", "Lägenhet"),
        address=None,
    )
    session = PortalSession(None, None, None, None, None, None, objects=(flat,))
    draft = drafts.start(alice, "15555", session, restart=False)
    assert draft.head_node_id == "n245612"
    assert drafts.next_step(draft) == ("place", 1)


@pytest.mark.integration
def test_starting_asks_which_object_when_there_are_several(wizard):
    response = wizard.start()
    assert response["Location"] == wizard.url("object")
    page = wizard.client.get(wizard.url("object"))
    assert "Lägenhet 142-" in page.text
    assert "Tvättstuga 142-" in page.text, "common rooms are reportable too"


@pytest.mark.integration
def test_the_seeds_freezer_path_is_walked_one_level_per_page(wizard):
    wizard.start()
    response = wizard.client.post(wizard.url("object"), {"object": "n245612"})
    assert response["Location"] == wizard.url("place", 1)
    ids = FREEZER_PATH.split("-")
    expected_next = [wizard.url("place", 2), wizard.url("place", 3), wizard.url("fault")]
    for level, node in enumerate(ids[1:], start=1):
        page = wizard.client.get(wizard.url("place", level))
        assert f'value="{node}"' in page.text
        response = wizard.client.post(wizard.url("place", level), {"node": node})
        assert response["Location"] == expected_next[level - 1]

    wizard.report.refresh_from_db()
    assert wizard.report.node_path == FREEZER_PATH
    assert wizard.report.node_labels[1:] == ["Kök", "Kyl/Frys", "Frys - Standard"]
    assert wizard.report.node_labels[0].startswith("Lägenhet 142-")
    assert wizard.report.place_label == "Kök / Kyl/Frys / Frys - Standard"


@pytest.mark.integration
def test_the_breadcrumbs_link_back_to_every_level(wizard):
    wizard.start()
    wizard.client.post(wizard.url("object"), {"object": "n245612"})
    wizard.client.post(wizard.url("place", 1), {"node": "n512431"})
    wizard.client.post(wizard.url("place", 2), {"node": "n188452"})
    page = wizard.client.get(wizard.url("place", 3))
    assert f'href="{wizard.url("place", 1)}"' in page.text
    assert f'href="{wizard.url("place", 2)}"' in page.text
    assert '<span aria-current="page">Kyl/Frys</span>' in page.text


@pytest.mark.integration
def test_going_back_costs_no_backend_call(wizard, backend_calls):
    wizard.start()
    wizard.client.post(wizard.url("object"), {"object": "n245612"})
    wizard.walk_to_freezer()
    backend_calls.reset()

    for level in (3, 2, 1):
        assert wizard.client.get(wizard.url("place", level)).status_code == 200
    assert wizard.client.get(wizard.url("object")).status_code == 200
    # ...and forward again along the same path
    for level, node in enumerate(FREEZER_PATH.split("-")[1:], start=1):
        wizard.client.post(wizard.url("place", level), {"node": node})
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_each_step_forward_costs_at_most_one_backend_call(wizard, backend_calls):
    wizard.client.get(reverse("customer:overview"))  # the tenant arrives from the overview
    backend_calls.reset()
    wizard.start()
    assert len(backend_calls) == 0, "the session data is cached"
    for url, data in [
        (wizard.url("object"), {"object": "n245612"}),
        (wizard.url("place", 1), {"node": "n512431"}),
        (wizard.url("place", 2), {"node": "n188452"}),
        (wizard.url("place", 3), {"node": "n422831"}),
    ]:
        backend_calls.reset()
        response = wizard.client.post(url, data)
        wizard.client.get(response["Location"])
        assert len(backend_calls) <= 1, url


@pytest.mark.integration
def test_a_node_the_backend_did_not_offer_is_not_found_without_asking_the_backend(wizard, backend_calls):
    wizard.start()
    wizard.client.post(wizard.url("object"), {"object": "n245612"})
    backend_calls.reset()

    # Kyl/Frys exists, but in Kök, not directly in the apartment.
    assert wizard.client.post(wizard.url("place", 1), {"node": "n188452"}).status_code == 404
    assert wizard.client.post(wizard.url("place", 1), {"node": "n245612-n512431"}).status_code == 404
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_an_object_the_tenant_may_not_report_on_is_not_found(wizard, live_sandbox, backend_calls):
    from apps.sandbox.models import Customer, Node

    bob = Customer.objects.get(customer_number=live_sandbox.bob.number)
    bobs_root = Node.objects.filter(rental_object__leases__customer=bob, parent__isnull=True).first()
    wizard.start()
    backend_calls.reset()
    assert wizard.client.post(wizard.url("object"), {"object": bobs_root.id}).status_code == 404
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_a_level_not_reached_yet_is_not_found(wizard):
    wizard.start()
    wizard.client.post(wizard.url("object"), {"object": "n245612"})
    assert wizard.client.get(wizard.url("place", 3)).status_code == 404


@pytest.mark.integration
def test_choosing_another_branch_forgets_what_lay_below(wizard):
    report = wizard.answer_all()
    assert report.fault_type_id is not None
    response = wizard.client.post(wizard.url("place", 1), {"node": report.catalogue["nodes"]["n245612"][0]["value"]})
    report.refresh_from_db()
    assert report.node_path.count("-") == 1
    assert report.fault_type_id is None
    assert report.description, "what the tenant wrote stays"
    assert response["Location"] == wizard.url("place", 2)


@pytest.mark.integration
def test_a_step_is_not_shown_before_the_questions_it_depends_on(wizard):
    wizard.start()
    response = wizard.client.get(wizard.url("fault"))
    assert response.status_code == 302
    assert response["Location"] == wizard.url("object")


@pytest.mark.integration
def test_the_fault_step_requires_a_description_and_says_so(wizard):
    wizard.start()
    wizard.client.post(wizard.url("object"), {"object": "n245612"})
    wizard.walk_to_freezer()
    wizard.report.refresh_from_db()
    fault_type = wizard.report.catalogue["fault_types"][FREEZER_PATH][0]["value"]

    response = wizard.client.post(wizard.url("fault"), {"fault_type": fault_type, "description": ""})
    assert response.status_code == 200
    assert "<title>Fel: Vad är det för fel?" in response.text
    assert 'href="#id_description"' in response.text, "the error summary links to the field"
    assert "Beskriv felet." in response.text

    response = wizard.client.post(wizard.url("fault"), {"fault_type": fault_type, "description": "x" * 1001})
    assert "högst 1 000 tecken" in response.text

    response = wizard.client.post(wizard.url("fault"), {"description": "Kallt"})
    assert "Välj vad det är för fel." in response.text

    assert wizard.client.post(wizard.url("fault"), {"fault_type": "999", "description": "x"}).status_code == 404


@pytest.mark.integration
def test_pets_are_an_active_choice_with_a_text_when_yes(wizard):
    report = wizard.answer_all()
    key = report.key_handling_id
    response = wizard.client.post(wizard.url("access"), {"key_handling": key, "has_pets": "yes", "pets": ""})
    assert "Skriv vilka husdjur det finns hemma." in response.text
    response = wizard.client.post(wizard.url("access"), {"key_handling": key})
    assert "Svara om det finns husdjur hemma." in response.text

    wizard.client.post(wizard.url("access"), {"key_handling": key, "has_pets": "yes", "pets": "Stor hund"})
    report.refresh_from_db()
    assert (report.has_pets, report.pets) == (True, "Stor hund")
    assert wizard.client.post(wizard.url("access"), {"key_handling": "77", "has_pets": "no"}).status_code == 404


@pytest.mark.integration
def test_another_contact_needs_a_name_and_a_phone_number(wizard):
    report = wizard.answer_all()
    page = wizard.client.get(wizard.url("contact"))
    assert "Dina uppgifter hos hyresvärden" in page.text, "the tenant's own details are shown"

    response = wizard.client.post(wizard.url("contact"), {"contact": "other", "first_name": "Adam"})
    assert "Skriv efternamnet" in response.text
    assert "Skriv ett telefonnummer" in response.text

    wizard.client.post(
        wizard.url("contact"),
        {"contact": "other", "first_name": "Adam", "last_name": "Bertilsson", "phone": "012-34 56 78"},
    )
    report.refresh_from_db()
    assert (report.contact, report.contact_phone) == ("other", "012-34 56 78")


@pytest.mark.integration
def test_a_text_file_renamed_jpg_is_refused_on_the_photo_step(wizard):
    wizard.answer_all()
    response = wizard.client.post(wizard.url("photos"), {"photos": upload("semester.jpg", b"inte en bild")})
    assert response.status_code == 200
    assert "”semester.jpg” är inte en bild i formatet JPEG, PNG eller HEIC." in response.text
    assert wizard.report.photos.count() == 0


@pytest.mark.integration
def test_photos_can_be_added_previewed_and_removed(wizard):
    report = wizard.answer_all()
    files = [upload(f"bild{i}.png", image_bytes("PNG")) for i in range(2)]
    response = wizard.client.post(wizard.url("photos"), {"photos": files})
    assert response["Location"] == wizard.url("photos")
    assert report.photos.count() == 2

    photo = report.photos.first()
    preview = wizard.client.get(reverse("faults:photo_file", args=[report.public_id, photo.public_id, "liten"]))
    assert preview.status_code == 200
    assert preview["Content-Type"] == "image/jpeg"

    wizard.client.post(reverse("faults:remove_photo", args=[report.public_id, photo.public_id]))
    assert report.photos.count() == 1


@pytest.mark.integration
def test_at_most_five_photos(wizard):
    report = wizard.answer_all()
    files = [upload(f"bild{i}.png", image_bytes("PNG", size=(20, 20))) for i in range(6)]
    response = wizard.client.post(wizard.url("photos"), {"photos": files})
    assert "högst 5 bilder" in response.text
    assert report.photos.count() == 5


@pytest.mark.integration
def test_the_check_page_has_a_change_link_for_every_answer(wizard):
    wizard.answer_all()
    page = wizard.client.get(wizard.url("check"))
    assert page.status_code == 200
    for step in ("object", "fault", "access", "contact", "photos"):
        assert f'href="{wizard.url(step)}"' in page.text
    assert f'href="{wizard.url("place", 1)}"' in page.text
    assert "Kök / Kyl/Frys / Frys - Standard" in page.text
    assert f'action="{wizard.url("submit")}"' in page.text


@pytest.mark.integration
def test_htmx_gets_only_the_step_with_its_title(wizard):
    wizard.start()
    response = wizard.client.get(wizard.url("object"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.lstrip().startswith("<title>Var finns felet? – Mina sidor</title>")
    assert 'name="object"' in response.text
    assert "HX-Request" in response["Vary"]

    restore = wizard.client.get(
        wizard.url("object"), headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.text, "going back in history gets the whole page"


@pytest.mark.integration
def test_without_javascript_every_step_is_a_page_with_a_real_form(wizard):
    wizard.start()
    page = wizard.client.get(wizard.url("object"))
    assert "<html" in page.text
    assert f'<form method="post" action="{wizard.url("object")}"' in page.text
    assert "csrfmiddlewaretoken" in page.text
    assert f'href="{START}"' in page.text, "a back link that works without JavaScript"
    assert 'hx-history="false"' in page.text


@pytest.mark.integration
def test_another_tenants_draft_is_not_found(wizard, bob, backend_calls):
    wizard.start()
    wizard.client.force_login(bob)
    backend_calls.reset()
    for url in (wizard.url("object"), wizard.url("check"), wizard.url("resume")):
        assert wizard.client.get(url).status_code == 404
    assert wizard.client.post(wizard.url("object"), {"object": "n245612"}).status_code == 404
    assert wizard.client.post(wizard.url("submit")).status_code == 404
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_a_draft_is_kept_and_offered_again(wizard):
    wizard.start()
    wizard.client.post(wizard.url("object"), {"object": "n245612"})
    page = wizard.client.get(START)
    assert "Fortsätt din felanmälan" in page.text
    assert f'href="{wizard.url("resume")}"' in page.text
    response = wizard.client.get(wizard.url("resume"))
    assert response["Location"] == wizard.url("place", 1)

    wizard.client.post(START)
    assert FaultReport.objects.count() == 1, "starting again continues the draft"
    wizard.client.post(START, {"restart": "1"})
    assert FaultReport.objects.count() == 1
    assert not FaultReport.objects.filter(pk=wizard.report.pk).exists()


@pytest.mark.integration
def test_a_draft_expires_after_30_days(wizard, alice):
    wizard.start()
    assert active_draft_for(alice) == wizard.report
    assert draft_to_resume(alice).public_id == wizard.report.public_id
    FaultReport.objects.filter(pk=wizard.report.pk).update(updated_at=timezone.now() - timedelta(days=31))
    assert active_draft_for(alice) is None
    assert draft_to_resume(alice) is None
    assert wizard.client.get(wizard.url("object")).status_code == 404
    assert "Fortsätt din felanmälan" not in wizard.client.get(START).text


def test_wrong_methods_are_refused(client, alice):
    client.force_login(alice)
    report = FaultReport.objects.create(user=alice, customer_number="15555")
    w = Wizard(client)
    w.report = report
    assert client.get(w.url("submit")).status_code == 405
    assert client.delete(w.url("object")).status_code == 405
    assert client.post(w.url("check")).status_code == 405
    assert client.post(w.url("receipt")).status_code == 405
    assert client.post(reverse("faults:errands")).status_code == 405


def test_a_backend_that_is_down_gets_a_calm_message_when_nothing_is_kept(client, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    client.force_login(alice)
    response = client.post(START)
    assert response.status_code == 503
    assert "Vi kan inte hämta dina uppgifter" in response.text
    assert "Traceback" not in response.text


def test_a_backend_that_is_down_keeps_the_answers_and_asks_for_the_place_in_words(client, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    client.force_login(alice)
    report = FaultReport.objects.create(
        user=alice,
        customer_number="15555",
        catalogue={"objects": [{"value": "n245612", "label": "Lägenhet"}]},
    )
    w = Wizard(client)
    w.report = report
    response = client.post(w.url("object"), {"object": "n245612"})
    assert response["Location"] == w.url("place", 1), "the choice is saved; nothing below it is known"
    page = client.get(w.url("place", 1))
    assert page.status_code == 200
    assert 'name="where"' in page.text
    assert 'name="node"' not in page.text


@pytest.mark.integration
def test_adding_photos_without_choosing_a_file_says_so(wizard):
    wizard.answer_all()
    response = wizard.client.post(wizard.url("photos"), {})
    assert response.status_code == 200
    assert "Välj en bild att lägga till." in response.text
