"""PM5 routes. Fixed segments match in any case and with or without a trailing
slash (contract A36); the session key is the segment after /session (A01)."""

import re

from django.urls import URLPattern, re_path

from apps.sandbox.pm5 import (
    addresses_views,
    contacts_views,
    economy_views,
    errands_views,
    general_views,
    inspections_views,
    notifications_views,
    offers_views,
    sharing_views,
    views,
)

KEY = r"(?P<session_key>[^/]+)"


def ci(segment: str) -> str:
    """A fixed segment in any case. Spelled as character classes, not (?i), which
    Django cannot reverse: one such pattern would break every reverse() of the site."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in segment)


def route(pattern: str, view, name: str) -> URLPattern:
    return re_path(rf"^{pattern}/?$", view, name=name)


SESSION = ci("session")
KUND = ci("kund")
CONTACT = ci("andrakontaktuppgift")

urlpatterns = [
    route(SESSION, views.open_session, "pm5-open-session"),
    route(rf"{SESSION}/{KEY}", views.session_detail, "pm5-session"),
    # Temporary addresses, permanent addresses and contact details.
    route(
        rf"{SESSION}/{KEY}/{KUND}/{ci('tillfalligaadresser')}",
        addresses_views.temporary_addresses,
        "pm5-temporary-addresses",
    ),
    route(
        rf"{SESSION}/{KEY}/{KUND}/{ci('sparatillfalligadress')}",
        addresses_views.save_temporary_address,
        "pm5-save-temporary-address",
    ),
    route(rf"{SESSION}/{KEY}/{CONTACT}", contacts_views.change_contact_details, "pm5-change-contact-details"),
    route(rf"{SESSION}/{KEY}/{CONTACT}/{ci('validera')}", contacts_views.confirm_contact_detail, "pm5-confirm-contact"),
    # SessionAdresserGet: the seed's /v1 belongs to a real base URL (A33); the sandbox answers both forms.
    route(rf"{SESSION}/{KEY}/{KUND}/{ci('adresser')}", addresses_views.customer_addresses, "pm5-customer-addresses"),
    route(
        rf"{ci('v1')}/{SESSION}/{KEY}/{KUND}/{ci('adresser')}",
        addresses_views.customer_addresses,
        "pm5-customer-addresses-v1",
    ),
]

# Fault reports and errands: the node walk (Id is the dash-joined node path), create, read, row files.
ARENDE = ci("arende")
urlpatterns += [
    route(
        rf"{SESSION}/{KEY}/{ARENDE}/{ci('typ')}/(?P<errand_type>[^/]+)/(?P<usage>[^/]+)/(?P<path>[^/]+)",
        errands_views.node_walk,
        "pm5-node-walk",
    ),
    route(rf"{SESSION}/{KEY}/{ARENDE}", errands_views.create_errand, "pm5-create-errand"),
    route(rf"{SESSION}/{KEY}/{ARENDE}/{ci('sparaerbjudanden')}", offers_views.save_offer_answers, "pm5-save-offers"),
    route(rf"{SESSION}/{KEY}/{ARENDE}/(?P<errand_id>[0-9]+)", errands_views.errand_detail, "pm5-errand"),
    route(
        rf"{SESSION}/{KEY}/{ci('arenderadfil')}/(?P<errand_id>[0-9]+)/(?P<row_id>[0-9]+)/(?P<file_id>[0-9]+)",
        errands_views.errand_row_file,
        "pm5-errand-row-file",
    ),
]

# Invoices and documents: Hämta utskrift (the notice PDF) and Hämta dokument (a stored file).
urlpatterns += [
    route(
        rf"{SESSION}/{KEY}/{KUND}/{ci('ekonomi')}/{ci('avisering')}/(?P<notice_id>[^/]+)",
        economy_views.notice_print,
        "pm5-notice-print",
    ),
    route(rf"{SESSION}/{KEY}/{KUND}/{ci('dokument')}/(?P<file_id>[^/]+)", economy_views.document_file, "pm5-document"),
]

# Messages: Hämta en bilaga. Sharing an errand: the key's own path outside /session (000:711), and the
# sandbox-defined endpoints that make and withdraw a key (README, "Sharing an errand").
urlpatterns += [
    route(
        rf"{SESSION}/{KEY}/{ci('notifieringBilagaFil')}/(?P<message_id>[^/]+)/(?P<external_id>[^/]+)",
        notifications_views.message_attachment,
        "pm5-message-attachment",
    ),
    route(
        rf"{SESSION}/{KEY}/{ARENDE}/(?P<errand_id>[0-9]+)/{ci('delningsnyckel')}",
        sharing_views.create_share_key,
        "pm5-create-share-key",
    ),
    route(
        rf"{SESSION}/{KEY}/{ARENDE}/(?P<errand_id>[0-9]+)/{ci('delningsnyckel')}/(?P<share_key>[^/]+)",
        sharing_views.revoke_share_key,
        "pm5-revoke-share-key",
    ),
    route(rf"{ARENDE}/(?P<share_key>[^/]+)", sharing_views.shared_errand, "pm5-shared-errand"),
]

# Inspections: Hämta besiktningsprotokoll (the boolean is the incoming tenant's side, A29).
urlpatterns += [
    route(
        rf"{SESSION}/{KEY}/{ARENDE}/{ci('protokoll')}/(?P<errand_id>[0-9]+)/(?P<incoming>[^/]+)",
        inspections_views.inspection_protocol,
        "pm5-inspection-protocol",
    ),
]

# Hämta NodKlassInfoLista: GET /session/{key}/{NodKlassGruppSystemName}. Last, so that every fixed
# segment above wins (A34): a group named like one of them is unreachable.
urlpatterns += [
    route(rf"{SESSION}/{KEY}/(?P<group>[^/]+)", general_views.errand_classes, "pm5-errand-classes"),
]
