"""Included at the site root: the wizard under felanmalan/, the errands under arenden/.

Each wizard step is the one step view, told which step of apps.faults.steps it serves.
"""

from django.urls import path

from apps.faults.views import errands, general, inspections, photos, submit, wizard

app_name = "faults"

REPORT = "felanmalan/<uuid:report>"

urlpatterns = [
    path("felanmalan/", wizard.start, name="start"),
    path(f"{REPORT}/", wizard.resume, name="resume"),
    path(f"{REPORT}/objekt/", wizard.step, {"name": "object"}, name="object"),
    path(f"{REPORT}/plats/<int:level>/", wizard.step, {"name": "place"}, name="place"),
    path(f"{REPORT}/fel/", wizard.step, {"name": "fault"}, name="fault"),
    path(f"{REPORT}/vad/", wizard.step, {"name": "what"}, name="what"),
    path(f"{REPORT}/tilltrade/", wizard.step, {"name": "access"}, name="access"),
    path(f"{REPORT}/kontakt/", wizard.step, {"name": "contact"}, name="contact"),
    path(f"{REPORT}/bilder/", wizard.step, {"name": "photos"}, name="photos"),
    path(f"{REPORT}/bilder/<uuid:photo>/ta-bort/", photos.remove_photo, name="remove_photo"),
    path(f"{REPORT}/bilder/<uuid:photo>/<str:size>/", photos.photo_file, name="photo_file"),
    path(f"{REPORT}/kontrollera/", wizard.step, {"name": "check"}, name="check"),
    path(f"{REPORT}/skicka/", submit.submit, name="submit"),
    path(f"{REPORT}/kvitto/", submit.receipt, name="receipt"),
    path("allmant-arende/", general.general_start, name="general_start"),
    path("arenden/", errands.errand_list, name="errands"),
    path("arenden/<int:errand_id>/", errands.errand_detail, name="errand"),
    path("arenden/<int:errand_id>/protokoll/", inspections.inspection_protocol, name="protocol"),
    path(
        "arenden/<int:errand_id>/protokoll/visa/",
        inspections.inspection_protocol,
        {"inline": True},
        name="protocol_inline",
    ),
    path("arenden/<int:errand_id>/rader/<int:row_id>/bilder/<int:file_id>/", errands.errand_photo, name="errand_photo"),
]
