"""CheckResult -> JSON: exactly ``CheckResult.to_records()``, indented.

The schema is versioned (``"version"``, ``RESULT_SCHEMA_VERSION`` in the model) and
documented as a JSON Schema in ``docs/report.schema.json``.
"""

from __future__ import annotations

import json as _json

from checker.model import CheckResult


def render(result: CheckResult) -> str:
    """The full result as indented JSON."""
    return _json.dumps(result.to_records(), indent=2, ensure_ascii=False) + "\n"
