"""Loads the portal's own copy of the catalogue (ideas/data/catalogue.py).

Takes the model classes as arguments so that the data migration can pass its
historical models and tests can pass the real ones.
"""

from django.utils.text import slugify

from ideas.data import catalogue
from ideas.data.labels import IDEA_LABELS

APPENDIX_URL = catalogue.SOURCE_URL + "appendix-2-more-on-possible-mechanisms-for-change/"


def load_catalogue(Theme, DeliveryStrand, FocusArea, Idea) -> None:  # noqa: N803 (model classes)
    themes = {
        slug: Theme.objects.create(slug=slug, title=title, summary=summary, position=position)
        for position, (slug, title, summary) in enumerate(catalogue.THEMES, start=1)
    }
    strands = {
        slug: DeliveryStrand.objects.create(
            slug=slug, title=title, system_factor=factor, summary=summary, position=position
        )
        for position, (slug, title, factor, summary) in enumerate(catalogue.DELIVERY_STRANDS, start=1)
    }
    for position, row in enumerate(catalogue.FOCUS_AREAS, start=1):
        slug, title, label, theme, strand, in_table, page, summary, ideas = row
        area = FocusArea.objects.create(
            slug=slug,
            title=title,
            short_label=label,
            theme=themes[theme],
            delivery_strand=strands[strand],
            in_six_theme_table=in_table,
            source_url=APPENDIX_URL + page,
            summary=summary,
            position=position,
        )
        Idea.objects.bulk_create(
            Idea(focus_area=area, slug=slugify(verb), verb=verb, summary=text, position=number)
            for number, (verb, text) in enumerate(ideas, start=1)
        )
    label_ideas(Idea)


def label_ideas(Idea) -> None:  # noqa: N803 (a model class)
    """Gives each idea its paper label and short title (ideas/data/labels.py). Migration 0002
    runs before the fields exist; 0003 adds them and calls this."""
    if not any(field.name == "paper_label" for field in Idea._meta.get_fields()):
        return
    for idea in Idea.objects.select_related("focus_area"):
        idea.paper_label, idea.title = IDEA_LABELS.get((idea.focus_area.slug, idea.verb), ("", idea.verb))
        idea.save(update_fields=["paper_label", "title"])
