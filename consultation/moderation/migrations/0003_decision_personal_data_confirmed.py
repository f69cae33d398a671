from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("moderation", "0002_decision_revision"),
    ]

    operations = [
        migrations.AddField(
            model_name="moderationdecision",
            name="personal_data_confirmed",
            field=models.BooleanField(default=False, help_text="The moderator confirmed that the detail the screening highlighted is not personal data."),
        ),
    ]
