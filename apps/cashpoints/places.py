"""A cash place as the tenant reads it: distance in km, opening hours, fee range, links to a map.

The register's coordinates are SWEREF 99 TM; map apps want WGS 84 latitude and
longitude, converted with PROJ (pyproj), never by hand.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from urllib.parse import quote, urlencode

from pyproj import Transformer

from apps.cashpoints.models import CashPoint
from apps.cashpoints.nearest import Nearby


@dataclass(frozen=True)
class Place:
    point: CashPoint
    km: float
    latitude: float
    longitude: float

    @property
    def has_fee(self) -> bool:
        return self.point.max_fee is not None

    @property
    def fee_percent(self) -> Decimal | None:
        return self.point.max_fee_percent or None

    @property
    def map_app_url(self) -> str:
        """geo: (RFC 5870) opens the phone's map app on the place."""
        return f"geo:{self.latitude:.6f},{self.longitude:.6f}?q={self.latitude:.6f},{self.longitude:.6f}({quote(self.point.name)})"

    @property
    def web_map_url(self) -> str:
        where = {"mlat": f"{self.latitude:.6f}", "mlon": f"{self.longitude:.6f}"}
        return f"https://www.openstreetmap.org/?{urlencode(where)}#map=17/{self.latitude:.6f}/{self.longitude:.6f}"


@cache
def _to_wgs84() -> Transformer:
    # EPSG:3006 is SWEREF 99 TM; always_xy keeps (east, north) in and (longitude, latitude) out.
    return Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)


def wgs84(x: float, y: float) -> tuple[float, float]:
    """(latitude, longitude) of a SWEREF 99 TM point."""
    longitude, latitude = _to_wgs84().transform(x, y)
    return latitude, longitude


def place(nearby: Nearby) -> Place:
    latitude, longitude = wgs84(nearby.point.x, nearby.point.y)
    return Place(point=nearby.point, km=round(nearby.metres / 1000, 1), latitude=latitude, longitude=longitude)
