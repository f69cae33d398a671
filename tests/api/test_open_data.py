"""The open data as a stranger downloads it: a Frictionless Data Package that validates,
with a data dictionary for every column, nothing screening flags and no group under 5."""

import csv
import io
import json

import pytest
from django.urls import reverse
from frictionless import Package

from tests import summary
from tests.api.conftest import FLAGGED

pytestmark = pytest.mark.django_db


def download(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Access-Control-Allow-Origin"] == "*"
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def package_dir(client, world, tmp_path):
    """The package as a person saves it: datapackage.json and every file beside it."""
    descriptor = json.loads(download(client, reverse("api:datapackage")))
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    for resource in descriptor["resources"]:
        url = reverse("api:open_data") + resource["path"]
        (tmp_path / resource["path"]).write_bytes(download(client, url))
    return tmp_path


def rows(directory, name) -> list[dict]:
    return list(csv.DictReader(io.StringIO((directory / f"{name}.csv").read_text(encoding="utf-8"))))


def test_the_data_package_validates_with_frictionless(package_dir):
    package = Package(str(package_dir / "datapackage.json"))
    report = package.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((package_dir / "datapackage.json").read_text())
    assert descriptor["licenses"][0]["name"] == "OGL-UK-3.0"
    names = [resource["name"] for resource in descriptor["resources"]]
    assert names == ["comments", "focus-area-scores", "delivery-option-scores", "themes", "strands",
                     "focus-areas", "ideas", "delivery-options"]
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            assert len(field["description"]) > 5, (resource["name"], field["name"])
    counted = {task.name: task.stats["rows"] for task in report.tasks}
    summary.line(f"Open data: datapackage valid={report.valid}, {len(report.tasks)} tables, "
                 f"{sum(counted.values())} rows ({', '.join(f'{k} {v}' for k, v in counted.items())})")


def test_comments_leave_out_what_screening_flags_and_all_names(package_dir, world, client):
    comments = rows(package_dir, "comments")
    text = (package_dir / "comments.csv").read_text()
    assert [c["text"] for c in comments] == ["Shared tools would help.", "We could build this.",
                                             "A council host knows the work.", "Agreed, and cheaper."]
    assert FLAGGED not in text and "07700" not in text
    for personal in ("Olu Officer", "Sam Supplier", "olu@leeds", "Supplier Ltd", "Hidden words", "Pending words",
                     "Withdrawn words"):
        assert personal not in text, personal
    assert {(c["organisation"], c["region"]) for c in comments if c["organisation_type"] == "other"} == {("", "")}
    api = client.get(reverse("api:comments")).json()
    assert [c["id"] for c in api["results"]] == [int(c["id"]) for c in comments]
    page = client.get(reverse("api:open_data")).content.decode()
    assert "It has 4 comments; 1 more is left out because the text may contain personal data" in page


def test_the_page_counts_a_hidden_comment_out_at_once(world, client, moderator):
    from consultation.comments.models import Comment
    from consultation.moderation import lifecycle

    assert "It has 4 comments" in client.get(reverse("api:open_data")).content.decode()
    shown = Comment.objects.get(body="Agreed, and cheaper.")
    lifecycle.comment_moderate(comment=shown, moderator=moderator, to_state=Comment.State.HIDDEN,
                               reason="Off topic", seen_revision=shown.revision)
    page = client.get(reverse("api:open_data")).content.decode()
    assert "It has 3 comments; 1 more is left out" in page  # as comments.csv and the API say now


def test_no_figure_describes_fewer_than_5_people(package_dir, world):
    for name in ("focus-area-scores", "delivery-option-scores"):
        table = rows(package_dir, name)
        shown = [row for row in table if row["suppressed"] == "false"]
        hidden = [row for row in table if row["suppressed"] == "true"]
        assert shown and hidden, name
        assert all(int(row["answers"]) >= 5 for row in shown)
        assert all(row["answers"] == row["mean"] == row["median"] == "" for row in hidden)
    option = next(r for r in rows(package_dir, "delivery-option-scores") if r["delivery_option"] == world["option"].slug)
    assert (option["answers"], option["mean"]) == ("5", "5.0")


def test_the_page_explains_every_file_and_column_to_anyone(client, catalogue):
    page = client.get(reverse("api:open_data"))
    assert page.status_code == 200
    html = page.content.decode()
    from consultation.api.data_package import TABLES

    for table in TABLES:
        assert f'id="{table.name}"' in html and table.path in html
        for name, *_ in table.fields:
            assert f"<code>{name}</code>" in html, (table.name, name)
    assert "Open Government Licence v3.0" in html
    for table in TABLES:
        if table.name != "comments":
            assert client.get(reverse("api:open_data_table", args=[table.name])).status_code == 200
    assert client.get(reverse("api:open_data_table", args=["people"])).status_code == 404


def test_frictionless_catches_a_broken_reference(package_dir):
    """The foreign keys are checked: a score for a focus area the catalogue lacks fails."""
    scores = package_dir / "focus-area-scores.csv"
    scores.write_text(scores.read_text().replace("improving-data-quality", "no-such-area", 1))
    report = Package(str(package_dir / "datapackage.json")).validate()
    assert not report.valid
    assert "foreign-key" in {row[0] for row in report.flatten(["type"])}
