"""Errands v2: GUIDs of errands and rows, IB groups and their invoices, the staff-only
remark (FAST2 anmarkning) and another reporter (FAST2 annanAnmalare).

Existing errands and rows get GUIDs derived from their ids, so a database
migrated twice answers with the same GUIDs; new ones get random GUIDs.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import apps.sandbox.models.errands

GUID_NAMESPACE = uuid.UUID("5f0c2f8e-5a56-4c1e-9d0f-2b7e52a0c001")


def fill_guids(apps, schema_editor):
    for model_name in ("Errand", "ErrandRow"):
        model = apps.get_model("sandbox", model_name)
        for pk in model.objects.values_list("pk", flat=True):
            guid = uuid.uuid5(GUID_NAMESPACE, f"{model_name}:{pk}").hex
            model.objects.filter(pk=pk).update(guid=guid)


class Migration(migrations.Migration):
    dependencies = [
        ("sandbox", "0003_fast2"),
    ]

    operations = [
        migrations.AddField(
            model_name="errand",
            name="guid",
            field=models.CharField(max_length=32, null=True),
        ),
        migrations.AddField(
            model_name="errandrow",
            name="guid",
            field=models.CharField(max_length=32, null=True),
        ),
        migrations.RunPython(fill_guids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="errand",
            name="guid",
            field=models.CharField(default=apps.sandbox.models.errands.new_guid, max_length=32, unique=True),
        ),
        migrations.AlterField(
            model_name="errandrow",
            name="guid",
            field=models.CharField(default=apps.sandbox.models.errands.new_guid, max_length=32, unique=True),
        ),
        migrations.AddField(
            model_name="errand",
            name="reporter_name",
            field=models.CharField(blank=True, max_length=120),
        ),
        migrations.AddField(
            model_name="errand",
            name="reporter_phone",
            field=models.CharField(blank=True, max_length=30),
        ),
        migrations.AddField(
            model_name="errand",
            name="reporter_email",
            field=models.EmailField(blank=True, max_length=254),
        ),
        migrations.AddField(
            model_name="errandrow",
            name="remark",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="errandrow",
            name="estimated_cost",
            field=models.DecimalField(blank=True, decimal_places=4, max_digits=12, null=True),
        ),
        migrations.CreateModel(
            name="IncomingReference",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "reference",
                    models.CharField(db_index=True, help_text="The IB number, e.g. IB-2201-10000.", max_length=20),
                ),
                (
                    "guid",
                    models.CharField(default=apps.sandbox.models.errands.new_guid, max_length=32, unique=True),
                ),
                ("supplier", models.CharField(max_length=120)),
                (
                    "errand",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="incoming_references",
                        to="sandbox.errand",
                    ),
                ),
            ],
            options={"ordering": ["pk"]},
        ),
        migrations.CreateModel(
            name="IncomingInvoice",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "guid",
                    models.CharField(default=apps.sandbox.models.errands.new_guid, max_length=32, unique=True),
                ),
                (
                    "number",
                    models.CharField(help_text="The supplier's own invoice number, e.g. INV000001.", max_length=40),
                ),
                (
                    "reference",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="invoices",
                        to="sandbox.incomingreference",
                    ),
                ),
            ],
            options={"ordering": ["pk"]},
        ),
        migrations.AddField(
            model_name="errandrow",
            name="incoming_reference",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="rows",
                to="sandbox.incomingreference",
            ),
        ),
    ]
