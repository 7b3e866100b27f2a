"""Contract fuzzing: schemathesis generates requests from the app's OpenAPI document and
checks every answer: no 5xx, only documented statuses and content types, bodies that
match their schemas. Against SQLite (the contract does not depend on the database)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.schemas import OpenApiSchema

from backend_stub.app import create_app
from tests.backend.conftest import Seeded, settings_for


@pytest.fixture(scope="module")
def api_schema(sqlite_seeded: Seeded) -> Iterator[OpenApiSchema]:
    app = create_app(settings_for(sqlite_seeded))
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.db.close()


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_contract(case: schemathesis.Case) -> None:
    case.call_and_validate()
