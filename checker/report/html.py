"""CheckResult -> one self-contained HTML page: a header, filters, and one card per finding.

Every style, script and chart is inside the page (no request leaves it; its Content Security
Policy allows nothing else). Charts are inline SVG drawn when the report is built, from the
geometry in ``charts.py``, by the Jinja2 templates beside this module (``templates/``): a
number line of every finding's claims and, for a time-aware fact, a timeline. The script only
filters (verdict, severity, origin, what fails, text search), expands and collapses cards.

Like every reporter it is a pure function of the result: no clock, no absolute path, the
model's order of findings and claims. Links to the documents are relative; ``root`` is the way
from the report's folder to the working directory ("../" for ``reports/factcheck.html``).
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from checker.model import (
    BAD_STEPS,
    VERDICT_ORDER,
    CheckResult,
    Claim,
    FailOn,
    Finding,
    Severity,
    Step,
    TimelineStep,
    Verdict,
    format_number,
)
from checker.report import charts
from checker.report.terminal import counts, step_mark, step_note, verdict_line

VERDICTS: Final = tuple(VERDICT_ORDER)  # discrepancy, evolving, single-source, agreement
LABELS: Final = {
    Verdict.DISCREPANCY: "Discrepancy",
    Verdict.EVOLVING: "Evolving",
    Verdict.SINGLE_SOURCE: "Single source",
    Verdict.AGREEMENT: "Agreement",
    Verdict.NO_CLAIM: "No claim",
}
# What fails the build at each --fail-on level, as the README's table says it.
FAIL_RULES: Final = {
    FailOn.ERROR: "a finding fails when its severity is error",
    FailOn.DISCREPANCY: "a finding fails when its severity is error, or it is a discrepancy "
    "at warning",
    FailOn.EVOLVING: "a finding fails when its severity is error, or it is a discrepancy or "
    "evolving finding at warning",
    FailOn.SINGLE_SOURCE: "a finding fails when its severity is error, or it is a discrepancy, "
    "evolving or single-source finding at warning",
    FailOn.NEVER: "nothing fails: the reports are written and the exit status is 0",
}
OPEN_CARDS: Final = 25  # the first failing findings start open; the rest start collapsed
FOLDERS_SHOWN: Final = 12  # folders of the corpus named in the header; the rest are counted


@dataclass(frozen=True, slots=True)
class Sentence:
    """A claim's sentence cut around its figure, so the template can mark it."""

    before: str
    figure: str
    after: str


def sentence(claim: Claim) -> Sentence:
    figure = claim.figure
    text = figure.sentence.replace("\n", " ")
    end = figure.offset + figure.length
    return Sentence(text[: figure.offset], text[figure.offset : end], text[end:])


@dataclass(frozen=True, slots=True)
class ClaimView:
    """One claim of a card: its number, marks, color and timeline step."""

    number: int  # 1-based, in the model's order of claims
    claim: Claim
    conflict: bool
    outlier: bool
    color: int  # origin color, as on the chart
    step: TimelineStep | None
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class StepView:
    """One row of a card's timeline table."""

    date: str
    step: Step
    bad: bool
    number: int  # the claim's number in the card's list
    claim: Claim
    note: str  # 'update', "same-day: contradicts '85' (The Asia Live)"
    mark: str  # ↑, ↓ (the way an update moved), ·, =, ⋯, ✗


@dataclass(frozen=True, slots=True)
class Card:
    """One finding as the template shows it."""

    index: int
    finding: Finding
    fails: bool
    baselined: bool
    open: bool
    origins: str  # indices into the report's origin list, for the origin filter
    line: charts.NumberLine | None  # none for a fact no figure claims
    timeline: charts.Timeline | None
    claims: tuple[ClaimView, ...]
    steps: tuple[StepView, ...]  # the timeline's rows, when the card shows a timeline


def _folders(result: CheckResult) -> list[tuple[str, int]]:
    return list(result.folders)


def link(root: str, path: str) -> str:
    """A relative link from the report to a document: root + path, URL-quoted."""
    return root + quote(path, safe="/")


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["c"] = charts.fmt
    env.filters["num"] = format_number
    env.globals.update(
        LABELS={v.value: label for v, label in LABELS.items()},
        step_mark=step_mark,
        link=link,
    )
    return env


@cache
def _asset(name: str) -> tuple[Markup, str]:
    """An inlined stylesheet or script and its CSP hash ('sha256-…')."""
    text = resources.files("checker.report").joinpath("templates", name).read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"  # our own file: no user text


def _claims(finding: Finding, with_steps: bool) -> tuple[ClaimView, ...]:
    conflict = {id(c) for c in finding.conflict}
    outliers = {id(c) for c in finding.outliers}
    colors = charts.origin_colors(finding)
    steps = {id(s.claim): s for s in finding.timeline} if with_steps else {}
    return tuple(
        ClaimView(
            number=number,
            claim=claim,
            conflict=id(claim) in conflict,
            outlier=id(claim) in outliers,
            color=colors[claim.origin],
            step=steps.get(id(claim)),
            sentence=sentence(claim),
        )
        for number, claim in enumerate(finding.claims, start=1)
    )


def _steps(finding: Finding) -> tuple[StepView, ...]:
    numbers = {id(c): i for i, c in enumerate(finding.claims, start=1)}
    return tuple(
        StepView(
            date=step.date,
            step=step.step,
            bad=step.step in BAD_STEPS,
            number=numbers[id(step.claim)],
            claim=step.claim,
            note=step_note(step),
            mark=step_mark(step),
        )
        for step in finding.timeline
    )


def _cards(result: CheckResult, origin_index: dict[str, int]) -> list[Card]:
    cards = []
    opened = 0
    for index, finding in enumerate(result.findings):
        fails = result.fails(finding)
        opened += fails
        shows_timeline = bool(finding.timeline) and finding.verdict is not Verdict.AGREEMENT
        cards.append(
            Card(
                index=index,
                finding=finding,
                fails=fails,
                baselined=result.is_baselined(finding),
                open=fails and opened <= OPEN_CARDS,
                origins=" ".join(str(origin_index[o]) for o in finding.origins),
                line=charts.number_line(finding) if finding.claims else None,
                timeline=charts.timeline(finding) if shows_timeline else None,
                claims=_claims(finding, shows_timeline),
                steps=_steps(finding) if shows_timeline else (),
            )
        )
    return cards


def render(result: CheckResult, *, root: str = "") -> str:
    """The HTML report; document links are `root` + the document's path."""
    origins = Counter(o for f in result.findings for o in f.origins)
    origin_list = sorted(origins)
    origin_index = {origin: i for i, origin in enumerate(origin_list)}
    style, style_hash = _asset("report.css")
    script, script_hash = _asset("report.js")
    folders = _folders(result)
    rules = sorted({f.fact.location.path.as_posix() for f in result.findings})
    severities = {
        verdict.value: {
            severity.value: result.count(verdict, severity)
            for severity in (Severity.ERROR, Severity.WARNING)
        }
        for verdict in VERDICTS
    }
    failing = Counter(f.verdict for f in result.failing)
    template = _environment().get_template("report.html.j2")
    return template.render(
        result=result,
        title=f"factcheck: {counts(result)}",
        verdicts=[v.value for v in VERDICTS],
        count={v.value: result.count(v) for v in VERDICTS},
        severities=severities,
        severity_total={
            s: sum(severities[v.value][s] for v in VERDICTS) for s in ("error", "warning")
        },
        failing={v.value: failing[v] for v in VERDICTS},
        figures=result.figures,
        folders=folders[:FOLDERS_SHOWN],
        more_folders=len(folders) - FOLDERS_SHOWN,
        rules=rules,
        fail_rule=FAIL_RULES[result.fail_on],
        verdict_line=verdict_line(result).plain,
        baselined=sum(1 for f in result.findings if result.is_baselined(f)),
        origins=[(origin, origins[origin]) for origin in origin_list],
        cards=_cards(result, origin_index),
        root=root,
        style=style,
        script=script,
        csp=(
            f"default-src 'none'; style-src {style_hash}; script-src {script_hash}; "
            "img-src data:; base-uri 'none'; form-action 'none'"
        ),
    )
