import json

import pytest
from django.core.management import call_command

from consultation.comments.models import Comment
from consultation.people.models import User
from consultation.responses.models import Response


@pytest.fixture
def ready(consultation, catalogue, local_authorities):
    return consultation


def write_lines(path, records):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    return path


def run_import(path, *args):
    """Runs the command as staff would; returns (summary text, problems text)."""
    import io

    out, err = io.StringIO(), io.StringIO()
    call_command("import_feedback", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def summary_value(text: str, label: str) -> int:
    for line in text.splitlines():
        if line.startswith(label):
            return int(line.split()[-1].replace(",", ""))
    raise AssertionError(f"no '{label}' in the summary:\n{text}")


def written() -> dict:
    return {
        "responses": Response.objects.count(),
        "comments": Comment.objects.count(),
        "imported people": User.objects.filter(imported=True).count(),
    }
