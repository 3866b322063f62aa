"""Finding -> chart geometry for the HTML report: a number line of the claims, and a timeline.

Only positions, classes and labels are computed here, in the SVG's own units; the templates
(``templates/charts.svg.j2``) turn them into markup. Nothing is measured from the page, so
the same finding always gives the same chart.

The number line draws every claim's interval as a bar on one axis, one row per claim, rows
grouped by origin in the finding's order of origins. A closed end is a filled dot, an open end
("more than 300") a hollow one, an unbounded end an arrow at the edge. Behind each bar its halo
(``Claim.tolerated``: the interval widened by half the tolerance each side) is drawn lighter:
two claims agree exactly when their halos meet. The agreed range is a shaded band.

The timeline puts each statement of a time-aware fact at its date (x) and figure (y), joins the
figures that set the current value, and marks the wrong-way steps and same-day contradictions.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from checker.model import BAD_STEPS, MOVES, Claim, Finding, Interval, Step
from checker.report.terminal import step_note

WIDTH: Final = 720  # viewBox width; the SVG scales to its card
GUTTER: Final = 190  # left column of origin labels on the number line
RIGHT_PAD: Final = 18
ROW: Final = 24  # height of one claim's row
GROUP_GAP: Final = 6  # extra space between two origins' rows
TOP: Final = 20  # room above the first row, for the agreed range's label
AXIS: Final = 30  # room below the last row, for the axis and its labels
TICKS: Final = 5  # about this many ticks on an axis
PALETTE: Final = 8  # origin colors cycle through o0..o7 (CSS decides the colors)
CHAR: Final = 6.6  # approximate width of one character of the 11px label font
LABEL_CHARS: Final = 18  # origin labels longer than this are cut with '…'
ORIGIN_AT: Final = 32  # x of the origin label; the claim's number sits before it


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Scale:
    """A linear map from values [d0, d1] to positions [r0, r1]; infinities go to the edges."""

    d0: float
    d1: float
    r0: float
    r1: float

    def __call__(self, value: float) -> float:
        if value == math.inf:
            return self.r1
        if value == -math.inf:
            return self.r0
        share = (value - self.d0) / (self.d1 - self.d0)
        return self.r0 + min(1.0, max(0.0, share)) * (self.r1 - self.r0)


@dataclass(frozen=True, slots=True)
class Tick:
    at: float  # position on the axis
    label: str


def tick_step(span: float, count: int = TICKS) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about `count` ticks over `span`.

    The thresholds are the geometric means between the round factors (√2, √10, √50), as
    d3-array's tickIncrement uses: a raw step of 0.37 × 10ⁿ rounds to 0.5 × 10ⁿ, not 0.2.
    """
    raw = span / count
    power = 10.0 ** math.floor(math.log10(raw))
    ratio = raw / power
    factor = (
        10
        if ratio >= math.sqrt(50)
        else 5
        if ratio >= math.sqrt(10)
        else 2
        if ratio >= math.sqrt(2)
        else 1
    )
    return factor * power


def tick_label(value: float, step: float) -> str:
    """'34,000', '0.5', '1,200,000': as many decimals as the step needs, thousands grouped."""
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    text = f"{value:,.{decimals}f}"
    return "0" if text.strip("-0.,") == "" else text


def nice_axis(
    values: Iterable[float], r0: float, r1: float, *, floor_zero: bool = True
) -> tuple[Scale, tuple[Tick, ...]]:
    """A scale over the finite `values`, widened to round ticks, and its ticks.

    One value (or all equal) gets a span of 10% of it around it (1 around zero). When every
    value is at least 0, the axis does not go below 0 ("fewer than 50" starts at 0).
    """
    finite = [v for v in values if not math.isinf(v)]
    low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
    if high - low <= 0:
        pad = abs(low) * 0.05 or 0.5
        low, high = low - pad, high + pad
    if floor_zero and finite and min(finite) >= 0:
        low = max(low, 0.0)
    step = tick_step(high - low)
    first, last = math.floor(low / step), math.ceil(high / step)
    d0, d1 = first * step, last * step
    scale = Scale(d0, d1, r0, r1)
    ticks = tuple(
        Tick(scale(round(i * step, 12)), tick_label(round(i * step, 12), step))
        for i in range(first, last + 1)
    )
    return scale, ticks


@dataclass(frozen=True, slots=True)
class End:
    """One end of a bar: a filled dot (closed), a hollow dot (open) or an arrow (unbounded)."""

    at: float
    shape: str  # "closed", "open", "arrow-left", "arrow-right"


@dataclass(frozen=True, slots=True)
class Row:
    """One claim on the number line."""

    number: int  # the claim's number in the card's list (1-based, model order)
    y: float  # centre line of the row
    color: int  # origin color, 0..PALETTE-1
    origin: str  # the origin's name on the group's first row, '' on the others
    text: str  # the figure as written, beside the bar
    text_at: float
    text_anchor: str  # "start" or "end"
    bar: tuple[float, float]
    halo: tuple[float, float]
    ends: tuple[End, ...]
    conflict: bool
    outlier: bool
    title: str  # the row's tooltip: what the bar says in words


@dataclass(frozen=True, slots=True)
class NumberLine:
    width: int
    height: float
    left: float  # x of the plot area
    right: float
    top: float
    bottom: float  # y of the axis
    ticks: tuple[Tick, ...]
    rows: tuple[Row, ...]
    agreed: tuple[float, float] | None
    agreed_label: str
    label: str  # the chart's accessible name
    description: str  # what it shows, in words, for screen readers


def _ends(interval: Interval, scale: Scale) -> tuple[End, ...]:
    low = (
        End(scale(interval.low), "arrow-left")
        if math.isinf(interval.low)
        else End(scale(interval.low), "closed" if interval.low_inclusive else "open")
    )
    high = (
        End(scale(interval.high), "arrow-right")
        if math.isinf(interval.high)
        else End(scale(interval.high), "closed" if interval.high_inclusive else "open")
    )
    return (low,) if interval.low == interval.high else (low, high)


def _label_place(
    text: str, bar: tuple[float, float], left: float, right: float
) -> tuple[float, str]:
    """Beside the bar where the label fits: after it, else before it, else inside at its start."""
    width = len(text) * CHAR
    if bar[1] + 8 + width <= right:
        return bar[1] + 8, "start"
    if bar[0] - 8 - width >= left:
        return bar[0] - 8, "end"
    return max(left, bar[0]) + 10, "start"  # clear of the end's dot


def describe(claim: Claim) -> str:
    """ "'170' [170, 170], with tolerance [168.3, 171.7], origin Israel"."""
    text = f"'{claim.figure.text}' {claim.interval}"
    if claim.tolerated != claim.interval:
        text += f", halo {claim.tolerated}"
    return f"{text}, origin {claim.origin}"


def origin_colors(finding: Finding) -> dict[str, int]:
    """Each origin's color, by its place in the finding's origins."""
    return {origin: i % PALETTE for i, origin in enumerate(finding.origins)}


def number_line(finding: Finding) -> NumberLine:
    """The number line of one finding's claims."""
    numbers = {id(c): i for i, c in enumerate(finding.claims, start=1)}
    conflict = {id(c) for c in finding.conflict}
    outliers = {id(c) for c in finding.outliers}
    colors = origin_colors(finding)
    groups: dict[str, list[Claim]] = {origin: [] for origin in finding.origins}
    for claim in finding.claims:
        groups.setdefault(claim.origin, []).append(claim)
    values = [
        bound
        for claim in finding.claims
        for interval in (claim.interval, claim.tolerated)
        for bound in (interval.low, interval.high)
    ]
    unbounded_high = any(math.isinf(c.tolerated.high) for c in finding.claims)
    unbounded_low = any(math.isinf(c.tolerated.low) for c in finding.claims)
    finite = [v for v in values if not math.isinf(v)]
    if finite and (unbounded_high or unbounded_low):
        # Leave room past the last finite bound, so an arrow reads as "and beyond".
        span = (max(finite) - min(finite)) or abs(max(finite)) * 0.1 or 1.0
        values += [max(finite) + span * 0.25] if unbounded_high else []
        values += [min(finite) - span * 0.25] if unbounded_low else []
    left, right = float(GUTTER), float(WIDTH - RIGHT_PAD)
    scale, ticks = nice_axis(values, left, right)
    rows: list[Row] = []
    y = float(TOP)
    for group, (origin, members) in enumerate(groups.items()):
        if not members:
            continue
        y += GROUP_GAP if group else 0
        for index, claim in enumerate(members):
            y += ROW / 2
            bar = (scale(claim.interval.low), scale(claim.interval.high))
            text = claim.figure.text + (" · outlier" if id(claim) in outliers else "")
            text_at, anchor = _label_place(text, bar, left, right)
            flags = (" — conflicting" if id(claim) in conflict else "") + (
                " — outlier" if id(claim) in outliers else ""
            )
            rows.append(
                Row(
                    number=numbers[id(claim)],
                    y=y,
                    color=colors.get(origin, 0),
                    origin=_clip(origin, LABEL_CHARS) if index == 0 else "",
                    text=text,
                    text_at=text_at,
                    text_anchor=anchor,
                    bar=bar,
                    halo=(scale(claim.tolerated.low), scale(claim.tolerated.high)),
                    ends=_ends(claim.interval, scale),
                    conflict=id(claim) in conflict,
                    outlier=id(claim) in outliers,
                    title=f"#{numbers[id(claim)]} {describe(claim)}{flags}",
                )
            )
            y += ROW / 2
    bottom = y + 6
    agreed = None
    if finding.agreed is not None:
        agreed = (scale(finding.agreed.low), scale(finding.agreed.high))
    marked = [f"#{numbers[id(c)]} '{c.figure.text}'" for c in finding.conflict]
    description = (
        f"{len(finding.claims)} claim{'s' if len(finding.claims) != 1 else ''} from "
        f"{len(finding.origins)} origin{'s' if len(finding.origins) != 1 else ''} on one axis"
        + (f"; agreed range {finding.agreed}" if finding.agreed is not None else "")
        + (f"; cannot both be true: {' and '.join(marked)}" if marked else "")
        + (
            f"; outliers: {', '.join(str(numbers[id(c)]) for c in finding.outliers)}"
            if finding.outliers
            else ""
        )
    )
    return NumberLine(
        width=WIDTH,
        height=bottom + AXIS,
        left=left,
        right=right,
        top=float(TOP),
        bottom=bottom,
        ticks=ticks,
        rows=tuple(rows),
        agreed=agreed,
        agreed_label=f"agreed {finding.agreed}" if finding.agreed is not None else "",
        label=f"Number line of {finding.fact.id}",
        description=description,
    )


TIMELINE_HEIGHT: Final = 220
TIMELINE_LEFT: Final = 70  # room for the value axis' labels
TIMELINE_TOP: Final = 16
TIMELINE_BOTTOM: Final = 40  # room for the date labels
DODGE: Final = 7.0  # horizontal offset between statements of one date
DATE_LABEL: Final = 76.0  # room one date label ("2023-08-22") needs on the axis
STUB: Final = 22.0  # length of the arrow that stands for an unbounded end on the timeline


@dataclass(frozen=True, slots=True)
class Mark:
    """One statement of a time-aware fact at its date and figure."""

    number: int  # the claim's number in the card's list
    x: float
    low: float  # y of the interval's ends (y grows downwards: low >= high)
    high: float
    y: float  # y of the figure as written
    low_arrow: bool  # the interval is unbounded below / above
    high_arrow: bool
    color: int
    step: Step
    bad: bool
    title: str


@dataclass(frozen=True, slots=True)
class Link:
    """A segment between two marks: the figure's path, or a bad step back to what it breaks."""

    x1: float
    y1: float
    x2: float
    y2: float
    bad: bool


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    value_ticks: tuple[Tick, ...]  # `at` is a y position
    date_ticks: tuple[Tick, ...]  # `at` is an x position
    marks: tuple[Mark, ...]
    path: tuple[Link, ...]  # the figure as it was set, step to step
    breaks: tuple[Link, ...]  # each bad step, from the claim it goes against
    undated: int  # statements with no date, listed but not placed
    label: str
    description: str


def _day(iso: str) -> int | None:
    try:
        return datetime.date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def _date_ticks(days: Sequence[int], scale: Scale) -> tuple[Tick, ...]:
    """Every date when there are few, else about TICKS spread over the range; a date whose
    label would run into the one before it is left out (the marks still carry their date)."""
    distinct = sorted(set(days))
    if len(distinct) > TICKS:
        first, last = distinct[0], distinct[-1]
        step = max(1, math.ceil((last - first) / (TICKS - 1)))
        distinct = list(range(first, last + 1, step))
    ticks: list[Tick] = []
    for day in distinct:
        at = scale(day)
        if ticks and at - ticks[-1].at < DATE_LABEL:
            continue
        ticks.append(Tick(at, datetime.date.fromordinal(day).isoformat()))
    return tuple(ticks)


def timeline(finding: Finding) -> Timeline | None:
    """The timeline chart of a time-aware finding; None when it has no dated statement."""
    steps = [s for s in finding.timeline if _day(s.date) is not None]
    if not steps:
        return None
    numbers = {id(c): i for i, c in enumerate(finding.claims, start=1)}
    colors = origin_colors(finding)
    days = [_day(s.date) or 0 for s in steps]
    left, right = float(TIMELINE_LEFT), float(WIDTH - RIGHT_PAD - 20)
    top, bottom = float(TIMELINE_TOP), float(TIMELINE_HEIGHT - TIMELINE_BOTTOM)
    first, last = min(days), max(days)
    pad = max(1, (last - first) // 20)
    x_scale = Scale(first - pad, last + pad, left, right)
    values = [
        bound
        for s in steps
        for bound in (s.claim.interval.low, s.claim.interval.high, s.claim.figure.value)
    ]
    finite = [v for v in values if not math.isinf(v)]
    if finite:  # a margin, so the highest and lowest marks are not on the frame
        margin = (max(finite) - min(finite)) * 0.08
        values += [min(finite) - margin, max(finite) + margin]
    y_scale, value_ticks = nice_axis(values, bottom, top)
    seen: dict[int, int] = {}
    count: dict[int, int] = {}
    for day in days:
        count[day] = count.get(day, 0) + 1
    marks: list[Mark] = []
    by_claim: dict[int, Mark] = {}
    for step, day in zip(steps, days, strict=True):
        place = seen.get(day, 0)
        seen[day] = place + 1
        x = x_scale(day) + (place - (count[day] - 1) / 2) * DODGE
        interval = step.claim.interval
        # "At least 89" is an arrow up from 89, not a line to the top: the axis is the
        # figures', and a ray across it would hide the statements around it.
        low, high = y_scale(interval.low), y_scale(interval.high)
        if math.isinf(interval.high):
            high = (
                low if not math.isinf(interval.low) else y_scale(step.claim.figure.value)
            ) - STUB
        if math.isinf(interval.low):
            low = (
                high if not math.isinf(interval.high) else y_scale(step.claim.figure.value)
            ) + STUB
        mark = Mark(
            number=numbers[id(step.claim)],
            x=x,
            low=low,
            high=high,
            y=y_scale(min(max(step.claim.figure.value, interval.low), interval.high)),
            low_arrow=math.isinf(interval.low),
            high_arrow=math.isinf(interval.high),
            color=colors.get(step.claim.origin, 0),
            step=step.step,
            bad=step.step in BAD_STEPS,
            title=(
                f"#{numbers[id(step.claim)]} {step.date}: '{step.claim.figure.text}' "
                f"{interval}, {step.claim.origin} — {step_note(step)}"
            ),
        )
        marks.append(mark)
        by_claim[id(step.claim)] = mark
    path: list[Link] = []
    current: Mark | None = None
    for step, mark in zip(steps, marks, strict=True):
        if step.step in MOVES:
            if current is not None:
                path.append(Link(current.x, current.y, mark.x, mark.y, bad=False))
            current = mark
    breaks = [
        Link(by_claim[id(s.previous)].x, by_claim[id(s.previous)].y, m.x, m.y, bad=True)
        for s, m in zip(steps, marks, strict=True)
        if m.bad and s.previous is not None and id(s.previous) in by_claim
    ]
    bad = [m for m in marks if m.bad]
    description = (
        f"{len(marks)} dated statement{'s' if len(marks) != 1 else ''} from "
        f"{steps[0].date} to {steps[-1].date}"
        + (
            "; offending steps: " + ", ".join(f"#{m.number} {m.step.value}" for m in bad)
            if bad
            else "; every step moves the way the fact allows"
        )
    )
    return Timeline(
        width=WIDTH,
        height=TIMELINE_HEIGHT,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        value_ticks=value_ticks,
        date_ticks=_date_ticks(days, x_scale),
        marks=tuple(marks),
        path=tuple(path),
        breaks=tuple(breaks),
        undated=len(finding.timeline) - len(steps),
        label=f"Timeline of {finding.fact.id}: statement date against figure",
        description=description,
    )


def fmt(value: float) -> str:
    """A coordinate for the SVG: one decimal, no '-0.0', no trailing '.0'."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text
