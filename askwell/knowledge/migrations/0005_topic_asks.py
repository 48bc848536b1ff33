from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('knowledge', '0004_pack_near_misses'),
    ]

    operations = [
        migrations.AddField(
            model_name='topic',
            name='asks',
            field=models.JSONField(blank=True, default=list),
        ),
    ]
