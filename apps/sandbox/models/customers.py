"""The landlord's customers and what belongs to each: contact details, leases,
temporary addresses, documents, messages and the housing-queue profile."""

from django.db import models
from django.db.models import F, Q

from apps.sandbox.checksums import validate_personnummer
from apps.sandbox.models.estate import RentalObject


class Customer(models.Model):
    customer_number = models.CharField(max_length=20, unique=True, help_text="Kundnummer, e.g. 15555.")
    personnummer = models.CharField(max_length=12, unique=True, validators=[validate_personnummer])
    first_name = models.CharField(max_length=60)
    last_name = models.CharField(max_length=60)
    customer_since = models.DateField()
    # FAST2's telefon types PM5 has no contact detail for (seed 7.4): {"Arbete": "...", "Avflyttad": "..."}.
    other_phones = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["customer_number"]

    def __str__(self) -> str:
        return f"{self.customer_number} {self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class ContactDetail(models.Model):
    """One e-mail address or phone number; the kinds are Ändra kontaktuppgift's fields."""

    class Kind(models.TextChoices):
        # Values: KontaktuppgiftsTyp.Referensnamn; labels: the PM5 names (contract A43).
        EPOST = "Epost", "E-postadress"
        TELEFON = "Telefonnummer", "Telefon hem"
        MOBIL = "Mobiltelefonnummer", "Mobilnummer"

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="contact_details")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    value = models.CharField(max_length=254)
    validated = models.BooleanField(default=False)

    class Meta:
        ordering = ["customer", "kind"]
        constraints = [models.UniqueConstraint(fields=["customer", "kind"], name="sandbox_one_contact_per_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    @classmethod
    def store(cls, customer: Customer, kind: str, value: str) -> None:
        """The customer's detail of that kind becomes ``value``: "" removes it; a new value is not validated.

        As a landlord's system does when the tenant or staff change it (PM5's Ändra
        kontaktuppgift, FAST2's PUT kund/{id}/kontaktuppgift).
        """
        if not value:
            cls.objects.filter(customer=customer, kind=kind).delete()
            return
        detail = cls.objects.filter(customer=customer, kind=kind).first()
        if detail is None:
            cls.objects.create(customer=customer, kind=kind, value=value, validated=False)
        elif detail.value != value:
            detail.value, detail.validated = value, False
            detail.save(update_fields=["value", "validated"])


class MarketProfile(models.Model):
    """The customer's housing-queue profile (PM5 Marknad), kept minimal."""

    class IncomeType(models.TextChoices):
        LON = "Lon", "Lön"
        PENSION = "Pension", "Pension"
        STUDIEMEDEL = "Studiemedel", "Studiemedel"
        FORSORJNINGSSTOD = "Forsorjningsstod", "Försörjningsstöd"

    customer = models.OneToOneField(Customer, on_delete=models.CASCADE, related_name="market_profile")
    created_at = models.DateTimeField()
    adults = models.PositiveSmallIntegerField(default=1)
    children = models.PositiveSmallIntegerField(default=0)
    income_type = models.CharField(max_length=20, choices=IncomeType.choices)
    employer = models.CharField(max_length=120, blank=True)
    income_since = models.DateField(null=True, blank=True)
    monthly_net_income = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    has_guarantor = models.BooleanField(default=False)
    can_pay_deposit = models.BooleanField(default=False)
    has_capital = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"Profile of {self.customer_id}"


class Lease(models.Model):
    """A customer's contract for an object; its id is PM5's AvtalVersionId."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="leases")
    rental_object = models.ForeignKey(RentalObject, on_delete=models.CASCADE, related_name="leases")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="sandbox_lease_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} → {self.rental_object_id}"


class TemporaryAddress(models.Model):
    """A temporary postal address for notices (tillfällig aviadress); its id is AdressId."""

    # The countries the landlord's register knows (ISO 3166 alpha-2 → name); Land must be one.
    COUNTRIES = {
        "SE": "Sverige",
        "NO": "Norge",
        "DK": "Danmark",
        "FI": "Finland",
        "IS": "Island",
        "EE": "Estland",
        "DE": "Tyskland",
        "PL": "Polen",
        "NL": "Nederländerna",
        "GB": "Storbritannien",
        "FR": "Frankrike",
        "ES": "Spanien",
        "PT": "Portugal",
        "IT": "Italien",
        "GR": "Grekland",
        "CH": "Schweiz",
        "AT": "Österrike",
        "TR": "Turkiet",
        "TH": "Thailand",
        "US": "USA",
    }

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="temporary_addresses")
    name = models.CharField(max_length=120, blank=True)
    attention = models.CharField(max_length=120, blank=True)
    care_of = models.CharField(max_length=120, blank=True)
    street = models.CharField(max_length=120)
    street2 = models.CharField(max_length=120, blank=True)
    postal_code = models.CharField(max_length=10)
    city = models.CharField(max_length=60)
    country_code = models.CharField(max_length=2, default="SE")
    valid_from = models.DateField()
    valid_to = models.DateField(help_text="Inclusive.")

    class Meta:
        verbose_name_plural = "temporary addresses"
        ordering = ["valid_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gte=F("valid_from")), name="sandbox_temporary_address_period_is_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.street}, {self.valid_from}–{self.valid_to}"

    @property
    def country(self) -> str:
        return self.COUNTRIES.get(self.country_code, self.country_code)


class DocumentType(models.Model):
    """PM5 EntitetFilTyp: the heading a document is listed under."""

    id = models.PositiveIntegerField(primary_key=True)
    label = models.CharField(max_length=60)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.label


class Document(models.Model):
    """A stored file or a web link for a customer, a lease or an object; its id is EntitetFilId.

    A document with a customer is that customer's; one with only an object is
    shared by everyone who may use the object (the laundry room's rules).

    The bytes live in Django's storage (the file system in the demo), not in a
    database column: a 20 MB scan in a column is read whole into memory on every
    download, while a stored file is streamed in blocks, and every process sees it.
    """

    class Recipe(models.TextChoices):
        # Large demo files are made on their first download, so a demo build stays small and fast.
        SCANNED_DRAWING = "scanned-drawing", "Skannad ritning"

    document_type = models.ForeignKey(DocumentType, on_delete=models.PROTECT, related_name="documents")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, null=True, blank=True, related_name="documents")
    rental_object = models.ForeignKey(
        RentalObject, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    lease = models.ForeignKey(Lease, on_delete=models.CASCADE, null=True, blank=True, related_name="documents")
    label = models.CharField(max_length=120)
    message = models.CharField(max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(default=50)
    extension = models.CharField(max_length=10, blank=True, help_text="E.g. .PDF; blank for a link.")
    content_type = models.CharField(max_length=100, blank=True)
    file = models.FileField(upload_to="sandbox/documents/", max_length=200, blank=True)
    recipe = models.CharField(
        max_length=20, choices=Recipe.choices, blank=True, help_text="Made into ``file`` on the first download."
    )
    web_url = models.URLField(blank=True)

    class Meta:
        ordering = ["document_type__position", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(customer__isnull=False) | Q(rental_object__isnull=False),
                name="sandbox_document_belongs_somewhere",
            ),
        ]

    def __str__(self) -> str:
        return self.label


class CustomerMessage(models.Model):
    """A message sent to the customer through one channel (PM5 Notifiering*, contract A13)."""

    class Channel(models.TextChoices):
        NYHET = "Nyhet", "Utsida nyhet"
        EPOST = "Epost", "E-post"
        SMS = "Sms", "SMS"

    HELP_TEXTS = {
        "Nyhet": "Nyheter som visas på Mina sidor.",
        "Epost": "Meddelanden som skickas till din e-postadress.",
        "Sms": "Korta meddelanden till din mobiltelefon.",
    }

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="messages")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    notified = models.BooleanField(default=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    abandoned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-completed_at", "pk"]

    def __str__(self) -> str:
        return self.subject
