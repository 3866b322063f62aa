"""The project config -> Config: default paths, outputs and rule defaults for every run.

Read from ``factcheck.yaml``, else from ``[tool.factcheck]`` in ``pyproject.toml``, in the
working directory or the nearest folder above it that has one (the YAML file wins when both
exist, as ``ruff.toml`` wins over ``pyproject.toml`` for ruff), or from the file given with
``--config``. Both are validated like rules files: every problem at its ``file:line:col``,
with a hint, raised together as one RuleError.

    # factcheck.yaml
    paths: [news]                    # what `check` reads without PATHS (default: .)
    rules: [rules]
    outputs:                         # written by every `check` (FORMAT: PATH)
      csv: reports/discrepancies.csv
    exclude: [drafts/, "*.tmp.md"]   # gitignore patterns a folder scan leaves out
    fields:                          # which field of a JSONL/CSV/Parquet record holds what
      text: body
      published: date
      outlet: source.name
    defaults:
      tolerance: 5%
      single_source: off
    engine: dask                     # where extraction runs: local (default) or dask
    scheduler: tcp://10.0.0.5:8786   # a Dask scheduler's address (implies engine: dask)

Paths in the config are relative to the config file's folder, so a run from any folder of
the project reads the same files.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ruamel.yaml.error import StreamMark
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from checker.engine import EngineName
from checker.errors import RuleError, RuleProblem
from checker.files import (
    LIMITS,
    MAX_DEPTH,
    FileProblem,
    compose_yaml,
    display_path,
    read_text,
    shown_path,
)
from checker.inputs import FIELD_NAMES, Fields
from checker.model import Location
from checker.rules import Reader, RuleDefaults, read_defaults

CONFIG_FILE: Final = "factcheck.yaml"
PYPROJECT: Final = "pyproject.toml"
CONFIG_KEYS: Final = (
    "defaults", "engine", "exclude", "fields", "outputs", "paths", "rules", "scheduler",
)  # fmt: skip
# The report formats an `outputs` entry may name (the CLI's --format choices).
OUTPUT_FORMATS: Final = (
    "terminal", "concise", "json", "csv", "sarif", "junit", "github", "markdown", "html",
)  # fmt: skip
# keys of earlier versions: the message says what they are called now
_RENAMED_KEYS: Final = {"output": "outputs", "excludes": "exclude"}
# keys of earlier versions still read as their new name ('documents' was 'paths' before 0.2)
_ALIASES: Final = {"documents": "paths"}
_TOML_KEY: Final = re.compile(r"""^\s*(?P<key>[A-Za-z0-9_-]+|"[^"]*")\s*=""")
_TOML_TABLE: Final = re.compile(r"^\s*\[\s*(?P<name>[^\]]+?)\s*\]\s*(?:#.*)?$")


@dataclass(frozen=True, slots=True)
class Config:
    """What the project config says; empty paths mean 'use the command's default'."""

    path: Path | None = None
    rules: tuple[Path, ...] = ()
    paths: tuple[Path, ...] = ()
    defaults: RuleDefaults = field(default_factory=RuleDefaults)
    engine: EngineName | None = None  # None: the command line's, else local
    scheduler: str | None = None  # a Dask scheduler's address
    outputs: tuple[tuple[str, Path], ...] = ()  # (format, path) written by every check
    exclude: tuple[str, ...] = ()  # gitignore-style patterns, relative to `root`
    fields: Fields = field(default_factory=Fields)
    root: Path = Path()  # the folder of the config file (the project folder)


def load_config(folder: Path | None = None, file: Path | None = None) -> Config:
    """The config of the project `folder` (default: the working directory) is in, or an
    empty one; with `file`, that file (YAML, or a pyproject.toml with [tool.factcheck]).
    Like ruff, the nearest folder upwards with ``factcheck.yaml`` or a ``pyproject.toml``
    holding ``[tool.factcheck]`` wins, so a run from ``news/`` still finds the project's
    config."""
    if file is not None:
        return _load_file(file)
    start = (folder if folder is not None else Path.cwd()).resolve()
    for here in (start, *start.parents):
        # exists(), not is_file(): a factcheck.yaml that is a FIFO or cannot be read is an
        # error to report, not a reason to take the config of a folder further up
        if (here / CONFIG_FILE).exists():
            return _load_yaml(here / CONFIG_FILE, here)
        if (here / PYPROJECT).exists():
            config = _load_pyproject(here / PYPROJECT, here)
            if config.path is not None:
                return config
    return Config()


def _load_file(file: Path) -> Config:
    """A config named with --config: it must exist and say something of factcheck."""
    folder = file.absolute().parent
    if not (file.exists() or file.is_symlink()):
        where = Location(shown_path(file), 1, 1)
        raise RuleError([RuleProblem(where, "no such config file")], {})
    if file.name == PYPROJECT or file.suffix.lower() == ".toml":
        config = _load_pyproject(file, folder)
        if config.path is None:
            where = Location(shown_path(file), 1, 1)
            raise RuleError([RuleProblem(where, "no [tool.factcheck] table in this file")], {})
        return config
    return _load_yaml(file, folder)


def _read(path: Path) -> tuple[Path, str]:
    """The config file's text, or a RuleError naming it: unreadable, not UTF-8, too large."""
    shown = shown_path(path)
    try:
        return shown, read_text(path, LIMITS["config"])
    except FileProblem as error:
        where = Location(shown, error.line, error.col)
        raise RuleError([RuleProblem(where, f"cannot read config: {error.message}")], {}) from None


def _read_config(reader: Reader, root: Node, folder: Path) -> Config:
    if isinstance(root, MappingNode):
        names = {getattr(k, "value", None) for k, _ in root.value}
        root = MappingNode(
            root.tag,
            [
                (
                    ScalarNode(k.tag, _ALIASES[k.value], k.start_mark, k.end_mark)
                    if isinstance(k, ScalarNode)
                    and k.value in _ALIASES
                    and _ALIASES[k.value] not in names
                    else k,
                    v,
                )
                for k, v in root.value
            ],
            root.start_mark,
            root.end_mark,
        )
        for key, _ in root.value:
            name = getattr(key, "value", None)
            if isinstance(name, str) and name in _RENAMED_KEYS:
                reader.problem(
                    key,
                    f"key {name!r} is called {_RENAMED_KEYS[name]!r} now",
                    f"rename it to {_RENAMED_KEYS[name]!r}",
                )
        root = MappingNode(
            root.tag,
            [(k, v) for k, v in root.value if getattr(k, "value", None) not in _RENAMED_KEYS],
            root.start_mark,
            root.end_mark,
        )
    keys = reader.mapping(root, CONFIG_KEYS, "the factcheck config")
    defaults = RuleDefaults()
    if "defaults" in keys:
        defaults = read_defaults(reader, keys["defaults"][1], RuleDefaults())

    def relative(value: str) -> Path:
        # paths are relative to the config file, so the config works from any folder
        return display_path(folder / value)

    def paths(name: str) -> tuple[Path, ...]:
        if name not in keys:
            return ()
        return tuple(relative(p) for p in reader.words(keys[name][1], f"{name} paths"))

    engine = scheduler = None
    if "engine" in keys:
        name = reader.choice(keys["engine"][1], tuple(e.value for e in EngineName), "engine")
        engine = EngineName(name) if name is not None else None
    if "scheduler" in keys:
        scheduler = reader.text(keys["scheduler"][1], "scheduler")
    outputs: list[tuple[str, Path]] = []
    if "outputs" in keys:
        for fmt, (_, value) in reader.mapping(
            keys["outputs"][1], OUTPUT_FORMATS, "outputs (FORMAT: PATH)"
        ).items():
            target = reader.text(value, f"the {fmt} output's path")
            if target is not None:
                outputs.append((fmt, relative(target)))
    exclude = reader.words(keys["exclude"][1], "exclude patterns") if "exclude" in keys else ()
    fields = Fields()
    if "fields" in keys:
        named = {}
        for name, (_, value) in reader.mapping(
            keys["fields"][1], FIELD_NAMES, "fields (what: record field)"
        ).items():
            text = reader.text(value, f"the {name} field")
            if text is not None:
                named[name] = text.strip()
        fields = Fields(**named)
    return Config(
        reader.path,
        paths("rules"),
        paths("paths"),
        defaults,
        engine,
        scheduler,
        tuple(outputs),
        tuple(exclude),
        fields,
        display_path(folder),
    )


def _load_yaml(path: Path, folder: Path) -> Config:
    shown, source = _read(path)
    reader = Reader(shown)
    try:
        root = compose_yaml(source)
    except FileProblem as error:
        problem = RuleProblem(Location(shown, error.line, error.col), error.message)
        raise RuleError([problem], {shown: source}) from None
    if root is None:
        return Config(shown)
    config = _read_config(reader, root, folder)
    if reader.problems:
        raise RuleError(reader.problems, {shown: source})
    return config


def _load_pyproject(path: Path, folder: Path) -> Config:
    shown, source = _read(path)
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        problem = RuleProblem(
            Location(shown, *_toml_error_position(error, source)), f"invalid TOML: {error}"
        )
        raise RuleError([problem], {shown: source}) from error
    except (ValueError, RecursionError) as error:
        # an integer of over 4,300 digits (int() refuses it), or arrays nested past the stack
        why = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        problem = RuleProblem(Location(shown, 1, 1), f"invalid TOML: {why}")
        raise RuleError([problem], {shown: source}) from None
    tool = data.get("tool", {})
    table = tool.get("factcheck") if isinstance(tool, dict) else None
    if table is None:
        return Config()
    reader = Reader(shown)
    try:
        root = _as_node(table, ("tool", "factcheck"), _toml_positions(source))
    except FileProblem as error:
        problem = RuleProblem(Location(shown, error.line, error.col), error.message)
        raise RuleError([problem], {shown: source}) from None
    config = _read_config(reader, root, folder)
    if reader.problems:
        raise RuleError(reader.problems, {shown: source})
    return config


def _toml_positions(source: str) -> dict[tuple[str, ...], tuple[int, int]]:
    """(table..., key) -> (line, col) of each `key =` and each `[table]` header.

    tomllib keeps no positions; TOML keys sit one per line, so a line scan that follows the
    table headers gives every key of ``[tool.factcheck]`` its own place for error messages.
    """
    where: dict[tuple[str, ...], tuple[int, int]] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(source.splitlines(), start=1):
        header = _TOML_TABLE.match(line)
        if header and not line.lstrip().startswith("[["):
            table = tuple(part.strip().strip('"') for part in header.group("name").split("."))
            where.setdefault(table, (number, line.index("[") + 1))
            continue
        key = _TOML_KEY.match(line)
        if key:
            name = key.group("key").strip('"')
            where.setdefault((*table, name), (number, key.start("key") + 1))
    return where


def _mark(position: tuple[int, int]) -> StreamMark:
    return StreamMark("", 0, position[0] - 1, position[1] - 1)


def _toml_error_position(error: tomllib.TOMLDecodeError, source: str) -> tuple[int, int]:
    """tomllib says '(at line 3, column 7)' or '(at end of document)' only in its message."""
    found = re.search(r"at line (\d+), column (\d+)", str(error))
    if found:
        return int(found.group(1)), int(found.group(2))
    if "end of document" in str(error):
        return source.count("\n") + 1, 1
    return 1, 1


def _as_node(
    value: object,
    keypath: tuple[str, ...],
    where: dict[tuple[str, ...], tuple[int, int]],
    depth: int = 0,
) -> Node:
    """A TOML value as the YAML node the rules reader validates, placed at its key's line."""
    position = where.get(keypath) or where.get(keypath[:-1]) or (1, 1)
    if depth > MAX_DEPTH:
        raise FileProblem(f"nested more than {MAX_DEPTH} levels deep", *position)
    mark = _mark(position)
    if isinstance(value, dict):
        pairs = []
        for key, item in value.items():
            key_mark = _mark(where.get((*keypath, str(key)), position))
            pairs.append(
                (
                    ScalarNode("tag:yaml.org,2002:str", str(key), key_mark, key_mark),
                    _as_node(item, (*keypath, str(key)), where, depth + 1),
                )
            )
        return MappingNode("tag:yaml.org,2002:map", pairs, mark, mark)
    if isinstance(value, list):
        items = [_as_node(item, keypath, where, depth + 1) for item in value]
        return SequenceNode("tag:yaml.org,2002:seq", items, mark, mark)
    if isinstance(value, bool):
        return ScalarNode("tag:yaml.org,2002:bool", str(value).lower(), mark, mark)
    if isinstance(value, float) and abs(value) < 1e15 and value == int(value):
        value = int(value)  # 'window = 8.0' is 8; 'inf' and '1e+300' stay so for the reader
    return ScalarNode("tag:yaml.org,2002:str", str(value), mark, mark)


__all__ = ["CONFIG_FILE", "CONFIG_KEYS", "OUTPUT_FORMATS", "Config", "load_config"]
