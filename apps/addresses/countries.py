"""The countries a temporary address may be in, by ISO 3166 code: Sweden and the Nordics
first, then where Swedes most often spend a longer while. The landlord's system has the
last word (it refuses a country it does not know, and the form shows that at the field)."""

from django.utils.translation import gettext_lazy as _

SWEDEN = "SE"

COUNTRIES = [
    (SWEDEN, _("Sverige")),
    ("NO", _("Norge")),
    ("DK", _("Danmark")),
    ("FI", _("Finland")),
    ("IS", _("Island")),
    ("EE", _("Estland")),
    ("FR", _("Frankrike")),
    ("GR", _("Grekland")),
    ("IT", _("Italien")),
    ("NL", _("Nederländerna")),
    ("PL", _("Polen")),
    ("PT", _("Portugal")),
    ("CH", _("Schweiz")),
    ("ES", _("Spanien")),
    ("GB", _("Storbritannien")),
    ("TH", _("Thailand")),
    ("TR", _("Turkiet")),
    ("DE", _("Tyskland")),
    ("US", _("USA")),
    ("AT", _("Österrike")),
]
