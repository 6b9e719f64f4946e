"""Valid demo files without dependencies: text PDFs, a small PNG, and a large scanned drawing.

Everything here is deterministic: the same arguments give the same bytes, so a
rebuilt demo serves byte-identical files.
"""

import struct
import zlib
from collections.abc import Iterator
from random import Random
from typing import BinaryIO

A4 = (595, 842)  # points
MM = 72 / 25.4  # points per millimetre


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with a title and some lines of text in Helvetica."""
    return text_pdf(title, [lines])


def text_pdf(title: str, pages: list[list[str]]) -> bytes:
    """An A4 PDF with the title on every page and each list of lines on a page of its own."""
    streams = []
    for number, lines in enumerate(pages, start=1):
        text = [f"BT /F1 18 Tf 56 780 Td ({_escape(title)}) Tj ET"]
        for row, line in enumerate(lines):
            text.append(f"BT /F1 11 Tf 56 {744 - 16 * row} Td ({_escape(line)}) Tj ET")
        if len(pages) > 1:
            text.append(f"BT /F1 9 Tf 500 40 Td (Sida {number} av {len(pages)}) Tj ET")
        streams.append("\n".join(text).encode("cp1252", errors="replace"))
    # Objects: 1 catalog, 2 page tree, 3 font, then a page and its content per page.
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, stream in enumerate(streams):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {A4[0]} {A4[1]}] /Contents {5 + 2 * i} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return b"".join(_pdf_parts(objects))


def simple_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain-coloured RGB PNG, standing in for a tenant's photo."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * width  # filter type 0, then the pixels
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


# --- a scanned drawing ------------------------------------------------------------------

DRAWING_MM = (420, 297)  # A3 landscape, as architects' plans are printed
DRAWING_DPI = 360
DRAWING_PIXELS = (round(DRAWING_MM[0] / 25.4 * DRAWING_DPI), round(DRAWING_MM[1] / 25.4 * DRAWING_DPI))
# A scan of paper is never white: every pixel a light grey from 228 to 255. That grain is
# also why scans are large; the image is stored as the scanner wrote it, uncompressed.
PAPER = bytes(228 + (value * 28) // 256 for value in range(256))
INK = 24


def write_scanned_drawing(out: BinaryIO, *, title: str, caption: str, rooms: int, seed: str) -> int:
    """Write a scanned A3 floor plan as a PDF to ``out``; returns the number of bytes (about 25 MB).

    One grey 8-bit image of the whole sheet at 360 dpi, with the plan's title typed over it.
    ``seed`` decides the grain and where the inner walls go.
    """
    rng = Random(seed)
    width, height = DRAWING_PIXELS
    pixels = bytearray(rng.randbytes(width * height).translate(PAPER))
    for x0, y0, x1, y1 in _floor_plan(rng, width, height, rooms):
        ink = bytes([INK]) * (x1 - x0)
        for y in range(y0, y1):
            pixels[y * width + x0 : y * width + x1] = ink

    page_w, page_h = DRAWING_MM[0] * MM, DRAWING_MM[1] * MM
    text = (
        f"q {page_w:.2f} 0 0 {page_h:.2f} 0 0 cm /Scan Do Q\n"
        f"BT /F1 20 Tf 60 790 Td ({_escape(title)}) Tj ET\n"
        f"BT /F1 11 Tf 60 770 Td ({_escape(caption)}) Tj ET\n"
        "BT /F1 9 Tf 60 40 Td (Skala 1:50. Skannad ritning, mått i millimeter.) Tj ET"
    ).encode("cp1252", errors="replace")
    image_header = (
        f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
        f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Length {len(pixels)} >>\nstream\n"
    ).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w:.2f} {page_h:.2f}] /Contents 4 0 R "
        "/Resources << /Font << /F1 6 0 R >> /XObject << /Scan 5 0 R >> >> >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        (image_header, pixels, b"\nendstream"),  # written piece by piece: no second 25 MB copy
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    written = 0
    for part in _pdf_parts(objects):
        out.write(part)
        written += len(part)
    return written


def _floor_plan(rng: Random, width: int, height: int, rooms: int) -> list[tuple[int, int, int, int]]:
    """Rectangles of ink: outer walls, a corridor with a door into each room, a dimension line."""
    outer, inner, door = 48, 24, 260
    left, top, right, bottom = width // 8, height // 5, width * 7 // 8, height * 4 // 5
    corridor = top + (bottom - top) * rng.randint(58, 68) // 100
    cuts = sorted(rng.sample(range(left + 600, right - 600, 40), max(rooms - 1, 1)))
    walls = [
        (left, top, right, top + outer),
        (left, bottom - outer, right, bottom),
        (left, top, left + outer, bottom),
        (right - outer, top, right, bottom),
        *((cut, top, cut + inner, corridor) for cut in cuts),
    ]
    # The corridor wall, broken where a door leads into each room.
    edges = [left + outer, *cuts, right - outer]
    doors = [(start + end) // 2 for start, end in zip(edges, edges[1:], strict=False)]
    x = left
    for middle in doors:
        walls.append((x, corridor, middle - door // 2, corridor + inner))
        x = middle + door // 2
    walls.append((x, corridor, right, corridor + inner))
    # A dimension line under the plan, with its end ticks.
    walls += [(left, bottom + 120, right, bottom + 126), (left, bottom + 90, left + 6, bottom + 156)]
    walls.append((right - 6, bottom + 90, right, bottom + 156))
    return walls


# --- PDF plumbing ------------------------------------------------------------------------


def _escape(text: str) -> str:
    # WinAnsi covers å, ä, ö; PDF strings escape only these three.
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_parts(objects: list[bytes | tuple[bytes | bytearray, ...]]) -> Iterator[bytes | bytearray]:
    """The pieces of a PDF file: header, numbered objects, cross-reference table, trailer.

    An object may be a tuple of pieces, written one after the other without joining them.
    """
    yield b"%PDF-1.4\n"
    position = 9
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(position)
        pieces = body if isinstance(body, tuple) else (body,)
        for piece in (b"%d 0 obj\n" % number, *pieces, b"\nendobj\n"):
            yield piece
            position += len(piece)
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    xref += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    yield xref + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, position)
