"""The housing company and what it owns: properties, buildings, rental objects,
and the node tree under each object that a fault report walks down.

The node tree is PM5's: every object has its own tree of nodes with explicit
string ids ("n245612"), and a fault is reported on a path of them joined with
"-" (the seed's example walk). Node kinds (Kök, Kyl/Frys, ...) are shared, and
carry the fault descriptions a tenant can choose; they double as the FAST2
room and unit type codes.
"""

from django.db import models
from django.db.models import Q


class Company(models.Model):
    """The landlord: printed on invoices, the payee of every notice."""

    name = models.CharField(max_length=120)
    organisation_number = models.CharField(max_length=11)
    bankgiro = models.CharField(max_length=10, help_text="Digits only, with check digit.")
    phone = models.CharField(max_length=30)
    email = models.EmailField()
    website = models.URLField(blank=True)
    street = models.CharField(max_length=120)
    postal_code = models.CharField(max_length=5)
    city = models.CharField(max_length=60)

    class Meta:
        verbose_name_plural = "companies"

    def __str__(self) -> str:
        return self.name


class Property(models.Model):
    """A fastighet, e.g. "Gävle Tallen 4"."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="properties")
    code = models.CharField(max_length=3, unique=True, help_text="First group of object numbers, e.g. 142.")
    designation = models.CharField(max_length=80, help_text="Fastighetsbeteckning.")
    district = models.CharField(max_length=60)

    class Meta:
        verbose_name_plural = "properties"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.designation


class Building(models.Model):
    property = models.ForeignKey(Property, on_delete=models.CASCADE, related_name="buildings")
    name = models.CharField(max_length=60)
    street = models.CharField(max_length=120, help_text="Street and number, e.g. Storgatan 16.")
    postal_code = models.CharField(max_length=5, help_text="Five digits; printed as 123 45.")
    city = models.CharField(max_length=60)
    built_year = models.PositiveSmallIntegerField()
    floors = models.PositiveSmallIntegerField()
    # FAST2's adress.xkoord/ykoord: SWEREF 99 TM easting/northing in metres (the sandbox's reading).
    x = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    y = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["property__code", "name"]

    def __str__(self) -> str:
        return self.street


class KeyHandlingType(models.Model):
    """How the craftsman gets in: "Är hemma", "Huvudnyckel får användas", ..."""

    id = models.PositiveIntegerField(primary_key=True)
    label = models.CharField(max_length=60)
    # FAST2 asks whether the craftsman may enter (tilltrade J/N); this answers it.
    permits_entry = models.BooleanField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label


class RentalObject(models.Model):
    """Something a customer can rent or use: an apartment, a laundry room, a storage room."""

    class Kind(models.TextChoices):
        # The values are PM5's SessionTillgängligtObjekt.Typ, the labels its Typbeteckning.
        BOSTAD = "Bostad", "Bostad"
        TVATTSTUGA = "Tvattstuga", "Tvättstuga"
        FORRAD = "Forrad", "Förråd"

    building = models.ForeignKey(Building, on_delete=models.CASCADE, related_name="rental_objects")
    number = models.CharField(max_length=20, unique=True, help_text="Object number, e.g. 142-043-01.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    type_label = models.CharField(max_length=40, help_text="ObjektTypBeteckning, e.g. Lägenhet.")
    apartment_number = models.CharField(max_length=4, blank=True, help_text="Lantmäteriet's lgh number, e.g. 1102.")
    floor = models.SmallIntegerField(null=True, blank=True)
    rooms = models.PositiveSmallIntegerField(null=True, blank=True)
    area = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True, help_text="m².")
    monthly_rent = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    # Common rooms (laundry) are used by every tenant of the building without a lease of their own.
    is_common = models.BooleanField(default=False)
    fault_reportable = models.BooleanField(default=True)
    key_handling_types = models.ManyToManyField(KeyHandlingType, blank=True, related_name="rental_objects")

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number} {self.type_label}"

    @property
    def street2(self) -> str | None:
        return f"Lgh {self.apartment_number}" if self.apartment_number else None

    @property
    def root_node(self) -> "Node":
        """The top of the object's node tree, where every fault-report walk starts."""
        return self.nodes.get(parent__isnull=True)


class FaultDescriptionType(models.Model):
    """A fault description a tenant can pick (PM5 Felbeskrivningstyp, FAST2 fras)."""

    id = models.PositiveIntegerField(primary_key=True)
    label = models.CharField(max_length=60)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.label


class NodeKind(models.Model):
    """What a node is (Kök, Kyl/Frys, Blandare ...), shared by every object's tree."""

    class Level(models.TextChoices):
        OBJECT = "object", "Objekt"
        ROOM = "room", "Utrymme"
        UNIT = "unit", "Enhet"
        PART = "part", "Del"

    code = models.CharField(max_length=20, primary_key=True, help_text="FAST2 room/unit type code.")
    label = models.CharField(max_length=60)
    level = models.CharField(max_length=10, choices=Level.choices)
    fault_types = models.ManyToManyField(FaultDescriptionType, blank=True, related_name="node_kinds")

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.label


class Node(models.Model):
    """One node of an object's tree, with PM5's explicit string id."""

    class Type(models.TextChoices):
        # PM5 ÄrendeNodstigdel.Typ; ids start n, nk and d respectively (contract A40).
        NOD = "Nod", "Nod"
        NODKLASS = "Nodklass", "Nodklass"
        DETALJ = "Detalj", "Detalj"

    id = models.CharField(max_length=20, primary_key=True)
    rental_object = models.ForeignKey(RentalObject, on_delete=models.CASCADE, related_name="nodes")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    kind = models.ForeignKey(NodeKind, on_delete=models.PROTECT, related_name="nodes")
    type = models.CharField(max_length=10, choices=Type.choices, default=Type.NOD)
    label = models.CharField(max_length=80, help_text="Visningstext.")
    # The joined node string from the object's root ("n245612-n512431-..."), as
    # the walk and SparaÄrendeRad.Avser spell it; stored so a path resolves in one query.
    path = models.CharField(max_length=255, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "label"]
        constraints = [
            models.UniqueConstraint(
                fields=["rental_object"], condition=Q(parent__isnull=True), name="sandbox_node_one_root_per_object"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.id} {self.label}"

    @property
    def path_ids(self) -> list[str]:
        return self.path.split("-")


class Maintenance(models.Model):
    """Planned or done maintenance on an object (PM5 SessionUnderhåll)."""

    rental_object = models.ForeignKey(RentalObject, on_delete=models.CASCADE, related_name="maintenance")
    node = models.ForeignKey(Node, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    action = models.CharField(max_length=40, help_text="E.g. Bytes, Målas.")
    target = models.CharField(max_length=120, help_text="E.g. Badrum / Handdukstork.")
    ordered_on = models.DateField(null=True, blank=True)
    planned_on = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "maintenance"
        ordering = ["planned_on", "pk"]

    def __str__(self) -> str:
        return f"{self.target}: {self.action}"
