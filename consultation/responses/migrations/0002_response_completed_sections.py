from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("responses", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="response",
            name="completed_sections",
            field=models.JSONField(
                blank=True, default=list,
                help_text="The steps of the task list the respondent has marked as completed (their slugs).",
            ),
        ),
    ]
