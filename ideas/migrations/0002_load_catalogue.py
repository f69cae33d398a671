from django.db import migrations
from django.utils.text import slugify

from ideas.data import catalogue


def load_catalogue(apps, schema_editor):
    Theme = apps.get_model("ideas", "Theme")
    DeliveryStrand = apps.get_model("ideas", "DeliveryStrand")
    FocusArea = apps.get_model("ideas", "FocusArea")
    Idea = apps.get_model("ideas", "Idea")

    themes = {}
    for position, (slug, title, summary) in enumerate(catalogue.THEMES, start=1):
        themes[slug] = Theme.objects.create(
            slug=slug, title=title, summary=summary, position=position
        )
    strands = {}
    for position, (slug, title, factor, summary) in enumerate(catalogue.DELIVERY_STRANDS, start=1):
        strands[slug] = DeliveryStrand.objects.create(
            slug=slug, title=title, system_factor=factor, summary=summary, position=position
        )
    for position, row in enumerate(catalogue.FOCUS_AREAS, start=1):
        slug, title, label, theme, strand, in_table, page, summary, ideas = row
        area = FocusArea.objects.create(
            slug=slug,
            title=title,
            short_label=label,
            theme=themes[theme],
            delivery_strand=strands[strand],
            in_six_theme_table=in_table,
            source_url=catalogue.SOURCE_URL
            + "appendix-2-more-on-possible-mechanisms-for-change/"
            + page,
            summary=summary,
            position=position,
        )
        for idea_position, (verb, idea_summary) in enumerate(ideas, start=1):
            Idea.objects.create(
                focus_area=area,
                slug=slugify(verb),
                verb=verb,
                summary=idea_summary,
                position=idea_position,
            )


def unload_catalogue(apps, schema_editor):
    for name in ("Idea", "FocusArea", "DeliveryStrand", "Theme"):
        apps.get_model("ideas", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("ideas", "0001_initial")]

    operations = [migrations.RunPython(load_catalogue, unload_catalogue)]
