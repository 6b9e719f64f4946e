"""Photos are checked by their content and re-encoded, so no location leaves the portal."""

import io

import pytest
from PIL import ExifTags, Image

from apps.faults.services import photos
from apps.faults.services.photos import PhotoRejected
from tests.faults.conftest import image_bytes, jpeg_with_gps, upload


def stored(encoded: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(encoded))
    image.load()
    return image


def test_a_photo_with_gps_exif_is_stored_without_it():
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo), "the test photo has a position"

    encoded = photos.reencode(upload("IMG_0001.jpg", original))

    image = stored(encoded.image)
    assert image.format == "JPEG"
    assert not image.getexif(), "no EXIF at all: no position, no camera"
    assert b"Exif" not in encoded.image[:1024]
    assert not stored(encoded.preview).getexif()


def test_a_text_file_renamed_jpg_is_refused_with_a_clear_message():
    with pytest.raises(PhotoRejected) as refused:
        photos.reencode(upload("semester.jpg", "Det här är ingen bild.\n".encode(), "image/jpeg"))
    assert refused.value.message == (
        "”semester.jpg” är inte en bild i formatet JPEG, PNG eller HEIC. Välj en annan fil."
    )


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "HEIF"])
def test_it_takes_jpeg_png_and_heic_whatever_the_name(kind):
    encoded = photos.reencode(upload("utan-filandelse", image_bytes(kind)))
    assert stored(encoded.image).format == "JPEG"
    assert (encoded.width, encoded.height) == (400, 300)


def test_it_refuses_other_image_formats():
    with pytest.raises(PhotoRejected):
        photos.reencode(upload("bild.gif", image_bytes("GIF", mode="P")))


def test_a_transparent_png_turns_white_not_black():
    encoded = photos.reencode(upload("skiss.png", image_bytes("PNG", mode="RGBA")))
    red, green, blue = stored(encoded.image).getpixel((10, 10))
    assert min(red, green, blue) > 90, "alpha 128 over white"


def test_a_large_photo_is_scaled_to_fit_what_the_backend_takes():
    encoded = photos.reencode(upload("stor.png", image_bytes("PNG", size=(4000, 3000))))
    assert max(encoded.width, encoded.height) == photos.LONG_EDGE
    assert len(encoded.image) <= photos.MAX_SENT_BYTES
    assert max(stored(encoded.preview).size) == photos.PREVIEW_EDGE


def test_a_photo_taken_sideways_is_turned_the_right_way_up():
    image = Image.new("RGB", (400, 300), (10, 10, 10))
    exif = image.getexif()
    exif[ExifTags.Base.Orientation] = 6  # rotated 90° clockwise
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    encoded = photos.reencode(upload("sidled.jpg", out.getvalue()))
    assert (encoded.width, encoded.height) == (300, 400)


def test_a_file_over_10_mb_is_refused_before_it_is_read():
    big = upload("stor.jpg", b"\xff\xd8\xff" + b"0" * 10)
    big.size = photos.MAX_UPLOAD_BYTES + 1
    with pytest.raises(PhotoRejected, match="större än 10 MB"):
        photos.reencode(big)


def test_a_decompression_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(photos, "MAX_PIXELS", 1000)
    with pytest.raises(PhotoRejected, match="för många pixlar"):
        photos.reencode(upload("bomb.png", image_bytes("PNG", size=(100, 100))))
