"""The API fuzzed against its own OpenAPI document (schemathesis, through the WSGI app):
every answer is below 500 and matches the document (status, content type, headers, body).

Deterministic: Hypothesis is derandomised (a fixed seed) with a bounded number of examples
per operation, so a run takes the same cases every time."""

from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from coe.wsgi import application
from tests import summary

pytestmark = pytest.mark.django_db
RUN: Counter = Counter()
OPERATIONS: set = set()


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    if RUN["cases"]:
        summary.line(f"Schemathesis: {RUN['cases']} cases over {len(OPERATIONS)} operations")


# The document the app serves, loaded through the app itself. (Loaded when the module is
# collected: schemathesis' fixture loader needs a pytest internal that pytest 9 removed.)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def _data(world, no_abuse_limits):
    """Comments, scores and screening at work behind every case; no abuse limit in the way.
    Requests reach the app as WSGI calls, so, as Django's test client does, the end of a
    request must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=15, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_every_answer_matches_the_document(case):
    RUN["cases"] += 1
    OPERATIONS.add(case.operation.label)
    case.call_and_validate()
