"""A wire agency's credit line -> the origin of a document's unattributed figures.

Syndicated copy opens with a dateline that credits the agency: "GAZA CITY (AP) — …",
"LONDON, April 14 (Reuters) - …", "Washington (AFP) – …". Its unattributed figures are the
agency's reporting, passed on by the outlet that printed it, so two outlets printing one
agency story are one origin even where their wording drifted too far for a wire-copy match.
A document's own `origin:` (front matter or sources.yaml) always wins; the loader sets the
credited agency as the document's origin otherwise (`Document.origin`).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["credited_agency"]

# The dateline: a place in capitals or title case, an optional date, the agency in
# parentheses, then a dash; at the very start of the body (after blank lines).
_DATELINE: Final = re.compile(
    r"""\A\s*(?:[A-Z][A-Za-z.'’-]*(?:[ ][A-Z][A-Za-z.'’-]*){0,3})     # GAZA CITY, Washington
        (?:,\s*[A-Z][A-Za-z.'’-]*(?:[ ][A-Z][A-Za-z.'’-]*){0,2})?      # , Ukraine
        (?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?                          # , April 14
        \s*\((?P<agency>[A-Z][A-Za-z&.'’ -]{1,40}?)\)\s*[—–-]{1,2}\s""",
    re.VERBOSE,
)


def credited_agency(text: str) -> str:
    """The agency the body's dateline credits ("AP", "Reuters", "AFP"), or ''."""
    found = _DATELINE.match(text)
    return " ".join(found.group("agency").split()) if found else ""
