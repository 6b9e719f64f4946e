"""The tenant's own data as one JSON document: everything the portal holds about their account.

Each app says what it holds (its ``held_for``); this puts them together. What the
landlord's system holds is not here: the portal only passes it through.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext

from apps.accounts import account_data
from apps.contacts import services as contacts
from apps.faults.services import account_data as faults
from apps.inbox import services as inbox
from apps.kobo.services import account_data as kobo
from apps.sharing import services as sharing

FORMAT = "mina-sidor-export/1"


def document(user) -> dict:
    return {
        "format": FORMAT,
        "exported_at": timezone.now(),
        "about": gettext(
            "Det här är allt som Mina sidor själv sparar om ditt konto. Hyresavtal, fakturor, ärenden och "
            "kontaktuppgifter finns i hyresvärdens system: fråga hyresvärden om dem."
        ),
        **account_data.held_for(user),
        "fault_reports": faults.held_for(user),
        "email_changes": contacts.held_for(user),
        "read_messages": inbox.held_for(user),
        "shared_errands": sharing.held_for(user),
        "notices_of_termination": kobo.held_for(user),
    }


def as_json(user) -> bytes:
    return json.dumps(document(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()
