from django.db import migrations, models


def label(apps, schema_editor):
    from ideas.loaders import label_ideas

    label_ideas(apps.get_model("ideas", "Idea"))


class Migration(migrations.Migration):
    dependencies = [("ideas", "0002_load_catalogue")]

    operations = [
        migrations.AlterField(
            model_name="idea", name="verb",
            field=models.CharField(max_length=100, help_text="The paper names each idea by a verb."),
        ),
        migrations.AddField(
            model_name="idea", name="title",
            field=models.CharField(
                max_length=60, default="",
                help_text="Short enough for a table cell; built from the paper's label. "
                "Pages, exports and digests all show this.",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="idea", name="paper_label",
            field=models.CharField(
                max_length=200, blank=True,
                help_text="The idea's label in the consultation's own feedback form.",
            ),
        ),
        migrations.RunPython(label, migrations.RunPython.noop),
    ]
