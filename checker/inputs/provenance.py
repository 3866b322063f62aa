"""Provenance of a document: YAML front matter, a ``sources.yaml`` manifest, and dates.

Front matter at the top of a file, or a manifest beside the files mapping file names to the
same keys, gives a document its outlet, title, published date, url and origin; front matter
wins where both say something. ``published`` is read as a date ('2024-04-14',
'14 April 2024', 'Sun, 14 Apr 2024 10:32:00 +0000') and kept in ISO form; a date that is not
one ('2024-02-30') or could be two ('03/04/2024') is a problem at its line, never a guess.
Every input format reads its own metadata (an HTML page's <meta>, a record's fields) with
``parse_published`` too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Final

from dateutil import parser as dateparser
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode

from checker.files import (
    LIMITS,
    FileProblem,
    compose_yaml,
    control_character,
    read_text,
    shown_path,
)
from checker.model import InputProblem, Location

MANIFEST: Final = "sources.yaml"
PROVENANCE_KEYS: Final = ("title", "outlet", "published", "url", "origin")
_FRONT_MATTER_FENCE: Final = "---"
# '2024-04-14' in form, whatever its numbers: '2024-02-30' is a bad date, not another format
_ISO_FORM: Final = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[T ].*)?")
# three numbers: '14/04/2024', '2024.04.14', '3 4 2024'
_NUMERIC_DATE: Final = re.compile(r"(\d{1,4})[-/. ](\d{1,2})[-/. ](\d{1,4})")
_MONTHS: Final = (
    "January February March April May June July August September October November December"
).split()

# reports a problem at a node of the YAML being read
_Reporter = Callable[[Node | None, str], None]


def problem_at(path: Path, message: str, line: int = 1, col: int = 1) -> InputProblem:
    """An InputProblem at `line`:`col` of `path`, the path shown as reports show it."""
    return InputProblem(Location(shown_path(path), line, col), message)


def split_front_matter(
    path: Path, text: str
) -> tuple[str, dict[str, str], int, list[InputProblem]]:
    """'---\\nkey: value\\n---\\n' at the very top is front matter; the rest is the body."""
    if not text.startswith(_FRONT_MATTER_FENCE + "\n"):
        return text, {}, 1, []
    end = text.find("\n" + _FRONT_MATTER_FENCE, len(_FRONT_MATTER_FENCE))
    if end < 0:
        return text, {}, 1, [problem_at(path, "front matter opened with '---' is never closed")]
    header = text[len(_FRONT_MATTER_FENCE) + 1 : end + 1]
    after = text.find("\n", end + 1)
    body_start = len(text) if after < 0 else after + 1
    body_line = text[:body_start].count("\n") + 1
    meta, problems = _provenance_map(path, header, 1, "front matter", strict=False)
    return text[body_start:], meta.get("", {}), body_line, problems


def read_manifest(path: Path) -> tuple[dict[str, dict[str, str]], list[InputProblem]]:
    if not (path.exists() or path.is_symlink()):
        return {}, []
    try:
        source = read_text(path, LIMITS["manifest"])
    except FileProblem as problem:
        message = f"cannot read manifest: {problem.message}"
        return {}, [problem_at(path, message, problem.line, problem.col)]
    return _provenance_map(path, source, 0, "manifest", strict=True)


def _provenance_map(
    path: Path, source: str, offset: int, what: str, strict: bool
) -> tuple[dict[str, dict[str, str]], list[InputProblem]]:
    """Front matter (`strict` off: one entry under '', other keys allowed) or a manifest
    (`strict`: file name -> provenance, unknown keys are problems). `offset` is the line of
    the file just before `source` begins."""
    problems: list[InputProblem] = []

    def problem(node: Node | None, message: str) -> None:
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
        problems.append(problem_at(path, message, line + offset, col))

    try:
        root = compose_yaml(source)
    except FileProblem as error:
        message = error.message if strict else f"{what}: {error.message}"
        problems.append(problem_at(path, message, error.line + offset, error.col))
        return {}, problems
    if root is None:
        return {}, problems
    if not isinstance(root, MappingNode):
        shape = "maps file names to provenance (outlet, title, …)" if strict else "maps keys"
        problem(root, f"{'a manifest' if strict else 'front matter'} {shape} to values")
        return {}, problems
    if not strict:
        return {"": _provenance(root, problem, strict)}, problems
    manifest: dict[str, dict[str, str]] = {}
    for key, entry in root.value:
        if not isinstance(key, ScalarNode):
            problem(key, "a manifest entry is named by a file name")
            continue
        if not isinstance(entry, MappingNode):
            problem(entry, f"entry {key.value!r} should map keys to values")
            continue
        manifest[str(key.value)] = _provenance(entry, problem, strict)
    return manifest, problems


def _provenance(node: MappingNode, problem: _Reporter, strict: bool) -> dict[str, str]:
    """Provenance keys as strings, `published` as an ISO date; every bad value a problem."""
    out: dict[str, str] = {}
    for key, value in node.value:
        if not isinstance(key, ScalarNode):
            if strict:
                problem(key, "a key should be a plain name")
            continue
        name = str(key.value)
        if name not in PROVENANCE_KEYS:
            if strict:
                problem(key, f"unknown key {name!r}; expected {', '.join(PROVENANCE_KEYS)}")
            continue  # front matter may say other things ('tags:', 'author:')
        if not isinstance(value, ScalarNode):
            problem(value, f"{name} should be a single value")
            continue
        if str(getattr(value.tag, "value", value.tag)).endswith(":null"):
            continue
        text = str(value.value).strip()
        control = control_character(text)
        if control is not None:
            problem(value, f"{name} contains the control character {control}")
            continue
        if name == "published":
            try:
                text = parse_published(text)
            except ValueError as error:
                problem(value, f"published {text!r} {error}")
                continue
        out[name] = text
    return out


def parse_published(text: str) -> str:
    """A publication date as ISO 'YYYY-MM-DD'; ValueError says why it is not one.

    '2024-04-14', '2024-04-14T10:32:00Z', '14 April 2024', 'April 14, 2024' and
    'Sun, 14 Apr 2024 10:32:00 +0000' are 2024-04-14. Numbers alone are read day-first or
    month-first only when just one reading is a date ('15/04/2024'); '03/04/2024' could be
    3 April or 4 March, and a guess would order the claims wrong, so it is refused.
    """
    value = text.strip()
    try:
        return dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError as error:
        if _ISO_FORM.fullmatch(value):
            raise ValueError(f"is not a date: {error}") from None
    numeric = _NUMERIC_DATE.fullmatch(value)
    if numeric:
        return _numeric_date(numeric.group(1), numeric.group(2), numeric.group(3))
    if not re.search(r"[A-Za-z]", value):
        raise ValueError("is not a date: write it as YYYY-MM-DD")
    return _worded_date(value)


def _numeric_date(first: str, second: str, third: str) -> str:
    a, b, c = int(first), int(second), int(third)
    if len(first) == 4:  # a year first is always year, month, day
        candidates = {(a, b, c)}
    elif len(third) == 4:  # day/month/year or month/day/year
        candidates = {(c, b, a), (c, a, b)}
    else:
        raise ValueError("has no four-digit year: write it as YYYY-MM-DD")
    dates = set()
    for year, month, day in candidates:
        try:
            dates.add(dt.date(year, month, day))
        except ValueError:
            continue
    if not dates:
        raise ValueError("is not a date: write it as YYYY-MM-DD")
    if len(dates) > 1:
        readings = " or ".join(_spoken(d) for d in sorted(dates))
        raise ValueError(f"is ambiguous ({readings}): write it as YYYY-MM-DD")
    return dates.pop().isoformat()


def _worded_date(value: str) -> str:
    readings: set[dt.date] = set()
    for dayfirst in (False, True):
        found = []
        # Parsed against two different defaults: a part that changes was not written.
        for default in (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2)):
            try:
                found.append(dateparser.parse(value, default=default, dayfirst=dayfirst))
            except (ValueError, OverflowError):
                raise ValueError("is not a date: write it as YYYY-MM-DD") from None
        first, second = found
        if (first.year, first.month, first.day) != (second.year, second.month, second.day):
            raise ValueError("is not a whole date (year, month and day): write it as YYYY-MM-DD")
        readings.add(first.date())
    if len(readings) > 1:
        spoken = " or ".join(_spoken(d) for d in sorted(readings))
        raise ValueError(f"is ambiguous ({spoken}): write it as YYYY-MM-DD")
    return readings.pop().isoformat()


def _spoken(date: dt.date) -> str:
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"
