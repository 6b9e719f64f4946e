"""Kobo's coded values the portal acts on, as enums; each member's value is the wire value of seed 004."""

from enum import StrEnum


class UnitStatus(StrEnum):
    READY = "KLAR_FOR_INNFLYTTING"
    MAINTENANCE = "VEDLIKEHOLD"
    LET = "UTLEID"
    UNAVAILABLE = "IKKE_TILGJENGELIG"


class UnitType(StrEnum):
    ORDINARY = "ORDINAR_BOLIG"
    CARE = "OMSORGSBOLIG"
    STAFF = "TJENESTEBOLIG"
    OTHER = "ANNET_UTLEIEOBJEKT"


class NoticePeriod(StrEnum):
    ONE_MONTH = "MND1"
    THREE_MONTHS = "MND3"
    OTHER = "ANNET"  # the period is in words, annenOppsigelsestid


class NoticeActor(StrEnum):
    TENANT = "LEIETAKER"
    LANDLORD = "UTLEIER"


class LeaseEndReason(StrEnum):
    BOUGHT_WITH_START_LOAN = "KJOPT_BOLIG_MED_STARTLAN"
    BOUGHT_THE_MUNICIPAL_UNIT = "KJOPT_DEN_KOMMUNALE_BOIGEN"  # sic: the wire value (contract K30)
    OTHER_HOUSING_SUPPORT = "FATT_ANNEN_BOLIGBISTAND"
    FOUND_HOUSING_THEMSELVES = "FUNNET_BOLIG_PA_EGENHAND"
    MOVED_OUT_OF_THE_MUNICIPALITY = "FLYTTET_UT_AV_KOMMUNEN"
    SWAPPED_MUNICIPAL_UNIT = "BYTTET_KOMMUNAL_BOLIG"
    IN_AN_INSTITUTION = "ER_PA_INSTITUSJON"
    IN_PRISON = "ER_I_FENGSEL"
    DECEASED = "DOD"
    EXTENSION = "FORLENGELSE"
    OTHER = "ANNET"
