"""Hämta besiktningsprotokoll: an inspection's protocol printed as PDF, as the landlord's reporting would.

One line per inspected place (a row of the inspection errand): the place, the
inspector's remark and, for an outgoing tenant, what the remark will cost them.
The same inspection always gives the same bytes (``invariant``).
"""

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from apps.sandbox.models import Errand
from apps.sandbox.pm5.economy_pdf import GRID, _p, _styles, a4_document, kronor


def inspection_pdf(errand: Errand) -> bytes:
    """The protocol of ``errand``, an inspection whose rows, object and customer are loaded."""
    obj = errand.rental_object
    company = obj.building.property.company
    side = "inflyttande" if errand.moving_in else "avflyttande"
    title = f"Besiktningsprotokoll {errand.number}"
    rows = list(errand.rows.all())
    done = max((row.done_at for row in rows if row.done_at), default=errand.received_at)
    out = BytesIO()
    document = a4_document(out, title=title, author=company.name, subject=f"{title}, för {side} hyresgäst")
    s = _styles()
    facts = [
        ("Objekt", f"{obj.type_label} {obj.number}"),
        (
            "Adress",
            f"{obj.building.street}, {obj.building.postal_code[:3]} {obj.building.postal_code[3:]} {obj.building.city}",
        ),
        ("Hyresgäst", errand.customer.full_name if errand.customer else ""),
        ("Besiktigad", f"{done:%Y-%m-%d}"),
        ("Protokoll för", f"{side} hyresgäst"),
    ]
    story: list = [
        _p(company.name, s["title"]),
        Spacer(0, 4 * mm),
        _p(title, s["heading"]),
        Spacer(0, 4 * mm),
        Table([[_p(k, s["small"]), _p(v, s["body"])] for k, v in facts], colWidths=[34 * mm, 130 * mm], hAlign="LEFT"),
        Spacer(0, 6 * mm),
    ]
    data = [[_p(t, s["bold"]) for t in ("Plats", "Anmärkning")] + [_p("Kostnad", s["right_bold"])]]
    for row in rows:
        cost = kronor(row.residual_value) if row.residual_value and not errand.moving_in else ""
        data.append([_p(row.node.label, s["body"]), _p(row.description, s["body"]), _p(cost, s["right"])])
    table = Table(data, colWidths=[40 * mm, 100 * mm, 26 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, GRID),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#b1b4b6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    story += [table, Spacer(0, 8 * mm)]
    story.append(
        Paragraph(
            "Anmärkningar i protokollet kan debiteras den avflyttande hyresgästen. "
            "Hör av dig till kundservice inom 14 dagar om du inte håller med.",
            s["small"],
        )
    )
    document.build(story)
    return out.getvalue()
