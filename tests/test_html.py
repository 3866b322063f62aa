"""The HTML report: chart geometry, what each card shows, escaping, links, determinism.

The page in a real browser is tested in tests/test_html_browser.py; its golden files are
checked with the other formats' in tests/test_report.py.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import math
import re
from html import unescape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.model import BAD_STEPS, CheckResult, FailOn, Interval, Step, Verdict
from checker.pipeline import run_check
from checker.report import charts, html
from tests.conftest import ROOT
from tests.helpers import RULES, check, corpus, finding
from tests.test_report import with_baseline_and_problem

A = ("Agence A", "2024-04-14", "Iran launched 170 drones at Israel overnight.")
B = ("Wire B", "2024-04-14", "Iran launched 185 drones at Israel, officials said.")


@pytest.fixture
def discrepancy(in_root: Path) -> CheckResult:
    return run_check([Path("seeds"), Path("tests/data/corpus_discrepancy")])


AXES = [
    ((165, 190), ["165", "170", "175", "180", "185", "190"]),
    ((0, 50), ["0", "10", "20", "30", "40", "50"]),
    ((30_600, 34_000), ["30,500", "31,000", "31,500", "32,000", "32,500", "33,000", "33,500",
                        "34,000"]),
    ((0.25, 0.75), ["0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8"]),
    ((170, 170), ["160", "165", "170", "175", "180"]),
    ((0, 0), ["0", "0.1", "0.2", "0.3", "0.4", "0.5"]),
    ((-20, 35), ["-20", "-10", "0", "10", "20", "30", "40"]),
    ((980_000, 1_250_000), ["950,000", "1,000,000", "1,050,000", "1,100,000", "1,150,000",
                            "1,200,000", "1,250,000"]),
]  # fmt: skip


@pytest.mark.parametrize(("values", "labels"), AXES, ids=[str(v) for v, _ in AXES])
def test_axis_ticks_are_round_and_cover_the_values(
    values: tuple[float, float], labels: list[str]
) -> None:
    scale, ticks = charts.nice_axis(values, 0.0, 100.0)
    assert [t.label for t in ticks] == labels
    assert ticks[0].at == 0.0 and ticks[-1].at == 100.0
    assert scale.d0 <= min(values) and scale.d1 >= max(values)


def test_infinite_bounds_go_to_the_edges_and_values_are_clamped() -> None:
    scale = charts.Scale(0.0, 10.0, 100.0, 200.0)
    assert [scale(v) for v in (-math.inf, -5.0, 0.0, 2.5, 10.0, 99.0, math.inf)] == [
        100.0,
        100.0,
        100.0,
        125.0,
        200.0,
        200.0,
        200.0,
    ]


def test_the_conflicting_pair_is_marked_on_the_number_line(discrepancy: CheckResult) -> None:
    line = charts.number_line(finding(discrepancy, "drones-launched"))
    assert [(r.number, r.origin, r.text, r.conflict, r.outlier) for r in line.rows] == [
        (1, "Israel", "170", True, False),
        (2, "officials in Wash…", "185", True, False),
    ]
    assert line.description == (
        "2 claims from 2 origins on one axis; cannot both be true: #1 '170' and #2 '185'"
    )
    # Point figures: one closed dot each; the halo (2% tolerance) is wider than the point.
    for row in line.rows:
        assert [e.shape for e in row.ends] == ["closed"]
        assert row.halo[0] < row.bar[0] == row.bar[1] < row.halo[1]
    # The halos do not meet: that is the discrepancy, drawn.
    assert line.rows[0].halo[1] < line.rows[1].halo[0]


def test_open_closed_and_unbounded_ends_and_the_agreed_band(discrepancy: CheckResult) -> None:
    found = finding(discrepancy, "projectiles-launched")
    line = charts.number_line(found)
    shapes = {(r.number, r.text): [e.shape for e in r.ends] for r in line.rows}
    assert shapes == {
        (1, "more than 300"): ["open", "arrow-right"],
        (2, "hundreds of"): ["closed", "closed"],
        (3, "over 300"): ["open", "arrow-right"],
        (4, "more than 300"): ["open", "arrow-right"],
    }
    by_number = {r.number: r for r in line.rows}
    # The agreed range (300, 999] runs from the open end of 'more than 300' to the end of
    # 'hundreds of'; an unbounded end reaches the plot's right edge, as does its halo.
    assert found.agreed == Interval(300, 999, False, True)
    assert line.agreed == (by_number[1].ends[0].at, by_number[2].ends[1].at)
    assert by_number[1].ends[1].at == by_number[1].halo[1] == line.right
    # Rows are grouped by origin, in the finding's order of origins.
    assert [r.origin for r in line.rows] == [
        "Example Wire",
        "Gallant",
        "JNS (Jewish News…",
        "The National (Abu…",
    ]
    assert [r.number for r in line.rows] == [4, 2, 3, 1]
    assert [r.color for r in line.rows] == [0, 1, 2, 3]


def test_a_label_that_does_not_fit_after_its_bar_goes_before_it_or_inside() -> None:
    assert charts._label_place("185", (300.0, 300.0), 190.0, 702.0) == (308.0, "start")
    assert charts._label_place("more than 300", (600.0, 702.0), 190.0, 702.0) == (592.0, "end")
    assert charts._label_place("at least 115", (200.0, 702.0), 190.0, 702.0) == (210.0, "start")


def test_an_outlier_is_marked_on_the_chart_and_in_the_list(tmp_path: Path) -> None:
    texts = {"a.txt": 170, "b.txt": 170, "c.txt": 170, "d.txt": 185}
    result = check(
        tmp_path,
        {
            name: (f"Wire {name[0].upper()}", "2024-04-14", f"Iran launched {n} drones at Israel.")
            for name, n in texts.items()
        },
    )
    found = finding(result, "drones-launched")
    line = charts.number_line(found)
    assert [(r.number, r.text, r.conflict, r.outlier) for r in line.rows] == [
        (1, "170", True, False),
        (2, "170", False, False),
        (3, "170", False, False),
        (4, "185 · outlier", True, True),
    ]
    page = html.render(result)
    assert re.findall(r'<li class="([^"]*)" id="f0-c\d">', page) == [
        "claim conflict",
        "claim",
        "claim",
        "claim conflict outlier",
    ]


def timeline_result(tmp_path: Path) -> CheckResult:
    """A death toll that rises, is contradicted on one day, then falls with no revision."""
    return check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-03-01", "In Gaza, 30,000 people have been killed."),
            "b.txt": ("Wire B", "2024-03-20", "In Gaza, 32,000 people have been killed."),
            "c.txt": ("Wire C", "2024-03-20", "In Gaza, 31,000 people have been killed."),
            "d.txt": ("Wire D", "2024-04-18", "In Gaza, 29,000 people have been killed."),
        },
    )


def test_the_timeline_marks_same_day_and_wrong_way_steps(tmp_path: Path) -> None:
    found = finding(timeline_result(tmp_path), "gaza-death-toll")
    assert found.verdict is Verdict.DISCREPANCY
    chart = charts.timeline(found)
    assert chart is not None
    steps = [(m.number, m.step, m.bad) for m in chart.marks]
    assert steps == [
        (1, Step.FIRST, False),
        (3, Step.UPDATE, False),
        (2, Step.SAME_DAY, True),
        (4, Step.WRONG_WAY, True),
    ]
    # The two statements of 2024-03-20 are side by side, not on top of each other.
    assert chart.marks[2].x - chart.marks[1].x == charts.DODGE
    # Higher figures sit higher (y grows downwards): 31,000 above 30,000, 29,000 lowest.
    assert chart.marks[1].y < chart.marks[0].y < chart.marks[3].y
    assert [t.label for t in chart.date_ticks] == ["2024-03-01", "2024-03-20", "2024-04-18"]
    # Each bad step is drawn back to the claim it goes against; the path follows the moves.
    assert len(chart.breaks) == sum(s.step in BAD_STEPS for s in found.timeline) == 2
    assert len(chart.path) == 1
    assert chart.description == (
        "4 dated statements from 2024-03-01 to 2024-04-18; offending steps: #2 same-day, "
        "#4 wrong-way"
    )


STEP_ROW = re.compile(
    r'<tr class="step-[^"]*"><td>(.*?)</td><td>(.*?)</td><td><a [^>]*>(#\d)</a></td>'
    r"<td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>"
)


def test_the_timeline_table_names_each_step(tmp_path: Path) -> None:
    page = html.render(timeline_result(tmp_path))
    rows = STEP_ROW.findall(page)
    assert rows == [
        ("2024-03-01", "·", "#1", "30,000", "Wire A", "first"),
        ("2024-03-20", "↑", "#3", "31,000", "Wire C", "update"),
        ("2024-03-20", "✗", "#2", "32,000", "Wire B",
         "same-day: contradicts &#39;31,000&#39; (Wire C)"),
        ("2024-04-18", "✗", "#4", "29,000", "Wire D",
         "wrong-way: after &#39;31,000&#39; (Wire C)"),
    ]  # fmt: skip
    marks = re.findall(r'<g class="mark o\d step-([a-z-]+)( bad)?">', page)
    assert marks == [("first", ""), ("update", ""), ("same-day", " bad"), ("wrong-way", " bad")]


def test_an_undated_statement_is_listed_but_not_placed(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-03-01", "In Gaza, 30,000 people have been killed."),
            "b.txt": ("Wire B", "", "In Gaza, 29,000 people have been killed."),
        },
    )
    found = finding(result, "gaza-death-toll")
    chart = charts.timeline(found)
    assert [s.date for s in found.timeline] == ["", "2024-03-01"]
    assert chart is not None and chart.undated == 1 and len(chart.marks) == 1
    assert "1 undated statement listed below only" in html.render(result)


def test_header_counts_and_what_fails_the_build(discrepancy: CheckResult) -> None:
    page = html.render(discrepancy)
    assert "<title>factcheck: 1 discrepancy, 0 evolving, 8 single-source, 1 agreement</title>" in (
        page
    )
    assert (
        '<tr class="v-discrepancy"><th scope="row"><span class="badge v-discrepancy">'
        "Discrepancy</span></th><td>1</td><td>1</td><td>0</td><td>1</td></tr>"
    ) in page
    assert (
        '<tr class="v-single-source"><th scope="row"><span class="badge v-single-source">'
        "Single source</span></th><td>8</td><td>0</td><td>8</td><td>0</td></tr>"
    ) in page
    assert (
        '<tfoot><tr><th scope="row">All</th><td>10</td><td>1</td><td>8</td><td>1</td></tr>'
    ) in page
    assert (
        "<dd>3 documents in <code>seeds/</code>&nbsp;(2), "
        "<code>tests/data/corpus_discrepancy/</code>&nbsp;(1); 32 figures, 4 matched no fact</dd>"
    ) in page
    assert "<dd><code>rules/iran-april-2024.yaml</code>; 10 facts reported</dd>" in page
    assert "<code>--fail-on error</code>: a finding fails when its severity is error." in page
    assert '<p class="status failing" role="status">✗ 1 finding at error severity</p>' in page
    promoted = html.render(dataclasses.replace(discrepancy, fail_on=FailOn.SINGLE_SOURCE))
    assert '<p class="status failing" role="status">✗ 9 findings failing' in promoted
    assert promoted.count('<span class="badge fails">fails the build</span>') == 9


def test_one_card_per_finding_in_the_model_order_failing_ones_open(
    discrepancy: CheckResult,
) -> None:
    page = html.render(discrepancy)
    cards = re.findall(
        r'<article class="card [^"]*" id="fact-([^"]+)"[^>]*>\n<details( open)?>', page
    )
    assert cards == [
        (f.fact.id, " open" if discrepancy.fails(f) else "") for f in discrepancy.findings
    ]
    assert cards[0] == ("drones-launched", " open")


def test_only_the_first_failing_cards_start_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-03-01", "In Gaza, 34,000 people have been killed."),
            "b.txt": ("Wire B", "2024-04-18", "In Gaza, 30,000 people have been killed."),
            "c.txt": A,
            "d.txt": B,
        },
    )
    assert [f.verdict for f in result.findings] == [Verdict.DISCREPANCY] * 2
    monkeypatch.setattr(html, "OPEN_CARDS", 1)
    assert re.findall(r"<details( open)?>\n<summary>\n<h2>", html.render(result)) == [" open", ""]


def test_document_text_cannot_inject_markup(tmp_path: Path) -> None:
    evil = "Iran launched 170 drones <script>alert('x')</script> & \"more\" said <b>us</b>."
    result = check(tmp_path, {"a.txt": ("<i>Wire</i>", "2024-04-14", evil), "b.txt": B})
    page = html.render(result)
    assert page.count("<script>") == 1  # the report's own
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;more&#34;" in page
    assert "<i>Wire</i>" not in page and "&lt;i&gt;Wire&lt;/i&gt;" in page


def test_text_in_a_collapsed_card_cannot_end_its_inert_block(tmp_path: Path) -> None:
    evil = "In Gaza, 30,000 people were killed </script><script>alert(1)</script> <!-- x"
    result = check(tmp_path, {"a.txt": ("Wire A", "2024-04-14", evil)})
    assert [(f.fact.id, result.fails(f)) for f in result.findings] == [("gaza-death-toll", False)]
    page = html.render(result)
    assert page.count("</script>") == 2  # the deferred body's and the report's own
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- x" in page


def test_unreadable_documents_baseline_and_stale_entries_are_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # document paths print relative to it
    page = html.render(with_baseline_and_problem(tmp_path))
    assert (
        "<li><code>docs/bad.txt:1:1</code>: not UTF-8 text (byte 0: invalid start byte)</li>"
    ) in page
    assert page.count('<span class="badge baselined">in baseline</span>') == 1
    assert (
        "findings the baseline <code>base.json</code> accepts never fail (1 accepted, 1 stale"
        in (page)
    )
    assert "<li><code>gaza-death-toll</code> (single-source): x</li>" in page


def test_a_collapsed_card_keeps_its_body_as_inert_text(discrepancy: CheckResult) -> None:
    page = html.render(discrepancy)
    deferred = re.findall(
        r'<div class="body"></div><script type="text/html">\n(.*?)</script>', page, re.S
    )
    assert len(deferred) == sum(not discrepancy.fails(f) for f in discrepancy.findings) == 9
    # Nothing inside can end the inert block early or switch the parser's state.
    assert not any("<script" in body or "<!--" in body for body in deferred)
    assert all('<svg class="chart number-line"' in body for body in deferred)
    assert page.count('<div class="body">\n') == 1  # the failing card, open and in the page


def test_the_figure_is_highlighted_in_its_sentence(discrepancy: CheckResult) -> None:
    page = html.render(discrepancy)
    assert (
        "<blockquote>Iran launched <mark>185</mark> drones at Israel overnight,"
        " officials in Washington said.</blockquote></li>"
    ) in page


def test_who_said_it_and_where(discrepancy: CheckResult) -> None:
    page = html.render(discrepancy)
    assert (
        '<p class="who"><i class="o0"></i><small>origin</small> Israel · <small>said by</small> '
        "Israel Defense Forces Spokesperson Rear Adm. Daniel Hagari · <small>in</small> JNS "
        "(Jewish News Syndicate) · 2024-04-14</p>"
    ) in page
    assert (
        '<a href="tests/data/corpus_discrepancy/wire.md">tests/data/corpus_discrepancy/wire.md:5:15'
        "</a></p>"
    ) in page


LINKS = re.compile(r'<a href="([^"#][^"]*)">')


def test_links_start_from_the_given_root_and_are_quoted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    docs, rules = corpus(Path(), {"a b.txt": A, "c#1.txt": B})
    page = html.render(run_check([docs], [rules]), root="../")
    assert LINKS.findall(page) == [
        "../docs/a%20b.txt",
        "../docs/c%231.txt",
    ]


def test_cli_links_from_the_report_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    corpus(tmp_path, {"a.txt": A, "b.txt": B})
    runner = CliRunner()
    args = ["check", "docs", "--rules", "rules.yaml", "--no-csv"]
    result = runner.invoke(app, [*args, "--output", "html=reports/factcheck.html"])
    assert result.exit_code == 1, result.output
    written = (tmp_path / "reports" / "factcheck.html").read_text(encoding="utf-8")
    assert LINKS.findall(written) == [
        "../docs/a.txt",
        "../docs/b.txt",
    ]
    printed = runner.invoke(app, [*args, "--format", "html"]).stdout
    assert LINKS.findall(printed) == ["docs/a.txt", "docs/b.txt"]


def test_page_is_deterministic_self_contained_and_its_csp_matches(
    discrepancy: CheckResult,
) -> None:
    page = html.render(discrepancy)
    assert page == html.render(discrepancy)
    assert str(ROOT) not in page
    assert re.findall(r"(?<![\w-])(?:src|srcset|action)=", page) == []
    assert re.findall(r'href="(?!#|seeds/|tests/|data:)', page) == []
    assert str(ROOT) not in page
    (csp,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert style is not None and script is not None

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")

    assert unescape(csp) == (
        f"default-src 'none'; style-src 'sha256-{digest(style.group(1))}'; "
        f"script-src 'sha256-{digest(script.group(1))}'; img-src data:; base-uri 'none'; "
        "form-action 'none'"
    )


def test_filters_list_every_origin_with_its_findings(discrepancy: CheckResult) -> None:
    page = html.render(discrepancy)
    options = re.findall(r'<option value="(\d+)">([^<]+)</option>', page)
    names = sorted({o for f in discrepancy.findings for o in f.origins})
    assert [name for _, name in options] == [
        f"{n} ({sum(n in f.origins for f in discrepancy.findings)})" for n in names
    ]
    index = {name: str(i) for i, name in enumerate(names)}
    assert re.findall(r'id="fact-drones-launched" [^>]*data-origins="([^"]*)"', page) == [
        f"{index['Israel']} {index['officials in Washington']}"
    ]


def test_an_empty_result_still_renders(tmp_path: Path) -> None:
    docs, rules = corpus(tmp_path, {"a.txt": ("Wire A", "2024-04-14", "Nothing to count.")})
    result = run_check([docs], [rules])
    page = html.render(dataclasses.replace(result, findings=()))
    assert '<p class="empty">No figure matched a fact: nothing to compare.</p>' in page
    assert "<dd>none matched; 0 facts reported</dd>" in page


def test_a_fact_nothing_claims_is_a_card_without_a_chart(tmp_path: Path) -> None:
    rules = RULES.replace("  no_claim: off", "  no_claim: warning")
    docs, path = corpus(tmp_path, {"a.txt": ("Wire A", "2024-04-14", "Nothing to count.")}, rules)
    page = html.render(run_check([docs], [path]))
    assert page.count('<article class="card v-no-claim') == 2
    assert "chart-box" not in page.split("<main", 1)[1]
