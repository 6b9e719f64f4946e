"""Where a link code may go: a contact the landlord already holds for the customer.

Never what was typed at signup: the code proves that the person signing up can
read the landlord's own e-mail or SMS for this customer. Reading PM5's contact
details is kept in contact_for_code() alone, so a change of the client (contact
kinds as an enum, say) is adapted here and nowhere else.
"""

import re
from dataclasses import dataclass

from django.conf import settings

from apps.backends.pm5 import Pm5Client, SessionParts

EMAIL = "email"
SMS = "sms"

# KontaktuppgiftsTyp.Referensnamn (contract A43) → how a code goes there; home phones get none.
CHANNELS = {"epost": EMAIL, "mobiltelefonnummer": SMS}


@dataclass(frozen=True)
class Contact:
    channel: str  # EMAIL or SMS
    address: str

    @property
    def masked(self) -> str:
        return mask_email(self.address) if self.channel == EMAIL else mask_mobile(self.address)


def contact_for_code(client: Pm5Client, session_key: str) -> Contact | None:
    """The contact the code goes to, from the customer's session data; None when there is none.

    Verified contacts before unverified ones, e-mail before mobile (the demo's console shows
    e-mail); a mobile only when there is an SMS sender (SMS_SENDER). BackendError passes
    through for the caller to word.
    """
    session = client.get_session(session_key, SessionParts(customer=True, contact_details=True))
    candidates = []
    for detail in session.contact_details or ():
        kind = str(getattr(detail.kind, "value", detail.kind)).casefold()
        channel = CHANNELS.get(kind)
        if channel == SMS and not settings.SMS_SENDER:
            continue
        if channel and detail.value.strip():
            candidates.append((not detail.verified, channel != EMAIL, Contact(channel, detail.value.strip())))
    candidates.sort(key=lambda candidate: candidate[:2])
    return candidates[0][2] if candidates else None


def mask_email(address: str) -> str:
    """k***@example.se: enough to recognise one's own address, too little to learn somebody else's."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"


def mask_mobile(number: str) -> str:
    """070-*** ** 67, from any way of writing a Swedish mobile number."""
    digits = re.sub(r"\D", "", number)
    if digits.startswith("46"):
        digits = "0" + digits[2:]
    return f"{digits[:3]}-*** ** {digits[-2:]}"
