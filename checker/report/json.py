"""CheckResult -> JSON: exactly ``CheckResult.to_records()``, with a schema version."""

from __future__ import annotations

import json as _json
from typing import Final

from checker.model import CheckResult

SCHEMA_VERSION: Final = 1


def render(result: CheckResult) -> str:
    """The full result as indented JSON."""
    return (
        _json.dumps(
            {"version": SCHEMA_VERSION, **result.to_records()}, indent=2, ensure_ascii=False
        )
        + "\n"
    )
