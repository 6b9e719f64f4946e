"""Hämta utskrift: a rent notice or invoice printed as PDF, as the landlord's reporting would.

Rendered with reportlab's platypus on request: landlord, customer and object,
each ledger period with its rows and their specification (metered hot water:
readings, quantity, unit price), net, VAT and gross, payments, the amount to
pay, due date, OCR reference and bankgiro. The same notice always gives the
same bytes (``invariant``), so the sandbox answers are reproducible.
"""

from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from apps.sandbox.models import Company, LedgerPeriod, LedgerRow, Notice

TITLES = {Notice.Kind.AVI: "Hyresavi", Notice.Kind.FAKTURA: "Faktura"}
GRID = colors.HexColor("#6f777b")
SHADE = colors.HexColor("#f3f2f1")


def notice_pdf(notice: Notice) -> bytes:
    """The PDF of ``notice``; periods, rows, specifications, payments and distributions prefetched."""
    periods = list(notice.periods.all())
    company = periods[0].rental_object.building.property.company if periods else Company.objects.get()
    title = TITLES[notice.kind]
    if notice.kind == Notice.Kind.FAKTURA and notice.gross < 0:
        title = "Kreditfaktura"
    out = BytesIO()
    document = a4_document(
        out,
        title=f"{title} {notice.number}",
        author=company.name,
        subject=f"{title} {notice.number} till {notice.customer.full_name}",
    )
    styles = _styles()
    story = [
        _letterhead(company, notice, title, styles),
        Spacer(0, 8 * mm),
        _recipient(notice, periods, styles),
        Spacer(0, 8 * mm),
    ]
    for period in periods:
        story += [_period(period, styles), Spacer(0, 5 * mm)]
    story += [_totals(notice, styles), Spacer(0, 4 * mm)]
    payments = list(notice.payments.all())
    if payments:
        story += [_payments(payments, styles), Spacer(0, 6 * mm)]
    story.append(_payment_slip(company, notice, styles))
    document.build(story)
    return out.getvalue()


def a4_document(out: BytesIO, *, title: str, author: str, subject: str) -> SimpleDocTemplate:
    """An A4 page with the landlord's margins; invariant, so the same content gives the same bytes."""
    return SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=title,
        author=author,
        subject=subject,
        invariant=True,
    )


def kronor(amount: Decimal) -> str:
    """7 900,00 kr, as on a Swedish paper invoice (non-breaking spaces)."""
    text = f"{amount:,.2f}".replace(",", "\xa0").replace(".", ",")
    return f"{text}\xa0kr"


def bankgiro(number: str) -> str:
    """A bankgiro number as printed: 505-0105 or 5050-1055."""
    return f"{number[:-4]}-{number[-4:]}" if len(number) in (7, 8) else number


def _quantity(value: Decimal) -> str:
    return f"{value:.3f}".replace(".", ",")


def _styles() -> dict[str, ParagraphStyle]:
    sheet = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=sheet["Normal"], fontName="Helvetica", fontSize=9.5, leading=12)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=colors.HexColor("#4a4a4a")),
        "bold": ParagraphStyle("bold", parent=body, fontName="Helvetica-Bold"),
        "title": ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", fontSize=20, leading=24),
        "heading": ParagraphStyle("heading", parent=body, fontName="Helvetica-Bold", fontSize=10.5, leading=14),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "right_bold": ParagraphStyle("right_bold", parent=body, alignment=TA_RIGHT, fontName="Helvetica-Bold"),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _letterhead(company: Company, notice: Notice, title: str, s: dict) -> Table:
    sender = _p(
        f"{company.name}\n{company.street}\n{company.postal_code[:3]} {company.postal_code[3:]} {company.city}\n"
        f"Org.nr {company.organisation_number}\nTelefon {company.phone}\n{company.email}",
        s["body"],
    )
    facts = Table(
        [
            [_p("Avinummer", s["small"]), _p(notice.number, s["bold"])],
            [_p("Datum", s["small"]), _p(notice.issued_on.isoformat(), s["body"])],
            [_p("Kundnummer", s["small"]), _p(notice.customer.customer_number, s["body"])],
            [_p("Förfallodag", s["small"]), _p(notice.due_date.isoformat(), s["bold"])],
            [_p("OCR-nummer", s["small"]), _p(notice.ocr, s["bold"])],
        ],
        colWidths=[26 * mm, 40 * mm],
    )
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    head = Table(
        [[_p(company.name, s["title"]), _p(title, s["title"])], [sender, facts]],
        colWidths=[96 * mm, 70 * mm],
        hAlign="LEFT",
    )
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return head


def _recipient(notice: Notice, periods: list[LedgerPeriod], s: dict) -> Table:
    customer = notice.customer
    lines = [customer.full_name]
    if periods:
        obj = periods[0].rental_object
        building = obj.building
        lines += [building.street + (f", lgh {obj.apartment_number}" if obj.apartment_number else "")]
        lines += [f"{building.postal_code[:3]} {building.postal_code[3:]} {building.city}"]
    box = Table([[_p("\n".join(lines), s["body"])]], colWidths=[80 * mm])
    box.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return Table([["", box]], colWidths=[86 * mm, 80 * mm], hAlign="LEFT")


def _period(period: LedgerPeriod, s: dict) -> KeepTogether:
    obj = period.rental_object
    heading = f"Period {period.period_start:%Y-%m}  ·  {obj.type_label} {obj.number}, {obj.building.street}"
    parts = [_p(heading, s["heading"])]
    if period.sent_to_collection_on:
        parts.append(_p(f"Skickad till inkasso {period.sent_to_collection_on.isoformat()}", s["bold"]))
    data = [[_p(t, s["bold"]) for t in ("Avser", "")] + [_p(t, s["right_bold"]) for t in ("Netto", "Moms", "Belopp")]]
    for row in period.rows.all():
        data.append([_p(row.text, s["body"]), ""] + [_p(kronor(v), s["right"]) for v in (row.net, row.vat, row.gross)])
        spec = _specification(row)
        if spec:
            data.append([_p(spec, s["small"]), "", "", "", ""])
    data.append(
        [_p("Summa perioden", s["bold"]), ""]
        + [_p(kronor(v), s["right_bold"]) for v in (period.net, period.vat, period.gross)]
    )
    table = Table(data, colWidths=[72 * mm, 10 * mm, 28 * mm, 28 * mm, 28 * mm], hAlign="LEFT", repeatRows=1)
    style = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, GRID),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]
    style += [("SPAN", (0, i), (-1, i)) for i, row in enumerate(data) if row[2] == ""]
    table.setStyle(TableStyle(style))
    return KeepTogether([*parts, Spacer(0, 1.5 * mm), table])


def _specification(row: LedgerRow) -> str:
    spec = getattr(row, "specification", None)
    if spec is None:
        return ""
    text = (
        f"{spec.source_label}, mätare {spec.source_identity}: {spec.covers_from.isoformat()} – "
        f"{spec.covers_to.isoformat()}, mätarställning {_quantity(spec.value_from)} – {_quantity(spec.value_to)} "
        f"= {_quantity(spec.quantity)} {spec.unit} à {kronor(spec.unit_price)}"
    )
    if spec.free_until:
        text += f". Debiteringsfritt till och med {spec.free_until.isoformat()}"
    return text


def _totals(notice: Notice, s: dict) -> KeepTogether:
    rows = [
        ("Nettobelopp", kronor(notice.net)),
        ("Moms", kronor(notice.vat)),
        ("Totalt", kronor(notice.gross)),
    ]
    if notice.paid:
        rows += [("Inbetalt", kronor(-notice.paid)), ("Kvar att betala", kronor(notice.remaining))]
    rows.append(("Att betala", kronor(notice.to_pay)))
    data = [[_p(label, s["body"]), _p(value, s["right"])] for label, value in rows]
    data[-1] = [_p(rows[-1][0], s["heading"]), _p(rows[-1][1], s["right_bold"])]
    table = Table(data, colWidths=[50 * mm, 34 * mm], hAlign="RIGHT")
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 1, colors.black)]))
    return KeepTogether([table])


def _payments(payments: list, s: dict) -> Table:
    data = [[_p("Betalningar", s["heading"]), "", ""]]
    data += [
        [_p(p.paid_on.isoformat(), s["body"]), _p(p.channel, s["body"]), _p(kronor(p.amount), s["right"])]
        for p in payments
    ]
    table = Table(data, colWidths=[28 * mm, 92 * mm, 46 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (0, -1), 0), ("LINEBELOW", (0, 0), (-1, 0), 0.8, GRID)]))
    return table


def _payment_slip(company: Company, notice: Notice, s: dict) -> Table:
    if notice.remaining < 0:
        instruction = "Beloppet är tillgodo och dras av från din nästa hyresavi. Du ska inte betala något."
    elif notice.to_pay == 0:
        instruction = "Fakturan är betald. Tack!" if notice.kind == Notice.Kind.FAKTURA else "Avin är betald. Tack!"
    else:
        instruction = "Betala via bankgiro och ange OCR-numret som referens. Betala senast på förfallodagen."
    data = [
        [_p("Betalningsinformation", s["heading"]), "", "", ""],
        [_p(instruction, s["body"]), "", "", ""],
        [_p(t, s["small"]) for t in ("Bankgiro", "OCR-nummer", "Förfallodag", "Att betala")],
        [
            _p(bankgiro(notice.bankgiro), s["heading"]),
            _p(notice.ocr, s["heading"]),
            _p(notice.due_date.isoformat(), s["heading"]),
            _p(kronor(notice.to_pay), s["heading"]),
        ],
        [_p(f"Betalningsmottagare: {company.name}", s["small"]), "", "", ""],
    ]
    table = Table(data, colWidths=[38 * mm, 48 * mm, 34 * mm, 46 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("SPAN", (0, 0), (-1, 0)),
                ("SPAN", (0, 1), (-1, 1)),
                ("SPAN", (0, 4), (-1, 4)),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return KeepTogether([table])
