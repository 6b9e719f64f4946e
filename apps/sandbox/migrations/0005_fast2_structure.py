import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('sandbox', '0004_errands_v2'),
    ]

    operations = [
        migrations.CreateModel(
            name='UnitRecord',
            fields=[
                ('node', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='unit_record', serialize=False, to='sandbox.node')),
                ('installed_on', models.DateField(blank=True, help_text='installationsdatum', null=True)),
                ('maintained_on', models.DateField(blank=True, help_text='underhallsdatum: the latest maintenance.', null=True)),
                ('serial_number', models.CharField(blank=True, max_length=60)),
                ('attribute', models.CharField(blank=True, help_text='egenskap, e.g. a colour or a model.', max_length=120)),
                ('warranty_months', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('quantity', models.DecimalField(blank=True, decimal_places=2, help_text='mangd', max_digits=10, null=True)),
                ('note', models.CharField(blank=True, help_text='notering', max_length=200)),
            ],
        ),
    ]
