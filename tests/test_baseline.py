"""Baselines: fingerprints follow meaning, not positions; the round trip accepts, fails, and
reports stale entries; a corrupt file is an error that names the file and the problem."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.baseline import (
    BaselineError,
    apply_baseline,
    entries,
    load_baseline,
    parse_baseline,
    render,
)
from checker.cli import app
from checker.files import LIMITS
from checker.model import ExitCode, FailOn, Verdict
from tests.helpers import RULES, check, corpus, finding

runner = CliRunner()

RULES_WITH_DOWNED = (
    RULES
    + """\
  - id: drones-downed
    title: Drones downed by a destroyer
    kind: count
    counts: [drones]
    context: [destroyer]
"""
)

A = ("Agence A", "2024-04-14", "Iran launched 170 drones at Israel overnight.")
B = ("Wire B", "2024-04-14", "Iran launched 185 drones at Israel, officials said.")


def fingerprint(folder: Path, documents: dict[str, tuple[str, str, str]]) -> str:
    return finding(check(folder, documents), "drones-launched").fingerprint


def test_fingerprint_ignores_unrelated_edits_and_moves(tmp_path: Path) -> None:
    before = fingerprint(tmp_path / "1", {"a.txt": A, "b.txt": B})
    edited = (
        "Wire B",
        "2024-04-14",
        "A new opening paragraph.\n\nLater, we learned Iran launched 185 drones at Israel, "
        "officials said.",
    )
    assert fingerprint(tmp_path / "2", {"a.txt": A, "b.txt": edited}) == before


def test_fingerprint_reads_values_not_wording(tmp_path: Path) -> None:
    words = ("Agence A", "2024-04-14", "Iran launched one hundred seventy drones at Israel.")
    assert fingerprint(tmp_path / "1", {"a.txt": A, "b.txt": B}) == fingerprint(
        tmp_path / "2", {"a.txt": words, "b.txt": B}
    )


def test_fingerprint_changes_with_value_or_fact(tmp_path: Path) -> None:
    base = fingerprint(tmp_path / "1", {"a.txt": A, "b.txt": B})
    other_value = ("Wire B", "2024-04-14", "Iran launched 190 drones at Israel, officials said.")
    assert fingerprint(tmp_path / "2", {"a.txt": A, "b.txt": other_value}) != base
    downed = ("Wire B", "2024-04-14", "A US Navy destroyer downed 185 drones, officials said.")
    downed_a = ("Agence A", "2024-04-14", "A US Navy destroyer downed 170 drones overnight.")
    result = check(tmp_path / "3", {"a.txt": downed_a, "b.txt": downed}, RULES_WITH_DOWNED)
    assert finding(result, "drones-downed").fingerprint != base


def test_single_source_fingerprint_keeps_its_document(tmp_path: Path) -> None:
    assert fingerprint(tmp_path / "1", {"a.txt": A}) != fingerprint(tmp_path / "2", {"c.txt": A})


@pytest.mark.parametrize("name", ["0.txt", "c.txt"], ids=["sorts first", "sorts last"])
def test_another_outlet_repeating_one_side_keeps_the_discrepancy(tmp_path: Path, name: str) -> None:
    """Whichever claim of '185' file order puts in the pair, the finding is '170 vs 185'."""
    base = fingerprint(tmp_path / "1", {"a.txt": A, "b.txt": B})
    third = ("Paper C", "2024-04-15", "Iran launched 185 drones, the paper said.")
    assert fingerprint(tmp_path / "2", {"a.txt": A, "b.txt": B, name: third}) == base


def test_round_trip_accepts_then_fails_on_new_and_reports_stale(tmp_path: Path) -> None:
    accepted = entries(check(tmp_path / "1", {"a.txt": A, "b.txt": B}))
    assert [(e.fact, e.verdict) for e in accepted] == [("drones-launched", Verdict.DISCREPANCY)]
    assert accepted[0].claims == ("docs/a.txt: '170' [170, 170]", "docs/b.txt: '185' [185, 185]")

    same = apply_baseline(check(tmp_path / "2", {"a.txt": A, "b.txt": B}), accepted, "b.json")
    assert (same.failing, same.stale, same.exit_code) == ((), (), ExitCode.OK)
    assert same.would_fail(same.findings[0]) and not same.fails(same.findings[0])

    other = ("Wire B", "2024-04-14", "Iran launched 200 drones at Israel, officials said.")
    new = apply_baseline(check(tmp_path / "3", {"a.txt": A, "b.txt": other}), accepted, "b.json")
    assert [f.fact.id for f in new.failing] == ["drones-launched"]
    assert new.exit_code is ExitCode.FINDINGS
    assert new.stale == accepted, "the accepted 170/185 pair no longer occurs"

    fixed = ("Wire B", "2024-04-14", "Iran launched 170 drones at Israel, officials said.")
    gone = apply_baseline(check(tmp_path / "4", {"a.txt": A, "b.txt": fixed}), accepted, "b.json")
    assert (gone.failing, gone.stale, gone.exit_code) == ((), accepted, ExitCode.OK)


def test_baseline_file_is_stable_and_reads_back(tmp_path: Path) -> None:
    result = check(tmp_path, {"a.txt": A, "b.txt": B})
    text = render(result)
    assert render(result) == text
    assert json.loads(text) == {
        "factcheck_baseline": 1,
        "fingerprint_version": 2,
        "findings": [
            {
                "fingerprint": result.findings[0].fingerprint,
                "fact": "drones-launched",
                "verdict": "discrepancy",
                "claims": ["docs/a.txt: '170' [170, 170]", "docs/b.txt: '185' [185, 185]"],
            }
        ],
    }
    assert parse_baseline(text, Path("b.json")) == entries(result)


def test_agreements_are_not_recorded_but_warnings_are(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": A,
            "b.txt": ("Wire B", "2024-04-14", "Iran launched 170 drones, officials said."),
            "c.txt": ("C", "2024-04-14", "Gaza: 30,000 people have been killed, the paper said."),
        },
    )
    verdicts = {f.fact.id: f.verdict for f in result.findings}
    assert verdicts == {
        "drones-launched": Verdict.AGREEMENT,
        "gaza-death-toll": Verdict.SINGLE_SOURCE,
    }
    assert [e.fact for e in entries(result)] == ["gaza-death-toll"]


def test_a_baselined_warning_does_not_fail_when_fail_on_is_raised(tmp_path: Path) -> None:
    result = check(tmp_path, {"a.txt": A})
    raised = dataclasses.replace(result, fail_on=FailOn.SINGLE_SOURCE)
    assert [f.fact.id for f in raised.failing] == ["drones-launched"]
    assert apply_baseline(raised, entries(result), "b.json").failing == ()


CORRUPT = [
    ("{", "b.json:1:2: invalid baseline JSON: Expecting property name enclosed in double quotes"),
    ("[]", "b.json: not a factcheck baseline (no 'factcheck_baseline' key); "
     "create it with 'factcheck baseline'"),
    ('{"factcheck_baseline": 9, "fingerprint_version": 2, "findings": []}',
     "b.json: baseline version 9 is not supported (expected 1)"),
    ('{"factcheck_baseline": 1, "fingerprint_version": 0, "findings": []}',
     "b.json: fingerprints of version 0 cannot be compared with version 2; "
     "regenerate it with 'factcheck baseline'"),
    ('{"factcheck_baseline": 1, "fingerprint_version": 1, "findings": []}',
     "b.json: fingerprints of version 1 cannot be compared with version 2 (version 1 named "
     "a document by its file stem, so 'a/report.txt' and 'b/report.txt' were one document; "
     "version 2 names it by its path); regenerate it with 'factcheck baseline'"),
    ('{"factcheck_baseline": 1, "fingerprint_version": 2, "findings": {}}',
     "b.json: 'findings' should be a list"),
    ('{"factcheck_baseline": 1, "fingerprint_version": 2, "findings": [{"fact": "x"}]}',
     "b.json: findings[0]: missing 'fingerprint', 'verdict', 'claims'"),
    ('{"factcheck_baseline": 1, "fingerprint_version": 2, "findings": [{"fingerprint": "xyz",'
     ' "fact": "x", "verdict": "discrepancy", "claims": []}]}',
     "b.json: findings[0]: fingerprint 'xyz' is not 16 hex digits"),
    ('{"factcheck_baseline": 1, "fingerprint_version": 2, "findings": [{"fingerprint": '
     '"0123456789abcdef", "fact": "x", "verdict": "agreement", "claims": []}]}',
     "b.json: findings[0]: verdict 'agreement' should be one of: discrepancy, evolving, "
     "single-source, no-claim"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), CORRUPT, ids=[m for _, m in CORRUPT])
def test_corrupt_baseline_names_file_and_problem(text: str, message: str) -> None:
    with pytest.raises(BaselineError) as raised:
        parse_baseline(text, Path("b.json"))
    assert str(raised.value) == message


def test_missing_baseline_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BaselineError) as raised:
        load_baseline(Path("none.json"))
    assert str(raised.value) == (
        "none.json: no such baseline file; create it with 'factcheck baseline'"
    )


def test_cli_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's flow: record, check (0), a new discrepancy (1), the old one fixed (stale)."""
    monkeypatch.chdir(tmp_path)
    docs, rules = check_corpus(tmp_path, {"a.txt": A, "b.txt": B})
    made = runner.invoke(app, ["baseline", str(docs), "-r", str(rules), "-o", "base.json"])
    assert made.exit_code == 0, made.output
    assert made.stdout == "baseline: 1 finding recorded in base.json\n"
    args = [str(docs), "-r", str(rules), "--no-csv", "--color", "never", "--baseline", "base.json"]

    accepted = runner.invoke(app, ["check", *args])
    assert accepted.exit_code == 0, accepted.output
    assert "DISCREPANCY [error] (in baseline)  drones-launched" in accepted.stdout
    assert accepted.stdout.endswith(
        "✓ no finding at error severity; 1 more accepted by the baseline\n"
    )

    (docs / "c.txt").write_text("Iran launched 250 drones at Israel, a paper said.\n")
    new = runner.invoke(app, ["check", *args])
    assert new.exit_code == 1, new.output
    assert "DISCREPANCY [error]  drones-launched" in new.stdout
    assert "baseline base.json: 1 entry no longer occurs" in new.stdout

    (docs / "c.txt").unlink()
    (docs / "b.txt").write_text("Iran launched 170 drones at Israel, officials said.\n")
    fixed = runner.invoke(app, ["check", *args, "--format", "json"])
    assert fixed.exit_code == 0
    stale = json.loads(fixed.stdout)["stale"]
    assert [(s["fact"], s["verdict"]) for s in stale] == [("drones-launched", "discrepancy")]


def test_cli_corrupt_baseline_exits_2_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    docs, rules = check_corpus(tmp_path, {"a.txt": A, "b.txt": B})
    Path("base.json").write_text('{"factcheck_baseline": 1,\n  oops}\n')
    result = runner.invoke(
        app, ["check", str(docs), "-r", str(rules), "--baseline", "base.json", "--csv", "d.csv"]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "base.json:2:3: invalid baseline JSON: Expecting property name enclosed in double quotes\n"
    )
    assert result.stdout == "" and not Path("d.csv").exists()


def test_cli_baseline_refuses_an_incomplete_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    docs, rules = check_corpus(tmp_path, {"a.txt": A})
    (docs / "bad.txt").write_bytes(b"\xff\xfe")
    result = runner.invoke(app, ["baseline", str(docs), "-r", str(rules), "-o", "base.json"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "docs/bad.txt:1:1: not UTF-8 text (byte 0: invalid start byte)",
        "baseline: not written, because some documents could not be read",
    ]
    assert not Path("base.json").exists()


def check_corpus(folder: Path, documents: dict[str, tuple[str, str, str]]) -> tuple[Path, Path]:
    """The corpus and rules, as paths relative to `folder` (the working directory)."""
    docs, rules = corpus(folder, documents)
    return docs.relative_to(folder), rules.relative_to(folder)


def test_cli_baseline_with_bad_rules_exits_2_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, _ = check_corpus(tmp_path, {"a.txt": A})
    Path(tmp_path / "bad.yaml").write_text("facts:\n  - id: x\n    knd: count\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["baseline", str(docs), "-r", "bad.yaml", "-o", "base.json"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith("bad.yaml:3:5: unknown key 'knd'")
    assert not Path("base.json").exists()


HOSTILE = [
    ('{"factcheck_baseline": ' + "1" * 5000 + "}",
     "b.json: invalid baseline JSON: Exceeds the limit (4300 digits) for integer string "
     "conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"),
    ("[" * 100_000 + "]" * 100_000, "b.json: invalid baseline JSON: nested too deeply"),
    ('{"factcheck_baseline": true, "fingerprint_version": 2, "findings": []}',
     "b.json: baseline version True is not supported (expected 1)"),
    ('{"factcheck_baseline": 1, "fingerprint_version": "' + "x" * 100 + '", "findings": []}',
     f"b.json: fingerprints of version '{'x' * 39}… cannot be compared with version 2; "
     "regenerate it with 'factcheck baseline'"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), HOSTILE, ids=[m[:60] for _, m in HOSTILE])
def test_hostile_baseline_is_an_error_not_a_crash(text: str, message: str) -> None:
    with pytest.raises(BaselineError) as raised:
        parse_baseline(text, Path("b.json"))
    assert str(raised.value) == message


def test_a_baseline_that_is_not_a_regular_file_is_refused_without_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkfifo("fifo.json")
    messages = []
    for name in ("fifo.json", "/dev/zero"):
        with pytest.raises(BaselineError) as raised:
            load_baseline(Path(name))
        messages.append(str(raised.value))
    assert messages == [
        "fifo.json:1:1: cannot read baseline: a FIFO, not a regular file",
        "/dev/zero:1:1: cannot read baseline: a character device, not a regular file",
    ]


def test_a_baseline_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(LIMITS, "baseline", 100)
    Path("big.json").write_text(json.dumps({"factcheck_baseline": 1, "pad": "x" * 100}))
    with pytest.raises(BaselineError) as raised:
        load_baseline(Path("big.json"))
    assert str(raised.value) == (
        "big.json:1:1: cannot read baseline: larger than the limit of 100 bytes for this kind "
        "of file"
    )


def test_a_baseline_that_is_not_utf8_names_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("b.json").write_bytes(b'{\n  "x": "caf\xe9"\n}\n')
    with pytest.raises(BaselineError) as raised:
        load_baseline(Path("b.json"))
    assert str(raised.value) == (
        "b.json:2:12: cannot read baseline: not UTF-8 text (byte 13: invalid continuation byte)"
    )
