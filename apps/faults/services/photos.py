"""Photos of a fault: checked by their content, re-encoded, stored, removed.

A photo is accepted when Pillow reads it as JPEG, PNG or HEIC/HEIF, whatever
its name says. It is then re-encoded here as a JPEG without metadata, so the
phone's EXIF (the place it was taken, the device) never leaves the portal, and
scaled so it fits what the backend takes (at most 2 MB, contract A49). Only one
photo is decoded at a time, and files go through Django's storage API.
"""

import io
import logging
from dataclasses import dataclass

import pillow_heif
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from apps.faults.models import FaultReport, Photo
from apps.faults.services import limits

logger = logging.getLogger(__name__)

pillow_heif.register_heif_opener()  # HEIC/HEIF, what iPhones take photos in

MAX_PHOTOS = 5
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 50_000_000  # larger than any phone camera; beyond it decoding alone would need gigabytes
ACCEPTED_FORMATS = {"JPEG", "PNG", "HEIF"}  # pillow-heif names both HEIC and HEIF "HEIF"
LONG_EDGE = 2048
PREVIEW_EDGE = 480
MAX_SENT_BYTES = 2 * 1024 * 1024  # A49
QUALITIES = (85, 75, 65, 55)


PHOTOS_LIMITED = _(
    "”%(name)s” kom inte med: du har lagt till många bilder på kort tid. Bilderna du redan har lagt till finns kvar. "
    "Vänta en stund och försök igen, eller fortsätt utan fler bilder."
)


class PhotoRejected(ValueError):
    """A file that is not a photo we take; the message is for the tenant."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Encoded:
    image: bytes
    preview: bytes
    width: int
    height: int


def add(draft: FaultReport, files: list[UploadedFile]) -> list[str]:
    """Add the acceptable files to the draft; the tenant's message for each one refused."""
    errors = []
    room = MAX_PHOTOS - draft.photos.count()
    for file in files:
        name = file.name or _("bilden")
        if room <= 0:
            errors.append(str(_("”%(name)s” kom inte med: du kan lägga till högst 5 bilder.") % {"name": name}))
            continue
        if not limits.PHOTOS.allow(draft.customer_number):  # counted before decoding: decoding is the cost
            errors.append(str(PHOTOS_LIMITED % {"name": name}))
            continue
        try:
            encoded = reencode(file)
        except PhotoRejected as exc:
            errors.append(exc.message)
            continue
        _store(draft, encoded)
        room -= 1
    draft.save(update_fields=["updated_at"])
    return errors


def reencode(file: UploadedFile) -> Encoded:
    name = file.name or _("bilden")
    if file.size is not None and file.size > MAX_UPLOAD_BYTES:
        raise PhotoRejected(_("”%(name)s” är större än 10 MB. Välj en mindre bild.") % {"name": name})
    not_a_photo = _("”%(name)s” är inte en bild i formatet JPEG, PNG eller HEIC. Välj en annan fil.") % {"name": name}
    try:
        file.seek(0)
        with Image.open(file) as opened:  # reads the header only: the content decides, not the name
            if opened.format not in ACCEPTED_FORMATS:
                raise PhotoRejected(not_a_photo)
            if opened.width * opened.height > MAX_PIXELS:
                raise PhotoRejected(_("”%(name)s” har för många pixlar. Välj en mindre bild.") % {"name": name})
            opened.draft("RGB", (LONG_EDGE, LONG_EDGE))  # JPEG decodes straight to a smaller scale
            # The orientation is in EXIF, which is dropped: turn the pixels the right way up first.
            image = _flattened(ImageOps.exif_transpose(opened))
    except PhotoRejected:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as exc:
        logger.info("Refused an upload that is not a readable photo: %s", type(exc).__name__)
        raise PhotoRejected(not_a_photo) from None
    image.thumbnail((LONG_EDGE, LONG_EDGE), Image.Resampling.LANCZOS)
    for quality in QUALITIES:  # the first quality that fits; 2048 px hardly ever needs a second try
        encoded = _jpeg(image, quality)
        if len(encoded) <= MAX_SENT_BYTES:
            break
    preview = image.copy()
    preview.thumbnail((PREVIEW_EDGE, PREVIEW_EDGE), Image.Resampling.LANCZOS)
    return Encoded(image=encoded, preview=_jpeg(preview, 70), width=image.width, height=image.height)


def _flattened(image: Image.Image) -> Image.Image:
    """RGB on white: a PNG's transparency would otherwise turn black in a JPEG."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> bytes:
    # No exif=, icc_profile= or comment: nothing but pixels is written.
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()


def _store(draft: FaultReport, encoded: Encoded) -> Photo:
    photo = Photo(report=draft, size=len(encoded.image), width=encoded.width, height=encoded.height)
    photo.image.save(f"{photo.public_id}.jpg", ContentFile(encoded.image), save=False)
    photo.preview.save(f"{photo.public_id}-liten.jpg", ContentFile(encoded.preview), save=False)
    try:
        photo.save()
    except Exception:
        _delete_files([photo.image.name, photo.preview.name])
        raise
    return photo


def photo_of(draft: FaultReport, public_id) -> Photo:
    photo = draft.photos.filter(public_id=public_id).first()
    if photo is None:
        raise Http404("not a photo of this report")
    return photo


def remove(draft: FaultReport, public_id) -> None:
    photo = photo_of(draft, public_id)
    names = [photo.image.name, photo.preview.name]
    photo.delete()
    draft.save(update_fields=["updated_at"])
    transaction.on_commit(lambda: _delete_files(names))


def delete_files_of(report: FaultReport) -> None:
    """After delivery the backend keeps the photos; the portal's copies go (rows and files)."""
    names = [name for photo in report.photos.all() for name in (photo.image.name, photo.preview.name)]
    report.photos.all().delete()
    transaction.on_commit(lambda: _delete_files(names))


def _delete_files(names: list[str]) -> None:
    storage = Photo._meta.get_field("image").storage
    for name in names:
        if name:
            storage.delete(name)
