"""Public pages of the portal itself, readable without logging in."""

from datetime import date

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

# When the portal's accessibility was last assessed and the statement last revised.
# Change them together with the statement's text, after a new review.
ASSESSED_ON = date(2026, 12, 1)
UPDATED_ON = date(2026, 12, 1)
# Where anyone may report that the landlord does not follow the law (DIGG's form).
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (tillgänglighetsredogörelse), after DIGG's model."""
    context = {
        "landlord": settings.LANDLORD_NAME or _("Hyresvärden"),
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "assessed_on": ASSESSED_ON,
        "updated_on": UPDATED_ON,
        "digg_report_url": DIGG_REPORT_URL,
    }
    return render(request, "pages/accessibility.html", context)
