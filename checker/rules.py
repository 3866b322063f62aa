"""rules/*.yaml -> a RuleSet of Facts, each keeping its Location; validation with positions.

Files are composed into position-keeping nodes (ruamel.yaml), so every problem names the
``file:line:col`` of the offending key or value. Every problem in every file is collected,
then raised together as one RuleError. The schema is documented in ``docs/rules.md``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from rapidfuzz import process
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from checker.errors import RuleError, RuleProblem
from checker.extract.numbers import VAGUE
from checker.extract.units import MEASURE_UNITS, SCALE_NAMES, normalise_noun
from checker.files import LIMITS, FileProblem, compose_yaml, control_character, read_text, walk
from checker.load import shown_path
from checker.model import (
    DEFAULT_HEDGES,
    FACT_KINDS,
    Example,
    Fact,
    Hedges,
    Interval,
    Kind,
    Location,
    OriginGroup,
    RuleSet,
    Severity,
    Tolerance,
    Trend,
)

TOP_KEYS: Final = ("defaults", "facts", "origins", "version")
DEFAULT_KEYS: Final = (
    "delta", "discrepancy", "evolving", "hedges", "min_origins", "no_claim", "noun_cutoff",
    "single_source", "timezone", "tolerance", "window",
)  # fmt: skip
FACT_KEYS: Final = (
    "changes_over_time", "context", "context_all", "counts", "dated", "delta",
    "discrepancy", "evolving", "examples", "exclude", "exclude_origins", "hedges", "id", "kind",
    "min_origins", "no_claim", "on", "origins", "projections", "single_source", "split_by",
    "timezone", "title", "tolerance", "unit", "window",
)  # fmt: skip
SPLIT_NAMES: Final = ("origin",)
# The vague quantities a rule may set ("dozens", "a few"), as the extractor's table names them
VAGUE_NAMES: Final = tuple(sorted({name.removesuffix(" of") for name in VAGUE}))
HEDGE_KEYS: Final = ("narrowest", "points", *VAGUE_NAMES)
_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIMEZONE: Final = re.compile(
    r"^\s*(?:UTC|GMT)?\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?\s*$|^\s*(?:UTC|GMT|Z)\s*$",
    re.IGNORECASE,
)
EXAMPLE_KEYS: Final = ("match", "no_match")
# Keys people reach for that have another name here, with the migration message.
RENAMED: Final[dict[str, str]] = {
    "nouns": "counts",
    "aliases": "counts",
    "keywords": "context",
    "require": "context_all",
    "excludes": "exclude",
    "name": "title",
    "type": "kind",
    "severity": "discrepancy",
    "changes": "changes_over_time",
    "sources": "origins",
    "groups": "origins",
}
# Words people write for an allowed value; spelling distance would get them wrong
# ("rising" is nearest to 'decreasing').
SYNONYMS: Final[dict[str, str]] = {
    "rising": "increasing", "growing": "increasing", "up": "increasing",
    "cumulative": "increasing", "increase": "increasing",
    "falling": "decreasing", "shrinking": "decreasing", "down": "decreasing",
    "decrease": "decreasing", "both": "any", "either": "any",
    "fail": "error", "fatal": "error", "critical": "error", "err": "error",
    "warn": "warning", "info": "warning", "notice": "warning",
    "ignore": "off", "none": "off", "disabled": "off", "hidden": "off", "false": "off",
    "number": "count", "integer": "count", "percentage": "percent", "currency": "money",
    "amount": "money", "quantity": "measure", "ratio": "share", "fraction": "share",
}  # fmt: skip
FACT_KIND_NAMES: Final = tuple(sorted(k.value for k in FACT_KINDS))
SEVERITY_NAMES: Final = tuple(s.value for s in Severity)
TREND_NAMES: Final = tuple(t.value for t in Trend)
_FACT_ID: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # fullmatch: 'drones\n' is not one
# Whole-number settings (window, min_origins, noun_cutoff) stay far below this; a value with
# thousands of digits is a typo, and int() would refuse it past 4,300 digits anyway.
MAX_WHOLE: Final = 1_000_000
_NUMBER: Final = r"(?:-?inf|-?\d[\d,]*(?:\.\d+)?)"
_INTERVAL: Final = re.compile(
    rf"""^\s*(?P<left>[\[(])\s*(?P<low>{_NUMBER})\s*,\s*(?P<high>{_NUMBER})\s*(?P<right>[\])])\s*$"""
)
_TOLERANCE: Final = re.compile(r"^\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<pct>%?)\s*$")


def _tag(node: Node) -> str:
    return str(getattr(node.tag, "value", node.tag))


@dataclass
class Reader:
    """Walks one file's nodes, turning values into Python and problems into RuleProblems."""

    path: Path
    problems: list[RuleProblem] = field(default_factory=list)
    ids: list[tuple[str, Location]] = field(default_factory=list)  # each kebab-case fact id
    # mapping node id -> the keys its misspelt keys were taken for ('knd' -> 'kind')
    misspelt: dict[int, set[str]] = field(default_factory=dict)

    def where(self, node: Node) -> Location:
        return Location(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def problem(self, node: Node, message: str, hint: str = "") -> None:
        width = max(1, len(str(node.value))) if isinstance(node, ScalarNode) else 1
        if isinstance(node, ScalarNode) and node.style in ('"', "'"):
            width += 2  # the quotes too: the mark is at the opening one
        self.problems.append(RuleProblem(self.where(node), message, hint, width))

    def mapping(
        self, node: Node, allowed: Iterable[str], what: str, hint: str = ""
    ) -> dict[str, tuple[ScalarNode, Node]]:
        """Keys -> (key node, value node); unknown, renamed and duplicate keys are problems."""
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} should be a mapping of keys to values", hint)
            return {}
        allowed = tuple(allowed)
        out: dict[str, tuple[ScalarNode, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                self.problem(key, f"a key in {what} should be a name, not a list or a mapping")
                continue
            name = str(key.value)
            if name in out:
                first = out[name][0].start_mark.line + 1
                self.problem(key, f"duplicate key {name!r}", f"first given on line {first}")
                continue
            if allowed and name not in allowed:
                if name in RENAMED and RENAMED[name] in allowed:
                    self.problem(
                        key,
                        f"key {name!r} is called {RENAMED[name]!r} here",
                        f"rename it to {RENAMED[name]!r}",
                    )
                else:
                    hint = suggest(name, allowed)
                    self.problem(key, f"unknown key {name!r} in {what}", hint)
                    if hint.startswith("did you mean"):
                        self.misspelt.setdefault(id(node), set()).add(hint.split("'")[1])
                continue
            out[name] = (key, value)
        return out

    def scalar(self, node: Node, what: str) -> str | None:
        if not isinstance(node, ScalarNode) or _tag(node).endswith(":null"):
            self.problem(node, f"{what} should be a single value")
            return None
        value = str(node.value)
        control = control_character(value.strip())
        if control is not None:
            # "\x1b[31m" in a title would reach the terminal; a newline would split a report line
            self.problem(node, f"{what} contains the control character {control}")
            return None
        return value

    def text(self, node: Node, what: str) -> str | None:
        value = self.scalar(node, what)
        if value is not None and not value.strip():
            self.problem(node, f"{what} is empty")
            return None
        return value

    def words(self, node: Node, what: str) -> tuple[str, ...]:
        """A list of phrases; a single phrase is accepted as a list of one."""
        if isinstance(node, ScalarNode):
            value = self.text(node, what)
            return (value,) if value else ()
        if not isinstance(node, SequenceNode):
            self.problem(
                node,
                f"{what} should be a list of words or phrases",
                "write a list: [drones, UAVs], or one phrase per '- ' line",
            )
            return ()
        out = []
        for item in node.value:
            value = self.text(item, f"each entry of {what}")
            if value:
                out.append(value)
        return tuple(out)

    def choice(self, node: Node, allowed: tuple[str, ...], what: str) -> str | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if value not in allowed:
            meant = SYNONYMS.get(value.lower())
            hint = f"did you mean {meant!r}?" if meant in allowed else suggest(value, allowed)
            self.problem(node, f"{what} {value!r} is not one of: {', '.join(allowed)}", hint)
            return None
        return value

    def integer(self, node: Node, what: str, minimum: int, maximum: int = MAX_WHOLE) -> int | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        digits = value.strip()
        # the length first: int() of a 5,000-digit string raises instead of answering
        if (
            not re.fullmatch(r"\d+", digits)
            or len(digits) > len(str(maximum))
            or not minimum <= int(digits) <= maximum
        ):
            self.problem(
                node,
                f"{what} should be a whole number from {minimum} to {maximum}, not {_shown(value)}",
            )
            return None
        return int(digits)

    def tolerance(self, node: Node, what: str) -> Tolerance | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        match = _TOLERANCE.match(value)
        if match is None:
            self.problem(
                node,
                f"{what} {value!r} cannot be read",
                "write a relative tolerance as '2%' or an absolute one as '3'",
            )
            return None
        number = float(match.group("num"))
        if not math.isfinite(number):
            self.problem(node, f"{what} {_shown(value)} is too large to be a number")
            return None
        return Tolerance(number / 100, True) if match.group("pct") else Tolerance(number, False)

    def interval(self, node: Node, what: str) -> str | None:
        """An expected interval as the report prints it: '(300, inf)', '[6, inf)', '[170, 170]'."""
        value = self.scalar(node, what)
        if value is None:
            return None
        match = _INTERVAL.match(value)
        low = high = 0.0
        if match is not None:
            low = float(match.group("low").replace(",", ""))
            high = float(match.group("high").replace(",", ""))
        written = [match.group(side) for side in ("low", "high")] if match else []
        if any("inf" not in w and math.isinf(float(w.replace(",", ""))) for w in written):
            self.problem(node, f"{what} {_shown(value)} has a bound too large to be a number")
            return None
        if match is None or low > high:
            self.problem(
                node,
                f"{what} {_shown(value)} cannot be read",
                "write it as the report does: '[170, 170]', '(300, inf)', '[30600, 34000)'",
            )
            return None
        return str(Interval(low, high, match.group("left") == "[", match.group("right") == "]"))

    def boolean(self, node: Node, what: str) -> bool | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if value.lower() in ("true", "yes", "on"):
            return True
        if value.lower() in ("false", "no", "off"):
            return False
        self.problem(node, f"{what} should be true or false, not {value!r}")
        return None

    def date(self, node: Node, what: str) -> str | None:
        """An ISO date: '2025-05-09'."""
        value = self.scalar(node, what)
        if value is None:
            return None
        import datetime as dt

        if _DATE.match(value):
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        self.problem(node, f"{what} {value!r} is not a date", "write it as YYYY-MM-DD: 2025-05-09")
        return None

    def timezone(self, node: Node, what: str) -> int | None:
        """Minutes east of UTC: '+03:00', 'UTC+3', '-5', 'UTC' -> 180, 180, -300, 0."""
        value = self.scalar(node, what)
        if value is None:
            return None
        match = _TIMEZONE.match(value)
        if match is None:
            self.problem(
                node, f"{what} {value!r} cannot be read", "write an offset from UTC: '+03:00'"
            )
            return None
        if match.group("sign") is None:
            return 0
        minutes = int(match.group("h")) * 60 + int(match.group("m") or 0)
        if minutes > 14 * 60:
            self.problem(node, f"{what} {value!r} is more than 14 hours from UTC")
            return None
        return minutes if match.group("sign") == "+" else -minutes

    def pair(self, node: Node, what: str) -> tuple[float, float] | None:
        """Two numbers, the smaller first: '[24, 99]'."""
        items = node.value if isinstance(node, SequenceNode) else None
        numbers = [self.scalar(item, what) for item in items or []]
        try:
            low, high = (float(str(n).replace(",", "")) for n in numbers)
        except ValueError:
            low, high = 1.0, 0.0
        if items is None or len(items) != 2 or low > high or low < 0:
            self.problem(node, f"{what} should be two numbers, the smaller first: [24, 99]")
            return None
        return low, high

    def hedges(self, node: Node, current: Hedges) -> Hedges:
        """The `hedges` mapping: narrowest, points and vague quantities over `current`."""
        keys = self.mapping(node, HEDGE_KEYS, "hedges")
        out = current
        if "narrowest" in keys:
            narrowest = self.fraction(keys["narrowest"][1], "hedges.narrowest")
            if narrowest is not None:
                out = replace(out, narrowest=narrowest)
        if "points" in keys:
            points = self.pair(keys["points"][1], "hedges.points")
            if points is not None:
                out = replace(out, points=points)
        vague = dict((name, (low, high)) for name, low, high in out.vague)
        for name in VAGUE_NAMES:
            if name in keys:
                bounds = self.pair(keys[name][1], f"hedges.{name}")
                if bounds is not None:
                    vague[name] = bounds
        return replace(out, vague=tuple((n, lo, hi) for n, (lo, hi) in sorted(vague.items())))

    def fraction(self, node: Node, what: str) -> float | None:
        tolerance = self.tolerance(node, what)
        if tolerance is None:
            return None
        if not tolerance.relative:
            self.problem(node, f"{what} is relative: write it as a percentage such as '10%'")
            return None
        if tolerance.value >= 1:
            self.problem(node, f"{what} is a share of the figure: below 100%, such as '10%'")
            return None
        return tolerance.value


def _shown(value: str, limit: int = 40) -> str:
    """A value quoted for a message, cut short: a 5,000-digit number is not worth printing."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def suggest(name: str, allowed: Iterable[str]) -> str:
    """'did you mean …?' for the nearest allowed name, else the list of allowed names."""
    choices = sorted(allowed)
    best = process.extractOne(name, choices, score_cutoff=70)
    if best:
        return f"did you mean {best[0]!r}?"
    return "expected one of: " + ", ".join(choices)


@dataclass
class RuleDefaults:
    """Settings every fact starts from: the project config's, then the file's ``defaults``."""

    tolerance: Tolerance = field(default_factory=Tolerance)
    discrepancy: Severity = Severity.ERROR
    single_source: Severity = Severity.WARNING
    evolving: Severity = Severity.WARNING
    no_claim: Severity = Severity.WARNING
    min_origins: int = 2
    hedges: Hedges = DEFAULT_HEDGES
    window: int | None = None
    noun_cutoff: float | None = None
    timezone: int | None = None


def rule_files(paths: Iterable[Path]) -> tuple[list[Path], list[RuleProblem]]:
    """Rules files named, or *.yaml / *.yml under folders, in a stable order."""
    files: list[Path] = []
    problems: list[RuleProblem] = []
    for path in paths:
        if path.is_dir():
            found, skipped = walk(path, lambda p: p.suffix.lower() in (".yaml", ".yml"))
            problems.extend(
                RuleProblem(Location(shown_path(s.path), 1, 1), s.reason) for s in skipped
            )
            if not found and not skipped:
                problems.append(
                    RuleProblem(
                        Location(shown_path(path), 1, 1), "no rules file (*.yaml) in this folder"
                    )
                )
            files.extend(found)
        elif path.exists():
            files.append(path)  # whatever it is: reading it says why it cannot be read
        else:
            problems.append(
                RuleProblem(Location(shown_path(path), 1, 1), "no such rules file or folder")
            )
    return files, problems


def copy_defaults(defaults: RuleDefaults) -> RuleDefaults:
    return RuleDefaults(**{f: getattr(defaults, f) for f in defaults.__dataclass_fields__})


def load_rules(paths: Iterable[Path], defaults: RuleDefaults | None = None) -> RuleSet:
    """Read and validate every rules file; raise RuleError listing every problem found.

    `defaults` (from the project config) is what each file's own ``defaults:`` starts from.
    """
    base = defaults if defaults is not None else RuleDefaults()
    files, problems = rule_files(paths)
    sources: dict[Path, str] = {}
    facts: list[Fact] = []
    groups: dict[str, list[str]] = {}
    cutoffs: list[float] = []
    seen: dict[str, Location] = {}
    for file in files:
        shown = shown_path(file)
        try:
            source = read_text(file, LIMITS["rules"])
        except FileProblem as error:
            where = Location(shown, error.line, error.col)
            problems.append(RuleProblem(where, f"cannot read rules: {error.message}"))
            continue
        sources[shown] = source
        reader = Reader(shown)
        file_facts, file_groups, cutoff = _read_file(reader, source, base)
        problems.extend(reader.problems)
        # every id counts, a broken fact's too: its duplicate is a problem of this run as well
        duplicates: set[Location] = set()
        for fact_id, where in reader.ids:
            if fact_id in seen:
                problems.append(
                    RuleProblem(
                        where,
                        f"duplicate fact id {fact_id!r}",
                        f"first defined at {seen[fact_id]}",
                        len(fact_id),
                    )
                )
                duplicates.add(where)
                continue
            seen[fact_id] = where
        facts.extend(f for f in file_facts if f.location not in duplicates)
        for name, aliases in file_groups.items():
            groups.setdefault(name, []).extend(a for a in aliases if a not in groups.get(name, []))
        if cutoff is not None:
            cutoffs.append(cutoff)
    if not files and not problems:
        problems.append(RuleProblem(Location(Path(), 1, 1), "no rules file given"))
    if problems:
        raise RuleError(
            sorted(problems, key=lambda p: (str(p.location.path), p.location.line, p.location.col)),
            sources,
        )
    origin_groups = tuple(OriginGroup(name, tuple(aliases)) for name, aliases in groups.items())
    if cutoffs:
        return RuleSet(tuple(facts), origin_groups, min(cutoffs))
    return RuleSet(tuple(facts), origin_groups)


def _read_file(
    reader: Reader, source: str, base: RuleDefaults
) -> tuple[list[Fact], dict[str, list[str]], float | None]:
    try:
        root = compose_yaml(source)
    except FileProblem as error:
        reader.problems.append(
            RuleProblem(Location(reader.path, error.line, error.col), error.message)
        )
        return [], {}, None
    if root is None:
        reader.problems.append(
            RuleProblem(
                Location(reader.path, 1, 1),
                "the rules file is empty",
                "a rules file has a 'facts:' list",
            )
        )
        return [], {}, None
    top = reader.mapping(root, TOP_KEYS, "the rules file")
    defaults = (
        read_defaults(reader, top["defaults"][1], base)
        if "defaults" in top
        else copy_defaults(base)
    )
    groups = _read_origins(reader, top["origins"][1]) if "origins" in top else {}
    if "version" in top:
        reader.choice(top["version"][1], ("1",), "version")
    facts: list[Fact] = []
    if "facts" not in top:
        reader.problems.append(
            RuleProblem(
                Location(reader.path, 1, 1),
                "no 'facts:' list",
                "a rules file has a 'facts:' list of facts",
            )
        )
    else:
        node = top["facts"][1]
        if not isinstance(node, SequenceNode):
            reader.problem(node, "'facts' should be a list of facts")
        else:
            for item in node.value:
                fact = _read_fact(reader, item, defaults)
                if fact is not None:
                    facts.append(fact)
    return facts, groups, defaults.noun_cutoff


def read_defaults(reader: Reader, node: Node, base: RuleDefaults) -> RuleDefaults:
    """A ``defaults:`` mapping on top of `base`; problems go to the reader."""
    defaults = copy_defaults(base)
    keys = reader.mapping(node, DEFAULT_KEYS, "defaults")
    _apply_common(reader, keys, defaults)
    if "noun_cutoff" in keys:
        value = reader.integer(keys["noun_cutoff"][1], "noun_cutoff", 1)
        if value is not None and value <= 100:
            defaults.noun_cutoff = float(value)
        elif value is not None:
            reader.problem(keys["noun_cutoff"][1], "noun_cutoff is a score from 1 to 100")
    return defaults


def _apply_common(
    reader: Reader, keys: dict[str, tuple[ScalarNode, Node]], target: RuleDefaults
) -> None:
    """The settings defaults and facts share: tolerance, delta, window, severities, origins."""
    if "tolerance" in keys and (tol := reader.tolerance(keys["tolerance"][1], "tolerance")):
        target.tolerance = tol
    if "delta" in keys and (delta := reader.fraction(keys["delta"][1], "delta")) is not None:
        target.hedges = replace(target.hedges, delta=delta)
    if "hedges" in keys:
        target.hedges = reader.hedges(keys["hedges"][1], target.hedges)
    if "window" in keys:
        target.window = reader.integer(keys["window"][1], "window", 1)
    if "min_origins" in keys and (n := reader.integer(keys["min_origins"][1], "min_origins", 1)):
        target.min_origins = n
    for outcome in ("discrepancy", "single_source", "evolving", "no_claim"):
        if outcome in keys and (level := reader.choice(keys[outcome][1], SEVERITY_NAMES, outcome)):
            setattr(target, outcome, Severity(level))
    if "timezone" in keys:
        target.timezone = reader.timezone(keys["timezone"][1], "timezone")


def _read_origins(reader: Reader, node: Node) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    hint = "a group's name, then its names as written: origins: {police: [police, Lisbon police]}"
    for name, (_, value) in reader.mapping(node, (), "origins", hint).items():
        groups[name] = [name, *reader.words(value, f"origin group {name!r}")]
    return groups


def _read_fact(reader: Reader, node: Node, defaults: RuleDefaults) -> Fact | None:
    keys = reader.mapping(node, FACT_KEYS, "a fact")
    if not isinstance(node, MappingNode):
        return None
    before = len(reader.problems)
    fact_id = reader.text(keys["id"][1], "id") if "id" in keys else None
    misspelt = reader.misspelt.get(id(node), set())
    if "id" not in keys and "id" not in misspelt:
        reader.problem(node, "a fact needs an 'id'", "add 'id: some-kebab-case-name'")
    elif fact_id is not None and not _FACT_ID.fullmatch(fact_id):
        kebab = re.sub(r"[^a-z0-9]+", "-", fact_id.lower()).strip("-")
        reader.problem(
            keys["id"][1],
            f"fact id {_shown(fact_id)} is not kebab-case",
            f"try {kebab!r}" if kebab else "use lower-case letters a-z, digits and hyphens",
        )
    elif fact_id is not None:
        reader.ids.append((fact_id, reader.where(keys["id"][1])))
    kind = None
    if "kind" in keys:
        kind = reader.choice(keys["kind"][1], FACT_KIND_NAMES, "kind")
    elif "kind" not in misspelt:
        reader.problem(node, "a fact needs a 'kind'", "one of: " + ", ".join(FACT_KIND_NAMES))
    settings = copy_defaults(defaults)
    _apply_common(reader, keys, settings)

    def get(key: str, read: Callable[[Node, str], object]) -> object:
        return read(keys[key][1], key) if key in keys else None

    counts = get("counts", reader.words) or ()
    if "counts" in keys:
        _check_counted_nouns(reader, keys["counts"][1])
    context = get("context", reader.words) or ()
    split_by = get("split_by", lambda n, w: reader.choice(n, SPLIT_NAMES, w))
    dated = get("dated", reader.date) or get("on", reader.date)
    if "dated" in keys and "on" in keys:
        reader.problem(keys["on"][0], "'on' and 'dated' are one key", "keep one of them")
    projections = get("projections", reader.boolean)
    unit = get("unit", reader.text)
    if unit and kind in (Kind.MEASURE.value, Kind.DURATION.value):
        known = MEASURE_UNITS.get(str(unit).lower())
        if known is None and str(unit).lower() in SCALE_NAMES and kind == Kind.MEASURE.value:
            known = str(unit).lower()  # "magnitude 6.8", "category 3": a scale's own name
        if known is None:
            reader.problem(
                keys["unit"][1],
                f"unit {unit!r} is no measure unit factcheck reads",
                suggest(str(unit).lower(), sorted({*MEASURE_UNITS, *SCALE_NAMES})),
            )
        else:
            unit = known
    trend = None
    if "changes_over_time" in keys:
        node = keys["changes_over_time"][1]
        flag = str(node.value).lower() if isinstance(node, ScalarNode) else ""
        if flag in ("true", "yes"):
            trend = Trend.ANY.value  # "it changes": either way, as `any`
        elif flag not in ("false", "no"):
            trend = reader.choice(node, TREND_NAMES, "changes_over_time")
    examples = _read_examples(reader, keys["examples"][1]) if "examples" in keys else ()
    if len(reader.problems) > before or fact_id is None or kind is None:
        return None
    title = get("title", reader.text)
    return Fact(
        id=fact_id,
        title=str(title) if title else fact_id.replace("-", " ").capitalize(),
        kind=Kind(kind),
        location=reader.where(keys["id"][1]),
        counts=tuple(counts),  # type: ignore[arg-type]
        context=tuple(context),  # type: ignore[arg-type]
        context_all=tuple(get("context_all", reader.words) or ()),  # type: ignore[arg-type]
        exclude=tuple(get("exclude", reader.words) or ()),  # type: ignore[arg-type]
        unit=str(unit or ""),
        tolerance=settings.tolerance,
        discrepancy=settings.discrepancy,
        single_source=settings.single_source,
        evolving=settings.evolving,
        min_origins=settings.min_origins,
        changes_over_time=Trend(trend) if trend else None,
        hedges=settings.hedges,
        window=settings.window,
        origins=tuple(get("origins", reader.words) or ()),  # type: ignore[arg-type]
        exclude_origins=tuple(get("exclude_origins", reader.words) or ()),  # type: ignore[arg-type]
        split_by=str(split_by or ""),
        projections=bool(projections),
        dated=str(dated or ""),
        timezone=settings.timezone,
        no_claim=settings.no_claim,
        examples=examples,
    )


def rule_warnings(rules: RuleSet) -> tuple[RuleProblem, ...]:
    """Facts that load but cannot work as their author means: a count fact that would claim
    every count, a measure without a unit, a key that does nothing for the fact's kind."""
    out: list[RuleProblem] = []
    for fact in rules.facts:

        def warn(message: str, hint: str, fact: Fact = fact) -> None:
            out.append(RuleProblem(fact.location, f"warning: {fact.id}: {message}", hint))

        if fact.kind is Kind.COUNT and not fact.counts and not fact.context:
            warn(
                "a count fact with neither 'counts' nor 'context' claims every count",
                "say what it counts (counts: [people]) or which words go with it",
            )
        if fact.kind in (Kind.MEASURE, Kind.DURATION) and not fact.unit:
            warn(
                f"a {fact.kind.value} fact without 'unit' compares figures of any unit",
                "give it the unit to compare in: unit: kg, km, acre, day",
            )
        if fact.kind is Kind.MONEY and not fact.unit:
            warn(
                "a money fact without 'unit' compares amounts of any currency",
                "give it a currency code: unit: USD",
            )
        if fact.counts and fact.kind in (Kind.MEASURE, Kind.DURATION, Kind.TIME, Kind.ORDINAL):
            warn(
                f"'counts' never matches a {fact.kind.value}: it has a unit, not a counted noun",
                "drop 'counts', or make the fact kind: count",
            )
        if fact.unit and fact.kind in (Kind.COUNT, Kind.SHARE, Kind.AGE, Kind.ORDINAL):
            warn(f"'unit' has no effect on a {fact.kind.value}", "drop it")
    return tuple(out)


def _check_counted_nouns(reader: Reader, node: Node) -> None:
    """A counted noun is matched as the words the extractor reads after a figure: letters A-Z
    and digits. An alias with none ('дроны', '!!') could never match, and matching would
    fail on its empty form; say so here rather than at check time."""
    items = node.value if isinstance(node, SequenceNode) else [node]
    for item in items:
        alias = str(item.value) if isinstance(item, ScalarNode) else ""
        if alias.strip() and not normalise_noun(alias):
            reader.problem(
                item,
                f"counts {_shown(alias)} has no letter A-Z or digit: it can never match",
                "counted nouns are read as words of letters A-Z and digits ('drones', 'F-16s')",
            )


def _read_examples(reader: Reader, node: Node) -> tuple[Example, ...]:
    """examples: {match: [phrase | {text: phrase, interval: "(300, inf)"}], no_match: [phrase]}"""
    out: list[Example] = []
    for name, (_, value) in reader.mapping(node, EXAMPLE_KEYS, "examples").items():
        if not isinstance(value, SequenceNode):
            reader.problem(value, f"examples.{name} should be a list of sentences")
            continue
        for item in value.value:
            if isinstance(item, MappingNode):
                keys = reader.mapping(item, ("text", "interval"), f"an example in {name}")
                text = reader.text(keys["text"][1], "text") if "text" in keys else None
                interval = (
                    reader.interval(keys["interval"][1], "interval") if "interval" in keys else ""
                )
                if text is None:
                    reader.problem(item, "an example needs a 'text'")
                    continue
                out.append(Example(text, name == "match", interval or "", reader.where(item)))
            else:
                text = reader.text(item, f"an example in {name}")
                if text:
                    out.append(Example(text, name == "match", "", reader.where(item)))
    return tuple(out)
