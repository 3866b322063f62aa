"""The command-line conventions a ruff or Semgrep user expects, run as a user runs them: in a
real process, through a pipe, on terminals that cannot show UTF-8."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import __version__
from checker.cli import app
from checker.model import CheckResult
from checker.pipeline import run_check
from checker.report import markdown, terminal

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = str(Path(sys.executable).parent / "factcheck")
runner = CliRunner()


def run(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    """factcheck in a process of its own, stdout a pipe, from the repository's root."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env)
    return subprocess.run(
        [FACTCHECK, *argv], cwd=ROOT, env=environment, capture_output=True, check=False,
        text=True, encoding="utf-8", errors="replace",
    )  # fmt: skip


@pytest.fixture(scope="module")
def seeds() -> CheckResult:
    import contextlib

    with contextlib.chdir(ROOT):
        return run_check()


def test_version_short_and_long_and_as_a_module() -> None:
    assert run("-V").stdout == run("--version").stdout == f"factcheck {__version__}\n"
    module = subprocess.run(
        [sys.executable, "-m", "checker", "-V"], capture_output=True, text=True, check=False
    )
    assert (module.returncode, module.stdout) == (0, f"factcheck {__version__}\n")


def test_help_is_h_too_and_shows_the_defaults() -> None:
    short = runner.invoke(app, ["check", "-h"], terminal_width=100)
    assert short.exit_code == 0
    assert short.stdout == runner.invoke(app, ["check", "--help"], terminal_width=100).stdout
    text = " ".join(short.stdout.split())
    for shown in (
        "[default: the config's paths, else .]",
        "Rules file or folder; may repeat. [default: rules]",
        "[default: terminal]",
        "[default: auto]",
        "[default: error]",
    ):
        assert shown in text, shown


def test_color_is_kept_through_a_pipe_when_asked_for() -> None:
    plain = run("check", "--no-csv")
    forced = run("check", "--no-csv", FORCE_COLOR="1")
    always = run("check", "--no-csv", "--color", "always", NO_COLOR="1")
    refused = run("check", "--no-csv", FORCE_COLOR="1", NO_COLOR="1")
    assert "\x1b[" not in plain.stdout and "\x1b[" not in refused.stdout
    assert "\x1b[1;33mSINGLE-SOURCE" in forced.stdout
    assert forced.stdout == always.stdout


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp437"])
def test_a_terminal_without_utf8_gets_question_marks_not_a_crash(encoding: str) -> None:
    done = subprocess.run(
        [FACTCHECK, "check", "--no-csv", "--format", "concise"],
        cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": encoding}, capture_output=True,
        check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, b"")
    # an ascii stream click re-opens as UTF-8; the others show what they lack as '?'
    shown = "utf-8" if encoding == "ascii" else encoding
    last = done.stdout.decode(shown).splitlines()[-1]
    mark = "✓" if encoding == "ascii" else "?"
    assert last.endswith(f"1 agreement; {mark} no finding at error severity")


def test_quiet_prints_only_failing_findings_and_verbose_says_where_settings_come_from(
    tmp_path: Path,
) -> None:
    quiet = run("check", "--no-csv", "-q")
    assert (quiet.returncode, quiet.stdout) == (0, "")
    loud = run("check", "--no-csv", "-v", "-f", "concise")
    assert loud.stderr.splitlines() == [
        "factcheck: config: factcheck.yaml",
        "factcheck: documents (the config): seeds",
        "factcheck: rules: rules",
        "factcheck: read 2 documents, 30 numbers",
    ]


def test_concise_is_one_line_per_finding_agreements_left_out(seeds: CheckResult) -> None:
    from checker.report import concise

    lines = concise.render(seeds).splitlines()
    assert len(lines) == len(seeds.findings) - 1 + 1  # one agreement left out, one summary
    assert all(line.count(": warning: ") == 1 for line in lines[:-1])
    assert concise.render(seeds, quiet=True) == ""


def test_an_80_column_terminal_wraps_with_hanging_indents(seeds: CheckResult) -> None:
    lines = terminal.render(seeds, width=80).splitlines()
    assert max(len(line) for line in lines) == 80
    why = next(n for n, line in enumerate(lines) if line.startswith("  why: 2 documents"))
    assert lines[why + 1].startswith("       repeat one originator")  # under the text
    origin = next(n for n, line in enumerate(lines) if "origin: Israel (said by" in line)
    assert lines[origin + 1].startswith("            Hagari, in JNS")
    # without a width (a pipe, a file) every line stays whole
    assert terminal.render(seeds).count("\n") < len(lines)


def test_the_markdown_summary_keeps_under_its_limit(seeds: CheckResult) -> None:
    whole = markdown.render(seeds)
    assert len(whole.encode()) < 20_000
    cut = markdown.render(seeds, limit=6_000)
    assert len(cut.encode()) <= 6_000
    assert "not detailed here, to keep under 5 KiB" in cut
    assert cut.split("\n\n")[0] == whole.split("\n\n")[0]  # the same heading and counts


def test_the_summary_is_appended_never_replaced(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("## Build\n\nok\n", encoding="utf-8")
    done = run("check", "--no-csv", "-q", "-o", f"markdown={summary}",
               GITHUB_STEP_SUMMARY=str(summary))  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Build\n\nok\n\n## factcheck: 0 discrepancy")
    again = run("check", "--no-csv", "-q", "-o", f"markdown={summary}",
                GITHUB_STEP_SUMMARY=str(summary))  # fmt: skip
    assert again.returncode == 0
    assert summary.read_text(encoding="utf-8").count("## factcheck:") == 2
