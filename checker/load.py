"""Paths -> Documents: files, folders or globs in; text with its provenance out.

Each file is read by the loader of its format (``checker.inputs``: text, Markdown, HTML, PDF,
JSONL, CSV, Parquet), chosen by its suffix in any case. Provenance (outlet, title, published,
url, origin) comes from the file itself (front matter, an HTML page's metadata, a record's
fields) or from a ``sources.yaml`` manifest beside the files that maps file names to the same
keys; the file's own wins where both say something (``checker.inputs.provenance``).

A folder or a glob is scanned for files of every format, leaving out what
``checker.inputs.ignore`` excludes (``.git``, ``.venv``, ``node_modules``, build folders, what
``.gitignore`` ignores). A file named on the command line is read
whatever its name; ``-`` is standard input.

A file that cannot be read or decoded becomes an InputProblem: it is reported and skipped,
and the other files are still checked. So does everything a folder scan passes over without
reading (a broken link, a FIFO, a folder that cannot be listed, a link loop), and every bad
record of an export. When nothing at all can be read, the run cannot be made: NoDocuments
(exit 2).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Final

from checker import inputs
from checker.errors import CheckerError
from checker.files import Skipped, display_path, glob_files, shown_path, walk
from checker.inputs import STDIN, InputOptions, Source, format_of
from checker.inputs.ignore import Ignore
from checker.inputs.provenance import (
    MANIFEST,
    PROVENANCE_KEYS,
    parse_published,
    problem_at,
    read_manifest,
)
from checker.model import Document, InputProblem

_GLOB: Final = re.compile(r"[*?\[]")
# the suffixes discovery reads, as messages name them
_NAMED: Final = ".txt, .md, .html, .pdf, .jsonl, .csv or .parquet"
_LOOKED_FOR: Final = _NAMED.replace(" or ", " and ")

__all__ = [
    "MANIFEST",
    "PROVENANCE_KEYS",
    "NoDocuments",
    "display_path",
    "expand_paths",
    "is_document",
    "iter_documents",
    "load_documents",
    "parse_published",
    "shown_path",
]


class NoDocuments(CheckerError):
    """Nothing to check: no path matched a document, or none of them could be read."""


def is_document(path: Path) -> bool:
    """A file of one of the input formats, by its suffix in any case ('REPORT.TXT')."""
    return inputs.is_document(path)


def expand_paths(
    paths: Iterable[Path], options: InputOptions | None = None
) -> tuple[list[Path], list[InputProblem]]:
    """Files named, files under folders, and glob matches, in a stable order; with a problem
    for each path that matched nothing and each thing a scan skipped."""
    options = options if options is not None else inputs.current()
    ignore = Ignore(options.exclude, options.root, options.gitignore)

    def wanted(path: Path) -> bool:
        return is_document(path) and not ignore.ignored(path, is_dir=False)

    def prune(path: Path) -> bool:
        return ignore.ignored(path, is_dir=True)

    files: list[Path] = []
    problems: list[InputProblem] = []
    for path in paths:
        text = str(path)
        skipped: list[Skipped]
        if path == STDIN:
            found, skipped = [path], []
        elif _GLOB.search(text):
            found, skipped = glob_files(text, wanted, prune)
            if not found:
                problems.append(problem_at(path, f"no {_NAMED} document matches this pattern"))
        elif path.is_dir():
            found, skipped = walk(path, wanted, prune=prune)
            if not found and not skipped:
                problems.append(problem_at(path, f"no {_NAMED} document in this folder"))
        elif path.exists():
            # named on the command line: read whatever it is, and say why if it cannot be
            found, skipped = [path], []
        elif path.is_symlink():
            problems.append(problem_at(path, "broken symbolic link"))
            continue
        else:
            problems.append(problem_at(path, "no such file or folder"))
            continue
        files.extend(found)
        problems.extend(problem_at(s.path, s.reason) for s in skipped)
    # a file named twice is read once, where it was first named (linear: corpora are large)
    unique: dict[str, Path] = {}
    for file in files:
        unique.setdefault(str(file) if file == STDIN else os.path.realpath(file), file)
    return list(unique.values()), problems


def load_documents(
    paths: Iterable[Path], options: InputOptions | None = None
) -> tuple[list[Document], list[InputProblem]]:
    """Read every document under `paths`; unreadable ones become problems, the rest load."""
    documents: list[Document] = []
    problems: list[InputProblem] = []
    for item in iter_documents(paths, options=options):
        if isinstance(item, Document):
            documents.append(item)
        else:
            problems.append(item)
    return documents, problems


def iter_documents(
    paths: Iterable[Path],
    found: Callable[[int], None] | None = None,
    options: InputOptions | None = None,
) -> Iterator[Document | InputProblem]:
    """Stream documents one at a time, so memory stays flat on a large corpus; `found` is
    told how many files there are before the first is read (for a progress bar).

    NoDocuments at the end when not one document could be read, listing every problem met.
    """
    options = options if options is not None else inputs.current()
    paths = list(paths)
    files, problems = expand_paths(paths, options)
    if found is not None:
        found(len(files))
    met = list(problems)
    yield from problems
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    loaded = 0
    for file in files:
        provenance: dict[str, str] = {}
        if file != STDIN:
            if file.parent not in manifests:
                manifests[file.parent], manifest_problems = read_manifest(file.parent / MANIFEST)
                met.extend(manifest_problems)
                yield from manifest_problems
            provenance = manifests[file.parent].get(file.name, {})
        for item in _load(file, provenance, options):
            if isinstance(item, Document):
                loaded += 1
            else:
                met.append(item)
            yield item
    if not loaded:
        named = ", ".join(p.as_posix() for p in paths)
        why = (
            f"none of the {len(files)} documents found could be read"
            if len(files) > 1
            else "the document found could not be read"
            if files
            else f"no documents matched {named} (looked for {_LOOKED_FOR} files, in any case)"
        )
        raise NoDocuments("\n".join([*map(str, met), f"{why}; nothing was checked"]))


def _load(
    path: Path, provenance: dict[str, str], options: InputOptions
) -> Iterator[Document | InputProblem]:
    """The documents of one file, by the loader of its format (text when it has none)."""
    name = options.stdin_name if path == STDIN else path
    source = Source(
        path=path,
        shown=shown_path(name),
        provenance=provenance,
        options=options,
        format=format_of(name) or "text",
    )
    yield from inputs.loader(source.format).load(source)
