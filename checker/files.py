"""Paths -> bytes, text and YAML nodes, read safely: what every stage that reads a file uses.

Only regular files are read: a FIFO would block the run forever and ``/dev/zero`` never ends,
so either is refused with what it is. Rules files, the project config, manifests and baselines
have a size limit (``LIMITS``); documents have none. YAML is composed into position-keeping
nodes in one pass over the parser's events, without recursion, so a 2,500-level nesting is a
message rather than a RecursionError, and aliases are counted as they expand, so a 600-byte
alias bomb is refused before it becomes gigabytes. Every failure is a ``FileProblem`` with
the line and column it is about; callers turn it into their own problem type.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
)
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

MIB: Final = 1 << 20
# Size limits, in bytes: far above any hand-written file, far below what would exhaust memory.
LIMITS: Final[dict[str, int]] = {
    "rules": 4 * MIB,  # one rules file
    "config": 1 * MIB,  # factcheck.yaml, pyproject.toml
    "manifest": 16 * MIB,  # sources.yaml: a line or four per document of a large corpus
    "baseline": 64 * MIB,  # about 200,000 accepted findings
}
# YAML nests a few levels in every file the tool reads; 64 is far beyond any of them.
MAX_DEPTH: Final = 64
# Nodes that aliases may add by repeating what they refer to: sharing a list of counted nouns
# between facts adds tens; "a: &a [x, x, …]; b: &b [*a, *a, …]; …" adds billions.
MAX_ALIASED_NODES: Final = 100_000


class FileProblem(Exception):
    """Why a file cannot be read: the message, at a 1-based line and column of the file."""

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


# control characters of a file name, shown escaped
_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f]")


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


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _size(limit: int) -> str:
    return f"{limit // MIB} MiB" if limit >= MIB else f"{limit} bytes"


def _open_regular(path: Path, limit: int | None = None) -> int:
    """A descriptor of the regular file at `path`, opened without blocking (a FIFO is refused
    rather than waited on); FileProblem says why not."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileProblem("no such file") from None
    except OSError as error:
        raise FileProblem(str(error.strerror or error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(f"{_kind(info.st_mode)}, not a regular file")
        if limit is not None and info.st_size > limit:
            raise FileProblem(f"larger than the limit of {_size(limit)} for this kind of file")
    except OSError as error:
        os.close(fd)
        raise FileProblem(str(error.strerror or error)) from None
    except FileProblem:
        os.close(fd)
        raise
    return fd


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The whole content of the regular file at `path` (symbolic links followed); FileProblem
    says why not in a few words ('Permission denied', 'a FIFO, not a regular file').

    Opened without blocking, so a FIFO is refused rather than waited on; a file over `limit`
    bytes (or one that grows past it while read) is refused too.
    """
    fd = _open_regular(path, limit)
    try:
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if limit is not None and total > limit:
                raise FileProblem(f"larger than the limit of {_size(limit)} for this kind of file")
        return b"".join(chunks)
    except OSError as error:
        raise FileProblem(str(error.strerror or error)) from None
    finally:
        os.close(fd)


def read_lines(path: Path) -> Iterator[bytes]:
    """The lines of the regular file at `path`, one at a time (line ends kept), so an export
    of a million records is read in flat memory; FileProblem as for read_bytes."""
    fd = _open_regular(path)
    try:
        with os.fdopen(fd, "rb", closefd=False) as stream:
            try:
                yield from stream
            except OSError as error:
                raise FileProblem(str(error.strerror or error)) from None
    finally:
        os.close(fd)


def decode(raw: bytes) -> str:
    """UTF-8 text (a byte-order mark dropped), line ends as '\\n'; FileProblem at the bad byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"not UTF-8 text (byte {error.start}: {error.reason})"
        raise FileProblem(message, line, col) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, limit: int | None = None) -> str:
    """read_bytes, then decode."""
    return decode(read_bytes(path, limit))


def control_character(text: str) -> str | None:
    """The first control character of `text` other than tab and newline, as 'U+001B'."""
    for char in text:
        if char not in "\t\n" and unicodedata.category(char) == "Cc":
            return f"U+{ord(char):04X}"
    return None


def _position(source: str, offset: int) -> tuple[int, int]:
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def _yaml_problem(source: str, error: YAMLError) -> FileProblem:
    if isinstance(error, ReaderError):
        # the stream's own control characters: "unacceptable character #x001b"
        line, col = _position(source, error.position)
        return FileProblem(f"control character U+{error.character:04X} is not allowed", line, col)
    if isinstance(error, MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return FileProblem(f"invalid YAML: {error.problem or error.context}", line, col)
    return FileProblem(f"invalid YAML: {error}")


def compose_yaml(source: str) -> Node | None:
    """The single YAML document of `source` as position-keeping nodes; None when empty.

    Built from the parser's events with an explicit stack: no recursion, a depth limit, and
    aliases counted by the nodes they repeat. FileProblem says where a limit was passed.
    """
    yaml = YAML(typ="rt")
    resolver = yaml.resolver
    stack: list[tuple[Node, list[object]]] = []
    anchors: dict[str, tuple[Node, int]] = {}
    sizes: list[int] = []  # expanded node count of each open collection
    root: Node | None = None
    documents = 0
    aliased = 0
    try:
        for event in yaml.parse(source):
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise FileProblem(
                        "more than one YAML document ('---') in this file",
                        mark.line + 1,
                        mark.column + 1,
                    )
                continue
            if isinstance(event, MappingEndEvent | SequenceEndEvent):
                node, items = stack.pop()
                size = sizes.pop()
                if isinstance(node, MappingNode):
                    node.value = list(zip(items[::2], items[1::2], strict=True))
                else:
                    node.value = items
                node.end_mark = event.end_mark
                if node.anchor is not None:
                    anchors[str(node.anchor)] = (node, size)
                if sizes:
                    sizes[-1] += size
                root = _attach(stack, node, root)
                continue
            if isinstance(event, AliasEvent):
                name = str(event.anchor)
                if name not in anchors:
                    mark = event.start_mark
                    raise FileProblem(f"undefined alias '*{name}'", mark.line + 1, mark.column + 1)
                node, size = anchors[name]
                aliased += size
                if aliased > MAX_ALIASED_NODES:
                    mark = event.start_mark
                    raise FileProblem(
                        f"aliases repeat more than {MAX_ALIASED_NODES:,} nodes "
                        "(an alias bomb?): write the values out",
                        mark.line + 1,
                        mark.column + 1,
                    )
                if sizes:
                    sizes[-1] += size
                root = _attach(stack, node, root)
                continue
            if isinstance(event, ScalarEvent):
                tag = event.tag
                if tag is None or str(getattr(tag, "value", tag)) == "!":
                    tag = resolver.resolve(ScalarNode, event.value, event.implicit)
                node = ScalarNode(
                    tag, event.value, event.start_mark, event.end_mark, style=event.style
                )
                node.anchor = event.anchor
                if event.anchor is not None:
                    anchors[str(event.anchor)] = (node, 1)
                if sizes:
                    sizes[-1] += 1
                root = _attach(stack, node, root)
                continue
            if isinstance(event, CollectionStartEvent):
                if len(stack) >= MAX_DEPTH:
                    mark = event.start_mark
                    raise FileProblem(
                        f"nested more than {MAX_DEPTH} levels deep", mark.line + 1, mark.column + 1
                    )
                kind = MappingNode if isinstance(event, MappingStartEvent) else SequenceNode
                tag = event.tag
                if tag is None or str(getattr(tag, "value", tag)) == "!":
                    tag = resolver.resolve(kind, None, event.implicit)
                node = kind(tag, [], event.start_mark, event.end_mark, flow_style=event.flow_style)
                node.anchor = event.anchor
                stack.append((node, []))
                sizes.append(1)
    except YAMLError as error:
        raise _yaml_problem(source, error) from None
    return root


def _attach(stack: list[tuple[Node, list[object]]], node: Node, root: Node | None) -> Node | None:
    """Add a finished node to the collection being built, or make it the document's root."""
    if stack:
        stack[-1][1].append(node)
        return root
    return node


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something under a scanned folder that was not read, and why."""

    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class _Folder:
    path: Path
    depth: int
    identity: tuple[int, int]  # (device, inode): the same folder however it was reached
    parent: _Folder | None

    def is_within(self, identity: tuple[int, int]) -> bool:
        folder: _Folder | None = self
        while folder is not None:
            if folder.identity == identity:
                return True
            folder = folder.parent
        return False


def walk(
    top: Path,
    wanted: Callable[[Path], bool],
    max_depth: int | None = None,
    prune: Callable[[Path], bool] | None = None,
) -> tuple[list[Path], list[Skipped]]:
    """The regular files under `top` that `wanted` accepts, sorted; and what was skipped.

    Iterative, so a folder tree of any depth is walked. A symbolic link to a folder is
    followed once: a folder reached again through another link is not scanned twice, and a
    link to a folder it is in (a loop) is skipped with a word. Broken links, folders that
    cannot be listed, and FIFOs, sockets or devices with a wanted name are skipped too, each
    with its reason. `max_depth` (1: only `top`'s own entries) bounds a glob without '**';
    a folder `prune` accepts is not entered (`.venv`, what .gitignore ignores).
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    try:
        info = top.stat()
    except OSError as error:
        return [], [Skipped(top, f"cannot read folder: {error.strerror or error}")]
    start = _Folder(top, 1, (info.st_dev, info.st_ino), None)
    seen = {start.identity}
    stack = [start]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder.path) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as error:
            skipped.append(Skipped(folder.path, f"cannot list folder: {error.strerror or error}"))
            continue
        for entry in entries:
            path = folder.path / entry.name
            try:
                info = path.stat() if entry.is_symlink() else entry.stat()
            except FileNotFoundError:
                skipped.append(Skipped(path, f"broken symbolic link to {_target(path)!r}"))
                continue
            except OSError as error:
                skipped.append(Skipped(path, f"cannot read: {error.strerror or error}"))
                continue
            mode = info.st_mode
            if stat.S_ISDIR(mode):
                if max_depth is not None and folder.depth >= max_depth:
                    continue
                if prune is not None and prune(path):
                    continue
                identity = (info.st_dev, info.st_ino)
                if identity in seen:
                    if folder.is_within(identity):
                        skipped.append(
                            Skipped(path, "symbolic link to a folder it is in (a loop): skipped")
                        )
                    continue  # reached before through another link: its files are listed
                seen.add(identity)
                stack.append(_Folder(path, folder.depth + 1, identity, folder))
            elif wanted(path):
                if stat.S_ISREG(mode):
                    files.append(path)
                else:
                    skipped.append(Skipped(path, f"{_kind(mode)}, not a regular file: skipped"))
    return sorted(files), sorted(skipped, key=lambda s: s.path)


def glob_files(
    pattern: str, wanted: Callable[[Path], bool], prune: Callable[[Path], bool] | None = None
) -> tuple[list[Path], list[Skipped]]:
    """The regular files matching a shell-style `pattern` ('news/**/*.md', '../a/*.txt') that
    `wanted` accepts, sorted; and what was skipped on the way.

    The folder before the first wildcard is walked (see `walk`: links followed once, loops
    skipped), only as deep as the pattern reaches unless it has '**'. As in the shell and
    Python's glob, '*' and '?' never match a '/' or a name's leading '.'; '**' matches any
    number of folders, none included.
    """
    parts = pattern.split("/")
    fixed = 0
    while fixed < len(parts) - 1 and not _MAGIC.search(parts[fixed]):
        fixed += 1
    base = Path("/".join(parts[:fixed]) or ("/" if pattern.startswith("/") else "."))
    rest = parts[fixed:]
    regex = re.compile(_translate(rest))
    depth = None if "**" in rest else len(rest)

    def matches(path: Path) -> bool:
        relative = path.relative_to(base).as_posix()
        return regex.fullmatch(relative) is not None and wanted(path)

    if not base.is_dir():
        return [], []
    return walk(base, matches, depth, prune)


_MAGIC: Final = re.compile(r"[*?\[]")


def _translate(parts: list[str]) -> str:
    """Glob parts -> one regex over a '/'-separated relative path."""
    out: list[str] = []
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        if part == "**":
            out.append(r"(?:(?!\.)[^/]*/)*" if not last else r"(?:(?!\.)[^/]*/)*(?!\.)[^/]*")
            continue
        body = "" if part.startswith(".") else r"(?!\.)"
        i = 0
        while i < len(part):
            char = part[i]
            if char == "*":
                body += "[^/]*"
            elif char == "?":
                body += "[^/]"
            elif char == "[" and (end := part.find("]", i + 2)) > 0:
                inner = part[i + 1 : end]
                negate = inner.startswith("!")
                inner = re.escape(inner[1:] if negate else inner).replace(r"\-", "-")
                body += f"[{'^/' if negate else ''}{inner}]"
                i = end
            else:
                body += re.escape(char)
            i += 1
        out.append(body if last else body + "/")
    return "".join(out)


def _target(path: Path) -> str:
    try:
        return str(path.readlink())
    except OSError:
        return "?"


__all__ = [
    "LIMITS",
    "MAX_ALIASED_NODES",
    "MAX_DEPTH",
    "FileProblem",
    "Skipped",
    "compose_yaml",
    "control_character",
    "decode",
    "display_path",
    "glob_files",
    "read_bytes",
    "read_lines",
    "read_text",
    "shown_path",
    "walk",
]
