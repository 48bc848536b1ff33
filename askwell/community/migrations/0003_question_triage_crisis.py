from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("community", "0002_answer_awaiting_moderation"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="triage_crisis",
            field=models.BooleanField(default=False),
        ),
    ]
