"""The shared typed data model: Document, Figure, Fact, Claim, Finding, CheckResult.

No stage logic lives here. Figures travel between stages as a pandas DataFrame whose
columns and dtypes are declared once, in ``FIGURE_COLUMNS``; ``Figure`` is its typed row view.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # pandas is imported where figures are made: `--version` needs none of it
    import pandas as pd


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based position in a file; the path is relative to the working directory."""

    path: Path
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path.as_posix()}:{self.line}:{self.col}"


class Kind(StrEnum):
    """What a number is. The first five are figures; ages, durations, clock times and
    ordinals are compared only by a fact that asks for them; dates, years and identifiers
    never are."""

    COUNT = "count"
    PERCENT = "percent"
    MONEY = "money"
    MEASURE = "measure"
    SHARE = "share"
    AGE = "age"  # "a 9-year-old", "aged 30"
    DURATION = "duration"  # "a two-day strike", "10 days", "about 45 minutes"
    TIME = "time"  # "6:59 pm", "1700 GMT": minutes after midnight
    ORDINAL = "ordinal"  # "the 11th hour", "the 101st victim"
    DATE = "date"
    YEAR = "year"
    IDENTIFIER = "identifier"


FIGURE_KINDS: Final = frozenset({Kind.COUNT, Kind.PERCENT, Kind.MONEY, Kind.MEASURE, Kind.SHARE})
# Kinds a fact may ask for: the figures, and the numbers that are figures only on request.
FACT_KINDS: Final = FIGURE_KINDS | {Kind.AGE, Kind.DURATION, Kind.TIME, Kind.ORDINAL}


class Verdict(StrEnum):
    DISCREPANCY = "discrepancy"
    EVOLVING = "evolving"  # a time-aware fact whose figures change the way it allows
    SINGLE_SOURCE = "single-source"
    AGREEMENT = "agreement"
    NO_CLAIM = "no-claim"  # no figure of the corpus claims the fact: a dead or mistaken rule


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


class FailOn(StrEnum):
    """Which findings fail the build, on top of the rules' severities (`--fail-on`).

    Each level adds to the one before: `error` fails what the rules put at error severity;
    `discrepancy` also fails discrepancies the rules left at warning; `evolving` also fails
    evolving findings at warning; `single-source` also fails single-source findings at
    warning; `never` fails nothing. A fact at `off` is hidden and never fails.
    """

    ERROR = "error"
    DISCREPANCY = "discrepancy"
    EVOLVING = "evolving"
    SINGLE_SOURCE = "single-source"
    NEVER = "never"


# The verdicts whose warnings each --fail-on level promotes to failures.
PROMOTED: Final[dict[FailOn, frozenset[Verdict]]] = {
    FailOn.ERROR: frozenset(),
    FailOn.DISCREPANCY: frozenset({Verdict.DISCREPANCY}),
    FailOn.EVOLVING: frozenset({Verdict.DISCREPANCY, Verdict.EVOLVING}),
    FailOn.SINGLE_SOURCE: frozenset(
        {Verdict.DISCREPANCY, Verdict.EVOLVING, Verdict.SINGLE_SOURCE, Verdict.NO_CLAIM}
    ),
    FailOn.NEVER: frozenset(),
}

# Version of the JSON report (`to_records`): bumped when a field changes meaning or goes away.
# 3: the `evolving` verdict and `timeline`; `tolerated` widens by half the tolerance.
RESULT_SCHEMA_VERSION: Final = 3
# Version of the fingerprint recipe: bumped (never silently changed) so old baselines are
# recognised as such instead of reporting every finding as new. 2: a document is named by its
# path relative to the working directory, no longer by its file stem.
FINGERPRINT_VERSION: Final = 2


# What the reports for people (terminal, Markdown, GitHub annotations) list at most, so a run
# over a million documents prints a report one can read: the rest is counted ("… and 4,290
# more claims") and the JSON, CSV and SARIF reports carry every one.
SHOWN_CLAIMS: Final = 25  # claims per finding
SHOWN_LINES: Final = 20  # notes, unreadable documents, stale baseline entries


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


def format_number(value: float) -> str:
    """'300', '1200000', '94.05', 'inf': no trailing '.0', no exponent for news-sized numbers."""
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}" if abs(value) >= 1e6 else f"{round(value, 6):g}"


# Control characters (C0, DEL, C1) and the bidirectional overrides: in a document's text they
# could move the cursor, recolor or hide a terminal's output ("\x1b[2J" clears the screen).
_UNPRINTABLE: Final = {
    **{code: "\ufffd" for code in (*range(0x20), *range(0x7F, 0xA0))},
    **{code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    **{ord(space): " " for space in "\t\n\v\f\r\x85\u2028\u2029"},
}


def printable(text: str) -> str:
    r"""Text safe to show a person on one line: a line break or tab is a space, any other
    control character U+FFFD, so 'Iran\x1b[31m launched' can no longer recolor a terminal."""
    return text.translate(_UNPRINTABLE)


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of values a hedged figure allows: 'more than 300' is (300, inf)."""

    low: float
    high: float
    low_inclusive: bool = True
    high_inclusive: bool = True

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(value, value)

    def __str__(self) -> str:
        left = "[" if self.low_inclusive and not math.isinf(self.low) else "("
        right = "]" if self.high_inclusive and not math.isinf(self.high) else ")"
        return f"{left}{format_number(self.low)}, {format_number(self.high)}{right}"

    def intersect(self, other: Interval) -> Interval | None:
        """The values both allow, or None when no value satisfies both."""
        if self.low > other.low:
            low, low_inc = self.low, self.low_inclusive
        elif other.low > self.low:
            low, low_inc = other.low, other.low_inclusive
        else:
            low, low_inc = self.low, self.low_inclusive and other.low_inclusive
        if self.high < other.high:
            high, high_inc = self.high, self.high_inclusive
        elif other.high < self.high:
            high, high_inc = other.high, other.high_inclusive
        else:
            high, high_inc = self.high, self.high_inclusive and other.high_inclusive
        if low > high or (low == high and not (low_inc and high_inc)):
            return None
        return Interval(low, high, low_inc, high_inc)


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Where a Document's text came from, for a text that is not the file as written: the
    words of a Markdown file without its markup, an HTML page's article, a PDF's pages, a
    record of an export. Figures are found in the text; their `line:col` is put back here.

    The text is cut into runs of characters that sit one after the other in the source; each
    run has its text offset and the source `line:col` of its first character. A run that is
    `fixed` (a PDF page's line, a Parquet row) has no columns: each of its characters is at
    the run's `line:col`, which for a PDF is page:line and for a Parquet file row:line.
    """

    lines: tuple[int, ...]  # text offset where each line of the text begins: (0, ...)
    runs: tuple[int, ...]  # text offset where each run begins, ascending
    places: tuple[tuple[int, int], ...]  # source (line, col) of each run's first character
    fixed: bool = False

    def place(self, line: int, col: int) -> tuple[int, int]:
        """The source (line, col) of the text's 1-based `line`:`col`."""
        offset = self.lines[min(max(line, 1), len(self.lines)) - 1] + col - 1
        run = max(0, bisect.bisect_right(self.runs, offset) - 1)
        at_line, at_col = self.places[run]
        return (at_line, at_col) if self.fixed else (at_line, at_col + offset - self.runs[run])


@dataclass(frozen=True, slots=True)
class Document:
    """One loaded file with its provenance."""

    id: str  # the path relative to the working directory, as posix: unique in a run
    path: Path
    text: str
    title: str = ""
    outlet: str = ""
    published: str = ""  # ISO date as written in the provenance, '' when unknown
    url: str = ""
    body_line: int = 1  # line of `text`'s first character in the file (after front matter)
    origin: str = ""  # who the document's unattributed figures come from, when it says so
    # where the text's characters are in the file, when the text is not the file as written
    # (checker.inputs); None: `line:col` in the text is `line:col` in the file
    places: SourceMap | None = field(default=None, compare=False, repr=False)

    @property
    def source(self) -> str:
        """The origin of a figure this document attributes to no one: its declared origin,
        else its outlet, else its id."""
        return self.origin or self.outlet or self.id


# Column name -> pandas dtype of the figures DataFrame, from extraction to export.
FIGURE_COLUMNS: Final[dict[str, str]] = {
    "document": "string",  # Document.id
    "path": "string",  # relative path, as given
    "outlet": "string",
    "source": "string",  # origin of the document's unattributed figures (Document.source)
    "published": "string",
    "line": "int64",  # 1-based, in the file
    "column": "int64",  # 1-based
    "start": "int64",  # character offsets of the figure in the document body
    "end": "int64",
    "text": "string",  # as written, hedge included: "more than 300"
    "value": "float64",  # the number as written, scaled: "1.2 million" -> 1200000
    "low": "float64",
    "high": "float64",
    "low_inclusive": "bool",
    "high_inclusive": "bool",
    "hedge": "string",  # exact / more-than / at-least / ... / approximately / range / vague
    "kind": "string",  # a Kind value
    "unit": "string",  # counted noun phrase, '%', currency code or measure unit
    "noun": "string",  # counted noun phrase as written ("one-way attack drones"), '' if none
    "head": "string",  # singular lower-case head of the noun phrase ("drone")
    "origin": "string",  # the speaker as written ("the Pentagon"), '' when unattributed
    "role": "string",  # the speaker's role from an apposition ("army spokesperson"), or ''
    "relay": "string",  # who passed the speaker's figure on ("via Reuters"), '' when none
    "modality": "string",  # count / projection ("could reach 9,000") / negated ("did not exceed")
    "earlier": "bool",  # a figure of an earlier statement quoted later ("up from 61")
    "stated": "string",  # ISO date of the statement when the text gives one, else ''
    "dated": "string",  # other dates the sentence names (ISO, comma-separated): the event's
    "revision": "bool",  # a stated revision ("revised down to 97", "lowered to 471")
    "sentence": "string",
    "sentence_start": "int64",  # offset of the sentence in the document body
    "sentence_index": "int64",  # running number of the sentence in its document
}


def empty_figures() -> pd.DataFrame:
    """A figures DataFrame with no rows and every declared column."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in FIGURE_COLUMNS.items()})


@dataclass(frozen=True, slots=True)
class Figure:
    """One number as written in one document: the typed view of a figures row."""

    document: str
    path: Path
    outlet: str
    published: str
    line: int
    column: int
    text: str
    value: float
    interval: Interval
    hedge: str
    kind: Kind
    unit: str
    noun: str
    head: str
    origin: str
    sentence: str
    offset: int  # of the figure inside `sentence`
    length: int  # of the figure's raw text in `sentence` ("more than\n300" is 14)
    role: str = ""
    relay: str = ""
    modality: str = "count"
    earlier: bool = False
    stated: str = ""
    dated: str = ""
    revision: bool = False
    source: str = ""  # the origin of the document's unattributed figures (Document.source)

    @property
    def location(self) -> Location:
        return Location(self.path, self.line, self.column)

    @property
    def date(self) -> str:
        """The date of the statement: the one the text gives, else the publication date."""
        return self.stated or self.published

    @classmethod
    def from_row(cls, row: pd.Series) -> Figure:
        return cls(
            document=str(row["document"]),
            path=Path(str(row["path"])),
            outlet=str(row["outlet"]),
            published=str(row["published"]),
            line=int(row["line"]),
            column=int(row["column"]),
            text=str(row["text"]),
            value=float(row["value"]),
            interval=Interval(
                float(row["low"]),
                float(row["high"]),
                bool(row["low_inclusive"]),
                bool(row["high_inclusive"]),
            ),
            hedge=str(row["hedge"]),
            kind=Kind(str(row["kind"])),
            unit=str(row["unit"]),
            noun=str(row["noun"]),
            head=str(row["head"]),
            origin=str(row["origin"]),
            sentence=str(row["sentence"]),
            offset=int(row["start"]) - int(row["sentence_start"]),
            length=int(row["end"]) - int(row["start"]),
            role=str(row["role"]),
            relay=str(row["relay"]),
            modality=str(row["modality"]),
            earlier=bool(row["earlier"]),
            stated=str(row["stated"]),
            dated=str(row["dated"]),
            revision=bool(row["revision"]),
            source=str(row["source"]),
        )


def _scaled(bound: float, factor: float) -> float:
    """A bound times `factor` (an infinite or zero bound stays as it is: inf × 0 is no value)."""
    return bound if math.isinf(bound) or bound == 0 else bound * factor


@dataclass(frozen=True, slots=True)
class Hedges:
    """How wide a hedged figure reads (docs/rules.md, "Hedge widths").

    "about N" spans half N's rounding step either side, between `narrowest` and `delta` of N
    ("about 300": ±10% at most, "about 347": ±2%); "nearly N" and "just over N" span `delta`
    of N below or above it. A percent is hedged in percentage points, between the two
    `points` ("some 97%" is [96, 98], "about 30%" [27, 33]). `vague` gives the interval of a
    vague quantity ("dozens": [24, 99]) where a rule overrides the table."""

    delta: float = 0.10
    narrowest: float = 0.02
    points: tuple[float, float] = (1.0, 3.0)
    vague: tuple[tuple[str, float, float], ...] = ()


DEFAULT_HEDGES: Final = Hedges()


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far apart two claims may be and still agree: relative (0.02) or absolute (3).

    Tolerance is a gap, measured once between two claims, never a halo added to both: "470"
    and "more than 490" are 20 apart, 4.1% of 490, so at 2% they disagree. A relative gap is
    measured against the larger of the two facing bounds (the one further from zero).
    """

    value: float = 0.0
    relative: bool = True

    def __str__(self) -> str:
        if self.relative:
            return f"{format_number(self.value * 100)}%"
        return format_number(self.value)

    def allows(self, low: float, high: float) -> bool:
        """Whether a gap from bound `low` up to bound `high` (low < high) is within tolerance."""
        if self.relative:
            if low < 0 < high or (low == 0 and high > 0) or (high == 0 and low < 0):
                return False  # a relative gap never crosses zero
            return high - low <= self.value * max(abs(low), abs(high))
        return high - low <= self.value

    def halo(self, interval: Interval) -> Interval:
        """The interval widened by half the tolerance on each side, so that two halos meet
        exactly when the gap between the intervals is within the tolerance.

        An absolute tolerance t is a gap of at most t: each side moves out by t/2. A relative
        tolerance is an absolute one on a log scale (a gap b - a <= t·b is a >= b·(1 - t)), so
        each side moves out by the factor √(1 - t). Intervals on a line whose halos meet
        pairwise share a common point (Helly's theorem in one dimension), so a set of claims
        that cannot all be true still always contains a pair that cannot both be true.
        """
        if self.value <= 0:
            return interval
        if not self.relative:
            half = self.value / 2
            low, high = interval.low - half, interval.high + half
            if interval.low >= 0 > low:  # a count never becomes negative by tolerance
                low = 0.0
            return Interval(low, high, interval.low_inclusive, interval.high_inclusive)
        shrink = math.sqrt(max(0.0, 1 - self.value))
        grow = 1 / shrink if shrink > 0 else math.inf
        low = _scaled(interval.low, shrink if interval.low > 0 else grow)
        high = _scaled(interval.high, grow if interval.high > 0 else shrink)
        return Interval(low, high, interval.low_inclusive, interval.high_inclusive)


def gap(first: Interval, second: Interval) -> tuple[float, float]:
    """(distance, share) between two intervals: 0 when they overlap; the share is the
    distance over the larger facing bound ("470" to "more than 490": (20, 0.0408))."""
    if first.low > second.low or (first.low == second.low and first.high > second.high):
        first, second = second, first
    if first.intersect(second) is not None or first.high >= second.low:
        return 0.0, 0.0
    distance = second.low - first.high
    base = max(abs(first.high), abs(second.low))
    return distance, (distance / base if base else math.inf)


class Trend(StrEnum):
    """How a time-aware fact may change: a toll grows, a missing list shrinks, a count of the
    displaced may go either way (`any`: every change between dates is an update)."""

    INCREASING = "increasing"
    DECREASING = "decreasing"
    ANY = "any"


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing being measured, as a rule defines it."""

    id: str
    title: str
    kind: Kind
    location: Location
    counts: tuple[str, ...] = ()  # counted noun phrases, fuzzy-matched
    context: tuple[str, ...] = ()  # any of these words in the sentence
    context_all: tuple[str, ...] = ()  # all of these words in the sentence
    exclude: tuple[str, ...] = ()  # none of these words in the sentence
    unit: str = ""  # currency code or measure unit, for money and measure facts
    tolerance: Tolerance = field(default_factory=Tolerance)
    discrepancy: Severity = Severity.ERROR
    single_source: Severity = Severity.WARNING
    evolving: Severity = Severity.WARNING
    min_origins: int = 2
    changes_over_time: Trend | None = None
    hedges: Hedges = DEFAULT_HEDGES  # how wide "about", "nearly" and "dozens" read
    window: int | None = None  # context words within this many words; None: the sentence
    origins: tuple[str, ...] = ()  # only claims from these origins count, when given
    exclude_origins: tuple[str, ...] = ()  # claims from these origins never count
    split_by: str = ""  # "origin": one finding per origin, each judged on its own
    projections: bool = False  # projected figures ("could reach 9,000") count too
    dated: str = ""  # ISO date of the event: a figure whose sentence names another is out
    timezone: int | None = None  # minutes east of UTC for a time fact ("1700 GMT" -> local)
    no_claim: Severity = Severity.WARNING  # severity when no figure of the corpus claims it
    examples: tuple[Example, ...] = ()

    @property
    def restricted(self) -> bool:
        """Whether the fact takes figures of some origins only: it then competes only with
        facts like it, so a general fact and a per-camp fact can both claim a figure."""
        return bool(self.origins or self.exclude_origins)


@dataclass(frozen=True, slots=True)
class Example:
    """A phrase a fact must (or must not) match, with the interval it should give."""

    text: str
    match: bool
    interval: str = ""  # expected interval as printed, "(300, inf)"; '' to skip the check
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """One rule example run against the rules: did the fact match as the example says?"""

    fact_id: str
    example: Example
    passed: bool
    reason: str  # why it failed, in the matcher's words; '' when it passed
    got: tuple[str, ...] = ()  # the intervals the fact's claims gave, "(300, inf)"


@dataclass(frozen=True, slots=True)
class OriginGroup:
    """Names that stand for one originator: 'Israel', 'the IDF', 'Hagari'."""

    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RuleSet:
    facts: tuple[Fact, ...]
    origin_groups: tuple[OriginGroup, ...] = ()
    noun_cutoff: float = 85.0  # rapidfuzz score a counted noun needs to match


@dataclass(frozen=True, slots=True)
class Claim:
    """A Figure assigned to a Fact, with the origin it counts towards."""

    fact_id: str
    figure: Figure
    origin: str  # the independent origin: a group name, the attribution, or the outlet
    score: float  # how well the counted noun matched, 0-100
    interval: Interval  # the figure's interval as the fact reads it (its hedge widths)
    tolerated: Interval  # `interval` widened by half the tolerance each side (Tolerance.halo)
    copy_of: str = ""  # the document whose wire copy this claim's document carries, or

    @property
    def sort_key(self) -> tuple[str, int, int]:
        return (self.figure.path.as_posix(), self.figure.line, self.figure.column)


class Step(StrEnum):
    """How one claim of a time-aware fact stands to the figure before it."""

    FIRST = "first"  # the earliest statement
    UNCHANGED = "unchanged"  # agrees with the current figure
    UPDATE = "update"  # moves the way the fact allows
    REVISION = "revision"  # goes the other way, as a stated revision ("revised down to")
    EARLIER = "earlier"  # an earlier statement quoted later ("up from 61"): history, not news
    WRONG_WAY = "wrong-way"  # goes the other way with no revision stated
    SAME_DAY = "same-day"  # contradicts another origin's figure of the same date


BAD_STEPS: Final = frozenset({Step.WRONG_WAY, Step.SAME_DAY})
MOVES: Final = frozenset({Step.FIRST, Step.UPDATE, Step.REVISION})  # steps that set the figure


@dataclass(frozen=True, slots=True)
class TimelineStep:
    """One claim of a time-aware fact in statement order, and how it moved the figure."""

    date: str  # the statement's date (ISO), '' when undated
    claim: Claim
    step: Step
    previous: Claim | None = None  # the claim it is measured against; None for the first


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one Fact and the claims behind it."""

    fact: Fact
    verdict: Verdict
    severity: Severity
    claims: tuple[Claim, ...]  # sorted by (path, line, column)
    documents: int
    origins: tuple[str, ...]
    conflict: tuple[Claim, ...]  # the smallest set of claims that cannot all be true
    why: str
    # For a discrepancy: the largest set of claims sharing one value, and the rest. Three
    # wires say 170, one says 185: the 185 claim is the outlier. Empty when there is no
    # strict majority (170 against 185 alone has no outlier, only a conflict).
    majority: tuple[Claim, ...] = ()
    outliers: tuple[Claim, ...] = ()
    agreed: Interval | None = None  # the values every claim (or the majority) allows
    # For a time-aware fact (changes_over_time): every claim in statement order, with how it
    # moved the figure; the bad steps are a discrepancy's reasons. Empty otherwise.
    timeline: tuple[TimelineStep, ...] = ()

    @property
    def fact_id(self) -> str:
        return self.fact.id

    @property
    def evidence(self) -> tuple[Claim, ...]:
        """The claims that make the verdict: the conflicting claims of a discrepancy, the
        claims that set each figure of an evolving timeline, else all."""
        if self.verdict is Verdict.DISCREPANCY and self.conflict:
            return self.conflict
        if self.verdict is Verdict.EVOLVING:
            return tuple(s.claim for s in self.timeline if s.step in MOVES)
        return self.claims

    @property
    def meaning(self) -> tuple[str, str, tuple[tuple[str, str, str, str], ...]]:
        """What the finding says, without positions: fact, verdict, (document, kind, unit, value).

        Values are the intervals as read ('170' and 'one hundred seventy' are both [170, 170]),
        before tolerance, so re-wording, moving a sentence or changing a tolerance does not
        make an accepted finding look new. A discrepancy is its two values that cannot both
        be true, and an evolving finding the values its timeline moves through, both without
        documents: which claims form the pair depends on file order, so an outlet that
        repeats '185' and sorts first would otherwise turn the accepted '170 vs 185' into a
        "new" finding. A single-source finding keeps its documents: which
        document a figure rests on is the point. The unit counts only for money and
        measures ("$1 billion" is not "€1 billion"); for a count it is the noun as written
        ("drones", "UAVs"), which the fact already pins down.
        """
        keep_document = self.verdict not in (Verdict.DISCREPANCY, Verdict.EVOLVING)
        values = sorted(
            {
                (
                    c.figure.document if keep_document else "",
                    c.figure.kind.value,
                    c.figure.unit if c.figure.kind in (Kind.MONEY, Kind.MEASURE) else "",
                    str(c.figure.interval),
                )
                for c in self.evidence
            }
        )
        return (self.fact.id, self.verdict.value, tuple(values))

    @property
    def fingerprint(self) -> str:
        """A stable id of the finding's meaning (16 hex digits), for baselines and SARIF."""
        fact, verdict, values = self.meaning
        payload = json.dumps([FINGERPRINT_VERSION, fact, verdict, values], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def shown(self, limit: int = SHOWN_CLAIMS) -> tuple[tuple[Claim, ...], int]:
        """At most `limit` claims to list, in order, and how many are left out: the
        conflicting pair and the outliers come first, then the others as they come."""
        if len(self.claims) <= limit:
            return self.claims, 0
        first = {id(c) for c in self.conflict}
        first.update(id(c) for c in self.outliers[: max(0, limit - len(first))])
        room = limit - len(first)
        keep = set(first)
        for claim in self.claims:
            if room <= 0:
                break
            if id(claim) not in keep:
                keep.add(id(claim))
                room -= 1
        shown = tuple(c for c in self.claims if id(c) in keep)
        return shown, len(self.claims) - len(shown)

    def summary(self) -> tuple[str, ...]:
        """The evidence as a reader would name it: "wire: '185' [185, 185]"."""
        return tuple(
            f"{c.figure.document}: {c.figure.text!r} {c.figure.interval}" for c in self.evidence
        )


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """An accepted finding, as recorded in a baseline file."""

    fingerprint: str
    fact: str
    verdict: Verdict
    claims: tuple[str, ...]  # Finding.summary(), for the reader of the baseline file

    def to_record(self) -> dict[str, object]:
        return {
            "fingerprint": self.fingerprint,
            "fact": self.fact,
            "verdict": self.verdict.value,
            "claims": list(self.claims),
        }


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A document that could not be read; it is reported and skipped."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A figure that came close to the fact, and the first test it failed."""

    figure: Figure
    score: float  # the counted noun's score against the fact's nouns, 0-100
    reason: str


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why one fact got its verdict: for `factcheck explain`."""

    fact: Fact
    documents: int  # documents read
    claims: tuple[Claim, ...]  # sorted by (path, line, column)
    near_misses: tuple[NearMiss, ...]  # sorted by (path, line, column)
    finding: Finding | None  # None when no figure matched
    hidden: bool  # the finding's severity is 'off', so `check` does not show it
    steps: tuple[str, ...]  # how the verdict was reached, in order
    problems: tuple[InputProblem, ...] = ()  # documents that could not be read


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """One speaker as the text names it, and how often: for `factcheck origins`."""

    speaker: str  # '' for figures no sentence attributes
    figures: int
    documents: int


@dataclass(frozen=True, slots=True)
class OriginSummary:
    """One independent origin of a corpus, the speakers it stands for and how it was made."""

    origin: str
    how: str  # a key of checker.origins.HOW: rules, names, speaker, source, wire
    figures: int
    documents: int
    speakers: tuple[SpeakerCount, ...]  # most figures first


@dataclass(frozen=True, slots=True)
class OriginsResult:
    """What `factcheck origins` shows: every origin of the corpus's figures."""

    origins: tuple[OriginSummary, ...]  # most figures first, then by name
    documents: int
    problems: tuple[InputProblem, ...] = ()


VERDICT_ORDER: Final = {
    Verdict.DISCREPANCY: 0,
    Verdict.EVOLVING: 1,
    Verdict.SINGLE_SOURCE: 2,
    Verdict.NO_CLAIM: 3,
    Verdict.AGREEMENT: 4,
}


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Everything a run found, already sorted: reporters read it and decide nothing.

    Documents and figures are counted, not kept: a run streams them (checker.stream), so
    memory holds only the claims whatever the size of the corpus.
    """

    documents: int  # documents read
    figures: int  # numbers extracted: figures and non-figures (dates, years…)
    findings: tuple[Finding, ...]  # discrepancies, then single-source, then agreement
    unmatched: int  # figures (of figure kinds) that matched no fact
    problems: tuple[InputProblem, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. a figure two facts claimed equally
    fail_on: FailOn = FailOn.ERROR
    baseline: str = ""  # the baseline file as given on the command line, '' without one
    baselined: tuple[str, ...] = ()  # fingerprints of findings the baseline accepts, sorted
    stale: tuple[BaselineEntry, ...] = ()  # baseline entries no finding matches any more
    folders: tuple[tuple[str, int], ...] = ()  # (folder, documents read there), sorted
    # where the rules came from when no rules file did ("rules suggested from the
    # documents: 11 facts"), said first by every report; '' for rules files
    rules_note: str = ""

    def is_baselined(self, finding: Finding) -> bool:
        return finding.fingerprint in self.baselined

    def would_fail(self, finding: Finding) -> bool:
        """Whether the finding fails under `fail_on`, the baseline aside."""
        if self.fail_on is FailOn.NEVER or finding.verdict is Verdict.AGREEMENT:
            return False
        if finding.severity is Severity.ERROR:
            return True
        return finding.severity is Severity.WARNING and finding.verdict in PROMOTED[self.fail_on]

    def fails(self, finding: Finding) -> bool:
        """Whether this finding fails the build: it would, and no baseline accepts it."""
        return self.would_fail(finding) and not self.is_baselined(finding)

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if self.fails(f))

    @property
    def exit_code(self) -> ExitCode:
        if self.problems:
            return ExitCode.ERROR
        return ExitCode.FINDINGS if self.failing else ExitCode.OK

    def count(self, verdict: Verdict, severity: Severity | None = None) -> int:
        """Findings of `verdict` (at `severity`, when given)."""
        return sum(
            1
            for f in self.findings
            if f.verdict is verdict and (severity is None or f.severity is severity)
        )

    def to_records(self) -> dict[str, object]:
        """The whole result as builtin types, in report order: JSON and CSV start here."""
        return {
            "version": RESULT_SCHEMA_VERSION,
            "summary": {
                "documents": self.documents,
                "figures": self.figures,
                "facts": len(self.findings),
                "unmatched_figures": self.unmatched,
                "discrepancy": self.count(Verdict.DISCREPANCY),
                "evolving": self.count(Verdict.EVOLVING),
                "single_source": self.count(Verdict.SINGLE_SOURCE),
                "agreement": self.count(Verdict.AGREEMENT),
                "no_claim": self.count(Verdict.NO_CLAIM),
                "failing": len(self.failing),
                "fail_on": self.fail_on.value,
                "baselined": sum(1 for f in self.findings if self.is_baselined(f)),
                "stale": len(self.stale),
            },
            "baseline": self.baseline or None,
            "findings": [_finding_record(self, f) for f in self.findings],
            "stale": [entry.to_record() for entry in self.stale],
            "problems": [
                {
                    "path": p.location.path.as_posix(),
                    "line": p.location.line,
                    "column": p.location.col,
                    "message": p.message,
                }
                for p in self.problems
            ],
            "notes": [self.rules_note, *self.notes] if self.rules_note else list(self.notes),
        }


def bound(value: float) -> float | None:
    """A bound for JSON: None where unbounded."""
    return None if math.isinf(value) else value


def _finding_record(result: CheckResult, finding: Finding) -> dict[str, object]:
    conflict = {id(c) for c in finding.conflict}
    outliers = {id(c) for c in finding.outliers}
    index = {id(c): i for i, c in enumerate(finding.claims)}
    return {
        "fact": finding.fact.id,
        "title": finding.fact.title,
        "verdict": finding.verdict.value,
        "severity": finding.severity.value,
        "fingerprint": finding.fingerprint,
        "fails": result.fails(finding),
        "baselined": result.is_baselined(finding),
        "rule": str(finding.fact.location),
        "documents": finding.documents,
        "origins": list(finding.origins),
        "agreed": None if finding.agreed is None else str(finding.agreed),
        "why": finding.why,
        "claims": [
            {
                "document": c.figure.document,
                "path": c.figure.path.as_posix(),
                "outlet": c.figure.outlet,
                "published": c.figure.published,
                "line": c.figure.line,
                "column": c.figure.column,
                "text": c.figure.text,
                "value": c.figure.value,
                "low": bound(c.figure.interval.low),
                "high": bound(c.figure.interval.high),
                "interval": str(c.figure.interval),
                "tolerated": str(c.tolerated),
                "kind": c.figure.kind.value,
                "unit": c.figure.unit,
                "origin": c.origin,
                "attribution": c.figure.origin,
                "sentence": c.figure.sentence,
                "in_conflict": id(c) in conflict,
                "outlier": id(c) in outliers,
            }
            for c in finding.claims
        ],
        "timeline": [
            {
                "date": step.date,
                "step": step.step.value,
                "claim": index[id(step.claim)],
                "previous": None if step.previous is None else index[id(step.previous)],
            }
            for step in finding.timeline
        ],
    }
