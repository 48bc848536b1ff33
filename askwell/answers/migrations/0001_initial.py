from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("topic", "Knowledge topic"), ("faq", "FAQ entry"), ("question", "Answered community question")], max_length=20)),
                ("key", models.CharField(max_length=140, unique=True)),
                ("source", models.CharField(choices=[("knowledge", "Knowledge base"), ("question", "Community question")], db_index=True, max_length=20)),
                ("title", models.CharField(max_length=300)),
                ("synonyms", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                ("url", models.CharField(max_length=300)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={"ordering": ["key"]},
        ),
    ]
