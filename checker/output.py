"""Rendered reports -> files: every output written whole, the set replaced as one, no input lost.

The guarantee, for every command that writes files (``check -o/--csv``, ``baseline -o``,
``extract -o``):

- An output that resolves to a file the run reads (a document, a rules file, the project
  config, the baseline, a ``sources.yaml``) is refused before anything is read or written:
  ``r.json`` and ``./sub/../r.json`` are one path, and so are a link and its target.
- Each regular file is staged first (a temporary file beside it, named with the run's process
  id), then all of them are renamed into place. A failure while staging (a full disk, a
  folder that cannot be written) removes the staged files and leaves every old output as it
  was. Between the first and the last rename a journal lists what is left to do: if the run
  is killed there, the next run that writes to that folder finishes the renames before it
  does anything else, so the set is never left mixed; temporary files of runs that died
  before renaming are removed then too.
- A symbolic link to a regular file is followed (the file is replaced, the link kept); a
  device node or FIFO (``/dev/null``, ``/dev/stdout``, a named pipe) is written through and
  never replaced; a folder or socket is refused. An output in a folder that does not exist
  creates it.

The guarantee is against failures and killed processes; the files are not fsynced, so a
power cut may still lose the last write, as with any editor's save.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from checker.errors import CheckerError

STAGED: Final = ".factcheck-tmp"  # '.report.json.<random>.<pid>.factcheck-tmp'
JOURNAL: Final = ".factcheck-commit"  # '.factcheck-commit.<pid>.json'
_STAGED_NAME: Final = re.compile(r"^\..*\.(?P<pid>\d+)" + re.escape(STAGED) + "$")
_JOURNAL_NAME: Final = re.compile(r"^" + re.escape(JOURNAL) + r"\.(?P<pid>\d+)\.json$")


class OutputError(CheckerError):
    """An output that cannot or must not be written: 'PATH: why'."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where one output goes: `given` as the user wrote it, `real` the file that changes."""

    given: Path
    real: Path
    through: bool  # a device or FIFO: written to as it is, never replaced


def same_file_key(path: Path) -> str:
    """One key for every spelling of a path: 'r.json', './sub/../r.json', a link to it."""
    return os.path.realpath(path)


def target(path: Path) -> Target:
    """What writing `path` means; OutputError for a folder, a socket or anything else."""
    try:
        info = path.stat()  # follows links: /dev/stdout is the pipe or terminal behind it
    except FileNotFoundError:
        return Target(path, Path(same_file_key(path)), False)  # new, or a dangling link
    except OSError as error:
        raise OutputError(f"{path.as_posix()}: cannot write: {error.strerror}") from None
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return Target(path, Path(same_file_key(path)), False)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode):
        return Target(path, path, True)
    kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
    raise OutputError(f"{path.as_posix()}: cannot write: it is {kind}")


def refuse_inputs(outputs: Iterable[Path], inputs: Iterable[tuple[str, Path]]) -> None:
    """OutputError when an output is a file the run reads, by any spelling or hard link."""
    by_key: dict[str, tuple[str, Path]] = {}
    by_inode: dict[tuple[int, int], tuple[str, Path]] = {}
    for kind, path in inputs:
        by_key.setdefault(same_file_key(path), (kind, path))
        with suppress(OSError):
            info = path.stat()
            by_inode.setdefault((info.st_dev, info.st_ino), (kind, path))
    for output in outputs:
        found = by_key.get(same_file_key(output))
        if found is None:
            with suppress(OSError):
                info = output.stat()
                if stat.S_ISREG(info.st_mode):
                    found = by_inode.get((info.st_dev, info.st_ino))
        if found is not None:
            kind, path = found
            raise OutputError(
                f"{output.as_posix()}: refusing to write over the {kind} {path.as_posix()} "
                "this run reads; choose another output path"
            )


def write_outputs(contents: Sequence[tuple[Path, str | Iterable[str]]]) -> None:
    """Write every (path, text) as one set: all staged, then all renamed (see the module).
    A text may come in pieces as they are made (`factcheck extract` streams its listing)."""
    targets = [(target(path), text) for path, text in contents]
    files = [(t, text) for t, text in targets if not t.through]
    for folder in sorted({t.real.parent for t, _ in files}):
        recover(folder)
    staged: list[tuple[Path, Path]] = []
    current = files[0][0].given if files else Path()
    try:
        for found, text in files:
            current = found.given
            staged.append((_stage(found, text), found.real))
        _commit(staged)
    except OSError as error:
        for temporary, _ in staged:
            with suppress(OSError):
                temporary.unlink()
        message = f"{current.as_posix()}: cannot write: {error.strerror or error}"
        raise OutputError(message) from None
    for found, text in targets:
        if found.through:
            try:
                with found.given.open("w", encoding="utf-8", newline="") as handle:
                    for piece in _pieces(text):
                        handle.write(piece)
            except OSError as error:
                message = f"{found.given.as_posix()}: cannot write: {error.strerror or error}"
                raise OutputError(message) from None


def _mode(path: Path) -> int:
    """The mode a plain open() would leave: an existing file keeps its own, a new one gets
    0o666 less the umask (mkstemp's 0o600 would hide a CI artifact from everyone else)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _pieces(text: str | Iterable[str]) -> Iterable[str]:
    return [text] if isinstance(text, str) else text


def _stage(found: Target, text: str | Iterable[str]) -> Path:
    folder = found.real.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(
        dir=folder, prefix=f".{found.real.name}.", suffix=f".{os.getpid()}{STAGED}"
    )
    temporary = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="", errors="backslashreplace") as out:
            for piece in _pieces(text):
                out.write(piece)
        temporary.chmod(_mode(found.real))
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _commit(staged: list[tuple[Path, Path]]) -> None:
    """Rename every staged file into place; with several, under a journal for recovery."""
    if not staged:
        return
    journal: Path | None = None
    if len(staged) > 1:
        journal = staged[0][1].parent / f"{JOURNAL}.{os.getpid()}.json"
        pairs = [[str(temporary), str(final)] for temporary, final in staged]
        ready = journal.with_name(f"{journal.name}.{os.getpid()}{STAGED}")
        ready.write_text(json.dumps(pairs), encoding="utf-8")
        ready.replace(journal)  # the journal appears whole, or not at all
    try:
        for temporary, final in staged:
            temporary.replace(final)
    finally:
        if journal is not None:
            journal.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def recover(folder: Path) -> list[Path]:
    """Finish the renames of a run that died while renaming into `folder`, then remove the
    staged files of runs that died before; the files changed or removed, for tests."""
    try:
        names = [entry.name for entry in folder.iterdir()]
    except OSError:
        return []
    touched: list[Path] = []
    for name in sorted(names):
        match = _JOURNAL_NAME.match(name)
        if match is None or _alive(int(match.group("pid"))):
            continue
        journal = folder / name
        with suppress(OSError, ValueError, TypeError):
            for temporary, final in json.loads(journal.read_text(encoding="utf-8")):
                if Path(temporary).exists():
                    Path(temporary).replace(final)
                    touched.append(Path(final))
        with suppress(OSError):
            journal.unlink()
            touched.append(journal)
    for name in sorted(names):
        match = _STAGED_NAME.match(name)
        if match is None or _alive(int(match.group("pid"))):
            continue
        with suppress(OSError):
            (folder / name).unlink()
            touched.append(folder / name)
    return touched


__all__ = [
    "JOURNAL",
    "STAGED",
    "OutputError",
    "Target",
    "append_text",
    "recover",
    "refuse_inputs",
    "same_file_key",
    "target",
    "write_outputs",
]


def append_text(path: Path, text: str) -> None:
    """Add `text` at the end of the file at `path` in one write (a job summary that other
    steps' tools write to as well); OutputError if it cannot be written."""
    try:
        with path.open("a", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as error:
        raise OutputError(f"{path.as_posix()}: cannot write: {error.strerror}") from None
