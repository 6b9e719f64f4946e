"""PM5 wire JSON → home_types: SessionUnderhåll and SessionMätdataAnläggning. Swedish names end here."""

from apps.backends.pm5.home_types import Maintenance, Meter, MeterInstallation, MeterReading
from apps.backends.wire import Wire


def maintenance(w: Wire) -> Maintenance:
    return Maintenance(
        action=w.text("Åtgärd"),
        target=w.text("Avser"),
        planned_on=w.date("Planeratdatum", "PlaneratDatum"),
        ordered_on=w.date("Beställd"),
        done_on=w.date("Utförd"),
    )


def meter_installation(w: Wire) -> MeterInstallation:
    # The seed writes the label "Beteckning?" (A20): either spelling is read.
    return MeterInstallation(
        usage=w.text("Användning"), label=w.text("Beteckning", "Beteckning?"), meters=w.objects("Mätare", meter)
    )


def meter(w: Wire) -> Meter:
    return Meter(
        usage=w.text("Användning"),
        label=w.text("Beteckning", "Beteckning ???"),
        readings=w.objects("Mätdata", meter_reading),
    )


def meter_reading(w: Wire) -> MeterReading:
    # "T o m" is the seed's spelling of the period's last day; Datum stands in for it when it is missing (A46).
    return MeterReading(
        consumption=w.decimal("Förbrukning"),
        reading=w.decimal("Mätarställning"),
        unit=w.text("Enhet"),
        period_end=w.date("Tom", "T o m", "Datum"),
        read_at=w.datetime("AvlästTid"),
        cost=w.decimal("Kostnad"),
        unit_price=w.decimal("Apris"),
        charged=w.boolean("Debiterad"),
    )
