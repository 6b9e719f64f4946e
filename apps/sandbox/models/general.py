"""General errands (Allmänna ärenden): the node classes a tenant may report under, and their nodes.

A node class (PM5 NodKlass) is an errand kind such as Störning or Önskemål,
offered by Hämta NodKlassInfoLista for a group (AllmantArende) and a usage
(ExternWebbArende). Each class has its own small tree of nodes (Buller, Lukt,
...), the same under every object: the node walk for a class starts at the
object's root node and goes on down this tree, so a row's Avser reads
"n245612-n900101-n900102" like any other joined node string.
"""

from django.db import models


class ErrandClass(models.Model):
    """A NodKlass; its primary key is NodKlassId."""

    id = models.PositiveIntegerField(primary_key=True)
    group = models.CharField(max_length=40, help_text="NodKlassGruppSystemName, e.g. AllmantArende.")
    usage = models.CharField(max_length=40, help_text="NodKlassAnvändningTypSystemName, e.g. ExternWebbArende.")
    label = models.CharField(max_length=60, help_text="Beteckning, e.g. Störning.")
    code = models.CharField(max_length=10, help_text="Kod, e.g. S.")
    short_label = models.CharField(max_length=20, help_text="Kortbeteckning, e.g. Stör.")
    system_name = models.CharField(max_length=40, unique=True, help_text="SystemName, e.g. Storning.")
    removed = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)
    # ÄrendeKlassTidpunktLista: the points in time an errand of this class records,
    # as [{"id": 1, "system_name": "Intraffat", "label": "Inträffat"}].
    time_points = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name_plural = "errand classes"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label


class ErrandClassNode(models.Model):
    """One node of a class's tree, with PM5's explicit string id."""

    id = models.CharField(max_length=20, primary_key=True)
    errand_class = models.ForeignKey(ErrandClass, on_delete=models.CASCADE, related_name="nodes")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    label = models.CharField(max_length=80, help_text="Visningstext.")
    # The joined ids from the class's top ("n900101-n900102"): below the object's root node in a walk.
    path = models.CharField(max_length=255, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "label"]

    def __str__(self) -> str:
        return f"{self.id} {self.label}"

    @property
    def path_ids(self) -> list[str]:
        return self.path.split("-")
