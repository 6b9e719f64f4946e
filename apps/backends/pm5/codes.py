"""PM5's coded values as enums, so no code outside apps.backends compares a Swedish code.

Each member's value is the code as the seed spells it; the backend's casing may
differ (contract A05/A14/A20) and is read case-insensitively (apps.backends.wire.code).
A ContactKind is a str, so a map keyed by the wire spelling still finds it.
"""

from enum import StrEnum


class NoticeKind(StrEnum):
    """SessionAviseringTyp.Referensnamn (contract A27)."""

    RENT_NOTICE = "Avi"
    INVOICE = "Faktura"


class ContactKind(StrEnum):
    """KontaktuppgiftsTyp.Referensnamn (contract A43)."""

    EMAIL = "Epost"
    PHONE = "Telefonnummer"
    MOBILE = "Mobiltelefonnummer"


class DistributionChannel(StrEnum):
    """How a notice was sent: DistribueradTill.Typ."""

    DIRECT_LETTER = "brev.direkt"
    LETTER = "brev"
    EMAIL = "epost"

    @property
    def is_letter(self) -> bool:
        return self in (DistributionChannel.DIRECT_LETTER, DistributionChannel.LETTER)


class PaymentChannel(StrEnum):
    """BetalningsförmedlareSystemnamn: the giro a notice is paid through."""

    BANKGIRO = "BG"
    PLUSGIRO = "PG"


class AddressKind(StrEnum):
    """SessionAdress.AdressTypReferensnamn (contract A33)."""

    POSTAL = "kund.post"
    VISITING = "kund.besok"


class MessageChannelKind(StrEnum):
    """NotifieringKanalTyp.SystemName: how a message from the landlord was sent (000:152-157)."""

    NEWS = "Nyhet"
    EMAIL = "Epost"
    SMS = "Sms"
