"""Paths -> Documents: files, folders or globs in; text with its provenance out.

Provenance (outlet, title, published, url) comes from YAML front matter at the top of a file,
or from a ``sources.yaml`` manifest beside the files that maps file names to the same keys;
front matter wins where both say something. ``published`` is read as a date ('2024-04-14',
'14 April 2024', 'Sun, 14 Apr 2024 10:32:00 +0000') and kept in ISO form; a date that is not
one ('2024-02-30') or could be two ('03/04/2024') is a problem at its line, never a guess.

A file that cannot be read or decoded becomes an InputProblem: it is reported and skipped,
and the other files are still checked. So does everything a folder scan passes over without
reading (a broken link, a FIFO, a folder that cannot be listed, a link loop). When nothing at
all can be read, the run cannot be made: NoDocuments (exit 2).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final

from dateutil import parser as dateparser
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode

from checker.credit import credited_agency
from checker.errors import CheckerError
from checker.files import (
    LIMITS,
    FileProblem,
    compose_yaml,
    control_character,
    decode,
    glob_files,
    read_bytes,
    read_text,
    walk,
)
from checker.model import Document, InputProblem, Location

SUFFIXES: Final = frozenset({".txt", ".md"})  # matched in any case: '.TXT', '.Md'
MANIFEST: Final = "sources.yaml"
PROVENANCE_KEYS: Final = ("title", "outlet", "published", "url", "origin")
_FRONT_MATTER_FENCE: Final = "---"
_GLOB: Final = re.compile(r"[*?\[]")
_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f]")
# '2024-04-14' in form, whatever its numbers: '2024-02-30' is a bad date, not another format
_ISO_FORM: Final = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[T ].*)?")
# three numbers: '14/04/2024', '2024.04.14', '3 4 2024'
_NUMERIC_DATE: Final = re.compile(r"(\d{1,4})[-/. ](\d{1,2})[-/. ](\d{1,4})")
_MONTHS: Final = (
    "January February March April May June July August September October November December"
).split()


# reports a problem at a node of the YAML being read
_Reporter = Callable[[Node | None, str], None]


class NoDocuments(CheckerError):
    """Nothing to check: no path matched a document, or none of them could be read."""


def display_path(path: Path) -> Path:
    """The path relative to the working directory when it lies below it; never absolute."""
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd())
        except ValueError:
            return path
    return path


def shown_path(path: Path) -> Path:
    """display_path, with the bytes of a name that is not UTF-8 and its control characters
    escaped ('\\xff.txt', 'a\\x0ab.txt'): the file system allows such names, but no report
    could print the first, a newline in the second would cut 'file:line:col' in two, and
    U+FFFD for each would make two names one. Only for showing and naming: files are read by
    their real path."""
    shown = display_path(path)
    text = str(shown)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if _CONTROL.search(text):
        text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return Path(text) if text != str(shown) else shown


def is_document(path: Path) -> bool:
    """A '.txt' or '.md' file, in any case: 'REPORT.TXT' is a document too."""
    return path.suffix.lower() in SUFFIXES


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[InputProblem]]:
    """Files named, files under folders, and glob matches, in a stable order; with a problem
    for each path that matched nothing and each thing a scan skipped."""
    files: list[Path] = []
    problems: list[InputProblem] = []
    for path in paths:
        text = str(path)
        if _GLOB.search(text):
            found, skipped = glob_files(text, is_document)
            if not found:
                problems.append(_problem(path, "no .txt or .md document matches this pattern"))
        elif path.is_dir():
            found, skipped = walk(path, is_document)
            if not found and not skipped:
                problems.append(_problem(path, "no .txt or .md document in this folder"))
        elif path.exists():
            # named on the command line: read whatever it is, and say why if it cannot be
            found, skipped = [path], []
        elif path.is_symlink():
            problems.append(_problem(path, "broken symbolic link"))
            continue
        else:
            problems.append(_problem(path, "no such file or folder"))
            continue
        files.extend(found)
        problems.extend(_problem(s.path, s.reason) for s in skipped)
    # a file named twice is read once, where it was first named (linear: corpora are large)
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return list(unique.values()), problems


def load_documents(paths: Iterable[Path]) -> tuple[list[Document], list[InputProblem]]:
    """Read every document under `paths`; unreadable ones become problems, the rest load."""
    documents: list[Document] = []
    problems: list[InputProblem] = []
    for item in iter_documents(paths):
        if isinstance(item, Document):
            documents.append(item)
        else:
            problems.append(item)
    return documents, problems


def iter_documents(
    paths: Iterable[Path], found: Callable[[int], None] | None = None
) -> Iterator[Document | InputProblem]:
    """Stream documents one at a time, so memory stays flat on a large corpus; `found` is
    told how many files there are before the first is read (for a progress bar).

    NoDocuments at the end when not one document could be read, listing every problem met.
    """
    paths = list(paths)
    files, problems = expand_paths(paths)
    if found is not None:
        found(len(files))
    met = list(problems)
    yield from problems
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    loaded = 0
    for file in files:
        if file.parent not in manifests:
            manifests[file.parent], manifest_problems = _read_manifest(file.parent / MANIFEST)
            met.extend(manifest_problems)
            yield from manifest_problems
        document, file_problems = _load_one(file, manifests[file.parent].get(file.name, {}))
        met.extend(file_problems)
        yield from file_problems
        if document is not None:
            loaded += 1
            yield document
    if not loaded:
        named = ", ".join(p.as_posix() for p in paths)
        why = (
            f"none of the {len(files)} documents found could be read"
            if len(files) > 1
            else "the document found could not be read"
            if files
            else f"no documents matched {named} (looked for .txt and .md files, in any case)"
        )
        raise NoDocuments("\n".join([*map(str, met), f"{why}; nothing was checked"]))


def _problem(path: Path, message: str, line: int = 1, col: int = 1) -> InputProblem:
    return InputProblem(Location(shown_path(path), line, col), message)


def _load_one(path: Path, provenance: dict[str, str]) -> tuple[Document | None, list[InputProblem]]:
    try:
        raw = read_bytes(path)
    except FileProblem as problem:
        return None, [_problem(path, f"cannot read: {problem.message}")]
    try:
        text = decode(raw)
    except FileProblem as problem:
        return None, [_problem(path, problem.message, problem.line, problem.col)]
    body, front, body_line, problems = _split_front_matter(path, text)
    meta = {**provenance, **front}
    shown = shown_path(path)
    document = Document(
        # the path, not the stem: 'a/report.txt' and 'b/report.txt' are two documents
        id=shown.as_posix(),
        path=shown,
        text=body,
        title=meta.get("title", ""),
        outlet=meta.get("outlet", ""),
        published=meta.get("published", ""),
        url=meta.get("url", ""),
        body_line=body_line,
        # an agency's dateline ("GAZA CITY (AP) — …") says whose reporting it is
        origin=meta.get("origin", "") or credited_agency(body),
    )
    return document, problems


def _split_front_matter(
    path: Path, text: str
) -> tuple[str, dict[str, str], int, list[InputProblem]]:
    """'---\\nkey: value\\n---\\n' at the very top is front matter; the rest is the body."""
    if not text.startswith(_FRONT_MATTER_FENCE + "\n"):
        return text, {}, 1, []
    end = text.find("\n" + _FRONT_MATTER_FENCE, len(_FRONT_MATTER_FENCE))
    if end < 0:
        return text, {}, 1, [_problem(path, "front matter opened with '---' is never closed")]
    header = text[len(_FRONT_MATTER_FENCE) + 1 : end + 1]
    after = text.find("\n", end + 1)
    body_start = len(text) if after < 0 else after + 1
    body_line = text[:body_start].count("\n") + 1
    meta, problems = _provenance_map(path, header, 1, "front matter", strict=False)
    return text[body_start:], meta.get("", {}), body_line, problems


def _read_manifest(path: Path) -> tuple[dict[str, dict[str, str]], list[InputProblem]]:
    if not (path.exists() or path.is_symlink()):
        return {}, []
    try:
        source = read_text(path, LIMITS["manifest"])
    except FileProblem as problem:
        message = f"cannot read manifest: {problem.message}"
        return {}, [_problem(path, message, problem.line, problem.col)]
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
        problems.append(_problem(path, message, line + offset, col))

    try:
        root = compose_yaml(source)
    except FileProblem as error:
        message = error.message if strict else f"{what}: {error.message}"
        problems.append(_problem(path, message, error.line + offset, error.col))
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
