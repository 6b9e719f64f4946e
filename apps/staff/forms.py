from datetime import time

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.backends.fast2 import (
    STATUS_LABELS,
    Activity,
    Contact,
    Event,
    EventChange,
    EventType,
    Planning,
    Priority,
    TimeEntry,
    TimeInput,
)
from apps.backends.fast2.types import NewWorkOrder, Reporter
from apps.staff.services import QueueFilters


def optional_date(label) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )


def optional_time(label) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Skriv tiden som TT:MM.")},
    )


def customer_number_field(label, help_text) -> forms.RegexField:
    """A customer number, optional: digits only. It may be personal, so it travels only in a POST."""
    return forms.RegexField(
        label=label,
        required=False,
        max_length=20,
        regex=r"^[0-9]+$",
        help_text=help_text,
        error_messages={"invalid": _("Skriv kundnumret med siffror.")},
    )


PRIORITIES = [(Priority.NORMAL.value, _("Normal")), (Priority.URGENT.value, _("Akut"))]


MINE, EVERYONES = "mina", "alla"


class QueueFilterForm(forms.Form):
    """The queue's filters; for a technician (a staff member with a FAST2 resource) also whose work orders."""

    scope = forms.ChoiceField(
        label=_("Utförare"),
        required=False,
        choices=[(MINE, _("Mina arbetsorder")), (EVERYONES, _("Alla utförare"))],
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alla"))] + list(STATUS_LABELS.items())
    )
    priority = forms.ChoiceField(label=_("Prioritet"), required=False, choices=[("", _("Alla")), *PRIORITIES])
    object_id = forms.RegexField(
        label=_("Objekt"),
        required=False,
        max_length=20,
        regex=r"^[0-9A-Za-z-]+$",
        help_text=_("Objektsnummer, till exempel 142-043-01."),
        error_messages={"invalid": _("Skriv objektsnumret med siffror och bindestreck.")},
    )
    created_after = optional_date(_("Registrerad från och med"))
    modified_after = optional_date(_("Ändrad från och med"))
    text = forms.CharField(label=_("Fritext"), required=False, max_length=100, help_text=_("Ärendenummer, rum, fel."))

    def __init__(self, data, *, resource_id: str = ""):
        if resource_id and not data.get("scope"):
            data = data.copy()
            data["scope"] = MINE  # a technician's queue opens on their own work orders
        super().__init__(data)
        self.resource_id = resource_id
        if not resource_id:
            del self.fields["scope"]

    @property
    def mine(self) -> bool:
        return bool(self.resource_id) and self.is_valid() and self.cleaned_data.get("scope") == MINE

    def filters(self) -> QueueFilters:
        data = self.cleaned_data
        return QueueFilters(
            performer=self.resource_id if self.mine else "",
            status=data["status"],
            priority=data["priority"],
            object_id=data["object_id"],
            created_after=data["created_after"],
            modified_after=data["modified_after"],
            text=data["text"].strip(),
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=list(STATUS_LABELS.items()))


class EventForm(forms.Form):
    type_code = forms.ChoiceField(label=_("Typ"))
    title = forms.CharField(label=_("Rubrik"), max_length=120)
    text = forms.CharField(label=_("Text"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, event_types: list[EventType], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type_code"].choices = [(t.code, t.label) for t in event_types]


class AttachForm(EventForm):
    """A photo or PDF for the work order, linked in a händelse of its own (its title defaults to the file's name)."""

    file = forms.FileField(
        label=_("Fil"),
        required=False,
        help_text=_("En bild (JPEG eller PNG) eller en PDF, högst 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "file")
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].label = _("Rubrik för filen")
        self.fields["type_code"].label = _("Händelsetyp")
        self.fields["title"].help_text = _("Blir filens namn om du lämnar det tomt.")


class EventChangeForm(EventForm):
    """A händelse changed: what it says, and the days it is active (only a change sets those)."""

    active_from = optional_date(_("Aktiv från och med"))
    active_to = optional_date(_("Aktiv till och med"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "event")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        start, end = data.get("active_from"), data.get("active_to")
        if start and end and end < start:
            self.add_error("active_to", _("Slutdatumet ska vara samma dag som startdatumet eller senare."))
        return data

    def change(self) -> EventChange:
        return EventChange(**self.cleaned_data)

    @staticmethod
    def initial_for(event: Event) -> dict:
        return {
            "type_code": event.type_code,
            "title": event.title,
            "text": event.text,
            "active_from": event.active_from,
            "active_to": event.active_to,
        }


class PriorityForm(forms.Form):
    priority = forms.ChoiceField(label=_("Prioritet"), choices=PRIORITIES, widget=forms.RadioSelect)


class PlanningForm(forms.Form):
    day = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD."), "required": _("Skriv ett datum.")},
    )
    from_time = forms.TimeField(
        label=_("Från klockan"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Skriv tiden som TT:MM."), "required": _("Skriv när tiden börjar.")},
    )
    to_time = optional_time(_("Till klockan"))

    def clean(self):
        data = super().clean()
        start, end = data.get("from_time"), data.get("to_time")
        if start and end and end <= start:
            self.add_error("to_time", _("Sluttiden ska vara efter starttiden."))
        return data

    def planning(self) -> Planning:
        data = self.cleaned_data
        return Planning(day=data["day"], from_time=_clock(data["from_time"]), to_time=_clock(data["to_time"]))


def _clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Namn"), max_length=120)
    mobile = forms.CharField(label=_("Mobiltelefon"), required=False, max_length=30)
    other_phone = forms.CharField(label=_("Annat telefonnummer"), required=False, max_length=30)
    email = forms.EmailField(label=_("E-post"), required=False)
    note = forms.CharField(label=_("Anmärkning"), required=False, max_length=200, help_text=_("Till exempel god man."))
    valid_from = optional_date(_("Gäller från"))
    valid_to = optional_date(_("Gäller till och med"))

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("Slutdatumet ska vara samma dag som startdatumet eller senare."))
        return data

    def contact(self) -> Contact:
        return Contact(**self.cleaned_data)

    @classmethod
    def initial_for(cls, contact: Contact) -> dict:
        return {name: getattr(contact, name) for name in cls.base_fields}


class TimeForm(forms.Form):
    """A tid: a day, an activity, and how long (hours and minutes, or from and to on the clock)."""

    activity = forms.TypedChoiceField(label=_("Aktivitet"), coerce=int)
    day = forms.DateField(
        label=_("Arbetsdag"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD."), "required": _("Skriv ett datum.")},
    )
    hours = forms.IntegerField(
        label=_("Timmar"), required=False, min_value=0, max_value=999, widget=forms.NumberInput(attrs={"min": 0})
    )
    minutes = forms.IntegerField(
        label=_("Minuter"), required=False, min_value=0, max_value=59, widget=forms.NumberInput(attrs={"min": 0})
    )
    start_time = optional_time(_("Började klockan"))
    end_time = optional_time(_("Slutade klockan"))

    def __init__(self, *args, activities: list[Activity], **kwargs):
        kwargs.setdefault("prefix", "time")
        super().__init__(*args, **kwargs)
        self.fields["activity"].choices = [(a.id, a.text) for a in activities]

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("Sluttiden ska vara efter starttiden."))
        elif not (data.get("hours") or data.get("minutes")) and not (start and end):
            if "hours" not in self.errors and "minutes" not in self.errors:
                self.add_error("hours", _("Skriv hur länge, i timmar och minuter eller från och till klockan."))
        return data

    def time_input(self) -> TimeInput:
        data = self.cleaned_data
        return TimeInput(
            hours=data["hours"] or 0,
            minutes=data["minutes"] or 0,
            start_time=_clock(data["start_time"]),
            end_time=_clock(data["end_time"]),
            date_from=data["day"],
            date_to=data["day"],
            activity_id=data["activity"],
        )

    @staticmethod
    def initial_for(entry: TimeEntry) -> dict:
        return {
            "activity": entry.activity_id,
            "day": entry.date_from,
            "hours": entry.hours,
            "minutes": entry.minutes,
            "start_time": entry.start_time,
            "end_time": entry.end_time,
        }


def _amount_field(label) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        localize=True,
        error_messages={"invalid": _("Skriv ett belopp, till exempel 1250,50.")},
    )


class WorkOrderForm(forms.Form):
    """The work order's own fields staff may change (PUT arbetsorder); the rest has its own form."""

    description = forms.CharField(
        label=_("Beskrivning"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    remark = forms.CharField(
        label=_("Anmärkning (endast personal)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    action_taken = forms.CharField(label=_("Åtgärd"), required=False, max_length=40)
    unit_note = forms.CharField(label=_("Notering om enheten"), required=False, max_length=200)
    kind_code = forms.ChoiceField(
        label=_("Typ"), choices=[("F", _("Felanmälan")), ("U", _("Underhåll"))], widget=forms.RadioSelect
    )
    access_code = forms.ChoiceField(
        label=_("Tillträde"),
        required=False,
        choices=[("J", _("Ja, utföraren får gå in")), ("N", _("Nej"))],
        widget=forms.RadioSelect,
    )
    performer_id = forms.RegexField(
        label=_("Utförare (resurs-id)"),
        required=False,
        max_length=40,
        regex=r"^[0-9A-Za-z_-]+$",
        help_text=_("FAST2:s id för resursen, till exempel R12."),
        error_messages={"invalid": _("Skriv resursens id med bokstäver och siffror.")},
    )

    room_id = forms.IntegerField(label=_("Utrymme"), required=False, widget=forms.Select)
    unit_id = forms.IntegerField(
        label=_("Enhet"),
        required=False,
        widget=forms.Select,
        help_text=_("Enheterna i arbetsorderns utrymme. Byt utrymme och spara först för att välja en enhet där."),
    )
    phrase_id = forms.IntegerField(label=_("Fel"), required=False, widget=forms.Select)
    customer_number = customer_number_field(_("Byt kund (kundnummer)"), _("Lämna tomt för att behålla kunden."))
    account = forms.CharField(label=_("Konto"), required=False, max_length=20)
    cost_centre = forms.CharField(label=_("Kostnadsställe"), required=False, max_length=20)
    project = forms.CharField(label=_("Projekt"), required=False, max_length=20)
    cost = _amount_field(_("Kostnad (kr)"))
    material_cost = _amount_field(_("Materialkostnad (kr)"))
    to_invoice = forms.BooleanField(label=_("Faktureras"), required=False)
    invoice_amount = _amount_field(_("Fakturabelopp (kr)"))

    def __init__(self, *args, places=None, **kwargs):
        kwargs.setdefault("prefix", "wo")
        super().__init__(*args, **kwargs)
        self.offer(places)

    def offer(self, places) -> None:
        """The utrymmen, enheter and fraser to choose from; without them, where it is stays as it is."""
        nothing = [("", _("Inget valt"))]
        if places is None:  # a closed work order
            for name in ("room_id", "unit_id", "phrase_id"):
                self.fields.pop(name, None)
            return
        self.fields["room_id"].widget.choices = nothing + [(r.id, r.name) for r in places.rooms]
        self.fields["unit_id"].widget.choices = nothing + [(u.id, u.name) for u in places.units]
        self.fields["phrase_id"].widget.choices = nothing + [(p.id, p.text) for p in places.phrases]

    def clean(self):
        data = super().clean()
        if data.get("invoice_amount") and not data.get("to_invoice"):
            self.add_error("invoice_amount", _("Ett fakturabelopp kräver att arbetet faktureras."))
        return data

    def wanted(self) -> dict:
        return {name: value.strip() if isinstance(value, str) else value for name, value in self.cleaned_data.items()}


CUSTOMER, OTHER = "kund", "annan"


def _level(label, choose_again) -> forms.TypedChoiceField:
    """A level below the objekt: optional, its choices set by the level above."""
    return forms.TypedChoiceField(
        label=label, required=False, coerce=int, empty_value=None, error_messages={"invalid_choice": choose_again}
    )


class NewWorkOrderForm(forms.Form):
    """A new work order: where (the fixed structure, narrowed step by step), how urgent, who reported it, what."""

    customer_number = customer_number_field(
        _("Kundnummer"), _("När en hyresgäst ringer: hämta kunden och börja från deras objekt.")
    )
    property = forms.ChoiceField(
        label=_("Fastighet"), error_messages={"required": _("Välj fastighet."), "invalid_choice": _("Välj fastighet.")}
    )
    object_id = forms.ChoiceField(
        label=_("Objekt"),
        error_messages={"required": _("Välj objekt."), "invalid_choice": _("Välj objektet igen.")},
    )
    room = _level(_("Utrymme"), _("Välj utrymmet igen."))
    unit = _level(_("Enhet"), _("Välj enheten igen."))
    phrase = _level(_("Fel"), _("Välj felet igen."))
    priority = forms.ChoiceField(label=_("Prioritet"), choices=PRIORITIES, widget=forms.RadioSelect)
    access_code = forms.ChoiceField(
        label=_("Tillträde"),
        choices=[("J", _("Ja, utföraren får gå in")), ("N", _("Nej"))],
        widget=forms.RadioSelect,
    )
    reporter = forms.ChoiceField(
        label=_("Anmälare"),
        choices=[(CUSTOMER, _("Kunden själv")), (OTHER, _("Någon annan"))],
        widget=forms.RadioSelect,
    )
    reporter_name = forms.CharField(label=_("Anmälarens namn"), required=False, max_length=120)
    reporter_phone = forms.CharField(label=_("Anmälarens telefon"), required=False, max_length=30)
    reporter_email = forms.EmailField(label=_("Anmälarens e-post"), required=False, max_length=254)
    description = forms.CharField(
        label=_("Beskrivning"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Beskriv felet.")},
    )
    remark = forms.CharField(
        label=_("Anmärkning (endast personal)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    # The fields that narrow another's choices, from the top of the structure down.
    WALK = ("property", "object_id", "room", "unit", "phrase")

    def __init__(self, *args, choices: dict[str, list[tuple[str, str]]], **kwargs):
        kwargs.setdefault("prefix", "ny")
        super().__init__(*args, **kwargs)
        for name in self.WALK:
            empty = [("", _("Välj"))] if name in ("property", "object_id") else [("", _("Inget valt"))]
            self.fields[name].choices = empty + choices.get(name, [])

    def clean(self):
        data = super().clean()
        if (
            data.get("reporter") == CUSTOMER
            and not data.get("customer_number")
            and "customer_number" not in self.errors
        ):
            self.add_error("customer_number", _("Skriv kundnumret, eller välj att någon annan anmäler."))
        if data.get("reporter") == OTHER and not data.get("reporter_name"):
            self.add_error("reporter_name", _("Skriv vem som anmäler."))
        if data.get("phrase") and not data.get("unit"):
            self.add_error("unit", _("Välj enheten som felet gäller."))
        return data

    def order(self) -> NewWorkOrder:
        data = self.cleaned_data
        other = data["reporter"] == OTHER
        return NewWorkOrder(
            object_id=data["object_id"],
            room_id=data["room"],
            unit_id=data["unit"],
            phrase_id=data["phrase"],
            description=data["description"].strip(),
            remark=data["remark"].strip(),
            customer_number=data["customer_number"],
            reporter=Reporter(
                data["reporter_name"].strip(), data["reporter_phone"].strip() or None, data["reporter_email"] or None
            )
            if other
            else None,
            priority_code=data["priority"],
            access_code=data["access_code"],
            origin="Internt",  # ursprung: registered by the landlord's own staff
        )


class ResourceForm(forms.Form):
    """The FAST2 resource a staff member works as, among the utförare FAST2 shows."""

    resource = forms.ChoiceField(
        label=_("Din FAST2-resurs (utförare)"),
        help_text=_("Bara en administratör kan ändra den när den är sparad."),
        error_messages={
            "required": _("Välj din resurs."),
            "invalid_choice": _("FAST2 har ingen utförare med det id:t. Välj bland dem som listan visar."),
        },
    )

    def __init__(self, *args, performers, **kwargs):
        super().__init__(*args, **kwargs)
        self.performers = {p.id: p for p in performers}
        self.fields["resource"].choices = [("", _("Välj"))] + [(p.id, f"{p.name} ({p.id})") for p in performers]

    def performer(self):
        return self.performers[self.cleaned_data["resource"]]
