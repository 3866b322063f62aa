"""Paths -> Documents: files, folders or globs in; text with its provenance out.

Provenance (outlet, title, published, url) comes from YAML front matter at the top of a file,
or from a ``sources.yaml`` manifest beside the files that maps file names to the same keys;
front matter wins where both say something. A file that cannot be read or decoded becomes an
InputProblem: it is reported and skipped, and the other files are still checked.
"""

from __future__ import annotations

import datetime as dt
import glob
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from checker.model import Document, InputProblem, Location

SUFFIXES: Final = frozenset({".txt", ".md"})
MANIFEST: Final = "sources.yaml"
PROVENANCE_KEYS: Final = ("title", "outlet", "published", "url")
_FRONT_MATTER_FENCE: Final = "---"


def display_path(path: Path) -> Path:
    """The path relative to the working directory when it lies below it; never absolute."""
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd())
        except ValueError:
            return path
    return path


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[InputProblem]]:
    """Files named, files under folders, and glob matches, in a stable order."""
    files: list[Path] = []
    problems: list[InputProblem] = []
    for path in paths:
        text = str(path)
        if any(ch in text for ch in "*?["):
            # glob.glob, not Path.glob: users give absolute and '../' patterns too
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True))  # noqa: PTH207
            found = [m for m in matches if m.is_file() and m.suffix in SUFFIXES]
            if not found:
                problems.append(_problem(path, "no .txt or .md document matches this pattern"))
            files.extend(found)
        elif path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(_problem(path, "no such file or folder"))
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


def iter_documents(paths: Iterable[Path]) -> Iterator[Document | InputProblem]:
    """Stream documents one at a time, so memory stays flat on a large corpus."""
    files, problems = expand_paths(paths)
    yield from problems
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    for file in files:
        if file.parent not in manifests:
            manifests[file.parent], manifest_problems = _read_manifest(file.parent / MANIFEST)
            yield from manifest_problems
        document, problem = _load_one(file, manifests[file.parent].get(file.name, {}))
        if problem is not None:
            yield problem
        if document is not None:
            yield document


def _problem(path: Path, message: str, line: int = 1, col: int = 1) -> InputProblem:
    return InputProblem(Location(display_path(path), line, col), message)


def _load_one(
    path: Path, provenance: dict[str, str]
) -> tuple[Document | None, InputProblem | None]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, _problem(path, f"cannot read: {error.strerror or error}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, _problem(path, f"not UTF-8 text (byte {error.start}: {error.reason})", line)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    body, front, body_line, problem = _split_front_matter(path, text)
    meta = {**provenance, **front}
    shown = display_path(path)
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
    )
    return document, problem


def _split_front_matter(
    path: Path, text: str
) -> tuple[str, dict[str, str], int, InputProblem | None]:
    """'---\\nkey: value\\n---\\n' at the very top is front matter; the rest is the body."""
    if not text.startswith(_FRONT_MATTER_FENCE + "\n"):
        return text, {}, 1, None
    end = text.find("\n" + _FRONT_MATTER_FENCE, len(_FRONT_MATTER_FENCE))
    if end < 0:
        return text, {}, 1, _problem(path, "front matter opened with '---' is never closed")
    header = text[len(_FRONT_MATTER_FENCE) + 1 : end + 1]
    after = text.find("\n", end + 1)
    body_start = len(text) if after < 0 else after + 1
    body_line = text[:body_start].count("\n") + 1
    meta, problem = _parse_provenance(path, header, line_offset=1)
    return text[body_start:], meta, body_line, problem


def _read_manifest(path: Path) -> tuple[dict[str, dict[str, str]], list[InputProblem]]:
    if not path.is_file():
        return {}, []
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return {}, [_problem(path, f"cannot read manifest: {error}")]
    except MarkedYAMLError as error:
        mark = error.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return {}, [_problem(path, f"invalid YAML: {error.problem}", line, col)]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [_problem(path, "a manifest maps file names to provenance (outlet, title, …)")]
    manifest: dict[str, dict[str, str]] = {}
    problems: list[InputProblem] = []
    for name, entry in data.items():
        if not isinstance(entry, dict):
            problems.append(_problem(path, f"entry {name!r} should map keys to values"))
            continue
        manifest[str(name)] = _clean(entry)
        unknown = sorted(set(map(str, entry)) - set(PROVENANCE_KEYS))
        if unknown:
            problems.append(
                _problem(
                    path,
                    f"entry {name!r}: unknown key {unknown[0]!r}; "
                    f"expected {', '.join(PROVENANCE_KEYS)}",
                )
            )
    return manifest, problems


def _parse_provenance(
    path: Path, header: str, line_offset: int
) -> tuple[dict[str, str], InputProblem | None]:
    try:
        data = YAML(typ="safe").load(header)
    except MarkedYAMLError as error:
        mark = error.problem_mark
        line = (mark.line + 1 if mark else 0) + line_offset
        return {}, _problem(path, f"invalid front matter: {error.problem}", line)
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, _problem(path, "front matter should map keys to values", line_offset + 1)
    return _clean(data), None


def _clean(entry: dict[object, object]) -> dict[str, str]:
    """Provenance values as strings; a YAML date becomes its ISO form."""
    out: dict[str, str] = {}
    for key, value in entry.items():
        if value is None:
            continue
        if isinstance(value, dt.date | dt.datetime):
            out[str(key)] = value.isoformat()
        else:
            out[str(key)] = str(value)
    return out
