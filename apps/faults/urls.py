"""Included at the site root: the wizard under felanmalan/, the errands under arenden/."""

from django.urls import path

from apps.faults.views import errands, photos, submit, wizard

app_name = "faults"

REPORT = "felanmalan/<uuid:report>"

urlpatterns = [
    path("felanmalan/", wizard.start, name="start"),
    path(f"{REPORT}/", wizard.resume, name="resume"),
    path(f"{REPORT}/objekt/", wizard.object_step, name="object"),
    path(f"{REPORT}/plats/<int:level>/", wizard.place_step, name="place"),
    path(f"{REPORT}/fel/", wizard.fault_step, name="fault"),
    path(f"{REPORT}/tilltrade/", wizard.access_step, name="access"),
    path(f"{REPORT}/kontakt/", wizard.contact_step, name="contact"),
    path(f"{REPORT}/bilder/", photos.photos_step, name="photos"),
    path(f"{REPORT}/bilder/<uuid:photo>/ta-bort/", photos.remove_photo, name="remove_photo"),
    path(f"{REPORT}/bilder/<uuid:photo>/<str:size>/", photos.photo_file, name="photo_file"),
    path(f"{REPORT}/kontrollera/", wizard.check, name="check"),
    path(f"{REPORT}/skicka/", submit.submit, name="submit"),
    path(f"{REPORT}/kvitto/", submit.receipt, name="receipt"),
    path("arenden/", errands.errand_list, name="errands"),
    path("arenden/<int:errand_id>/", errands.errand_detail, name="errand"),
    path("arenden/<int:errand_id>/rader/<int:row_id>/bilder/<int:file_id>/", errands.errand_photo, name="errand_photo"),
]
