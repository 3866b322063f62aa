"""Outputs never overwrite an input, replace a device or leave a mixed set of files."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import output
from checker.cli import app
from checker.output import OutputError, recover, write_outputs
from tests.helpers import RULES

runner = CliRunner()
DEAD_PID = 99_999_999  # above any pid_max Linux allows (2**22)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """news/ with two documents, rules.yaml, a factcheck.yaml; run from the project."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Iran launched 170 drones, the IDF said.\n")
    (tmp_path / "news" / "b.txt").write_text("Iran launched 185 drones, the Pentagon said.\n")
    (tmp_path / "news" / "sources.yaml").write_text("a.txt:\n  outlet: Wire\n")
    (tmp_path / "rules.yaml").write_text(RULES)
    (tmp_path / "factcheck.yaml").write_text("documents: [news]\nrules: [rules.yaml]\n")
    return tmp_path


REFUSED = [
    (["check", "--csv", "news/a.txt"], "news/a.txt", "document news/a.txt"),
    (["check", "--no-csv", "-o", "json=./news/../news/b.txt"], "news/../news/b.txt",
     "document news/b.txt"),
    (["check", "--no-csv", "-o", "markdown=news/sources.yaml"], "news/sources.yaml",
     "manifest news/sources.yaml"),
    (["check", "--csv", "rules.yaml"], "rules.yaml", "rules file rules.yaml"),
    (["check", "--no-csv", "-o", "factcheck.yaml"], "factcheck.yaml",
     "config factcheck.yaml"),
    (["check", "--no-csv", "--baseline", "base.json", "-o", "sarif=base.json"], "base.json",
     "baseline base.json"),
    (["check", "--csv", "link-to-a.txt"], "link-to-a.txt", "document news/a.txt"),
    (["check", "--csv", "hard-b.txt"], "hard-b.txt", "document news/b.txt"),
    (["baseline", "-o", "news/a.txt"], "news/a.txt", "document news/a.txt"),
    (["extract", "-o", "rules.yaml"], "rules.yaml", "rules file rules.yaml"),
    (["extract", "-o", "news/b.txt", "--format", "json"], "news/b.txt", "document news/b.txt"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "given", "what"), REFUSED, ids=[" ".join(a) for a, *_ in REFUSED])
def test_an_output_that_is_an_input_is_refused_and_nothing_is_lost(
    argv: list[str], given: str, what: str, project: Path
) -> None:
    (project / "link-to-a.txt").symlink_to("news/a.txt")
    os.link(project / "news" / "b.txt", project / "hard-b.txt")
    (project / "base.json").write_text('{"factcheck_baseline": 1}')
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{given}: refusing to write over the {what} this run reads; choose another output path\n"
    )
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_two_spellings_of_one_output_are_one_path(project: Path) -> None:
    (project / "sub").mkdir()
    result = runner.invoke(
        app, ["check", "--no-csv", "-o", "json=r.json", "-o", "sarif=./sub/../r.json"]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "--output sub/../r.json: would get both json and sarif (it is r.json)\n"
    )
    assert not (project / "r.json").exists()


@pytest.fixture
def null_device(project: Path) -> Path:
    """A null device of the test's own: were the old code under test, as root it would
    replace this node with a regular file, not the machine's /dev/null."""
    node = project / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    return node


def test_a_device_is_written_through_and_never_replaced(null_device: Path) -> None:
    assert output.target(Path("/dev/null")).through, "the machine's own, only looked at"
    result = runner.invoke(app, ["check", "--csv", "null", "-o", "json=null"])
    assert result.exit_code == 2, "one device named for two formats"
    result = runner.invoke(app, ["check", "--csv", "null", "--color", "never"])
    assert result.exit_code == 1
    assert null_device.is_char_device()


def test_a_fifo_is_written_through(project: Path) -> None:
    os.mkfifo(project / "pipe")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append((project / "pipe").read_bytes()))
    reader.start()
    result = runner.invoke(app, ["check", "--no-csv", "-o", "csv=pipe", "-f", "json"])
    reader.join(timeout=30)
    assert result.exit_code == 1
    assert received[0].decode().startswith("fact,verdict,severity,document,")
    assert (project / "pipe").is_fifo()


def test_a_symlink_to_a_file_is_followed_and_kept(project: Path) -> None:
    (project / "reports").mkdir()
    (project / "reports" / "real.csv").write_text("old")
    (project / "latest.csv").symlink_to("reports/real.csv")
    result = runner.invoke(app, ["check", "--csv", "latest.csv"])
    assert result.exit_code == 1
    assert (project / "latest.csv").is_symlink()
    assert (project / "reports" / "real.csv").read_text().startswith("fact,verdict")


@pytest.mark.parametrize("command", ["check", "baseline", "extract"])
def test_an_output_that_is_a_folder_is_an_error_before_the_run(command: str, project: Path) -> None:
    (project / "out").mkdir()
    argv = [command, "--csv", "out"] if command == "check" else [command, "-o", "out"]
    result = runner.invoke(app, argv)
    assert (result.exit_code, result.stderr) == (2, "out: cannot write: it is a folder\n")
    assert result.stdout == ""


def test_extract_to_a_folder_that_cannot_be_written_exits_2(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root every folder is writable; the refusal is what a read-only folder returns."""

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    result = runner.invoke(app, ["extract", "-o", "locked/figures.json", "-f", "json"])
    assert result.exit_code == 2
    assert result.stderr == "locked/figures.json: cannot write: Permission denied\n"


def test_a_failure_while_staging_leaves_the_old_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.sarif"
    first.write_text("old a")
    second.write_text("old b")
    real_stage = output._stage
    calls: list[Path] = []

    def stage(found: output.Target, text: str) -> Path:
        calls.append(found.real)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_stage(found, text)

    monkeypatch.setattr(output, "_stage", stage)
    with pytest.raises(OutputError) as raised:
        write_outputs([(first, "new a"), (second, "new b")])
    assert str(raised.value) == f"{second}: cannot write: No space left on device"
    assert (first.read_text(), second.read_text()) == ("old a", "old b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.sarif"]


KILLED_WHILE_RENAMING = """
import os, signal, sys
from pathlib import Path
from checker import output
real = Path.replace
done = []
def replace(self, target):
    real(self, target)
    if str(target).endswith(".json") and "factcheck" not in str(target):
        os.kill(os.getpid(), signal.SIGKILL)  # killed after the first report is renamed
    return self
Path.replace = replace
folder = Path(sys.argv[1])
output.write_outputs([(folder / "a.json", "new a"), (folder / "b.sarif", "new b")])
"""


def test_a_run_killed_while_renaming_is_finished_by_the_next(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("old a")
    (tmp_path / "b.sarif").write_text("old b")
    child = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_RENAMING, str(tmp_path)], check=False
    )
    assert child.returncode == -signal.SIGKILL
    assert (tmp_path / "a.json").read_text() == "new a", "killed between the two renames"
    assert [p.name for p in tmp_path.glob(".factcheck-commit.*.json")] == [
        f".factcheck-commit.{_pid_of(tmp_path)}.json"
    ]
    write_outputs([(tmp_path / "other.md", "another run writing to the folder")])
    assert ((tmp_path / "a.json").read_text(), (tmp_path / "b.sarif").read_text()) == (
        "new a",
        "new b",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.sarif", "other.md"]


def _pid_of(folder: Path) -> str:
    (journal,) = folder.glob(".factcheck-commit.*.json")
    return journal.name.split(".")[2]


def test_stale_temporary_files_of_dead_runs_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / f".r.json.x1y2.{DEAD_PID}.factcheck-tmp"
    live = tmp_path / f".r.json.z3w4.{os.getppid()}.factcheck-tmp"
    unrelated = tmp_path / ".r.json.q9.tmp"
    for path in (dead, live, unrelated):
        path.write_text("half a report")
    write_outputs([(tmp_path / "r.json", "{}")])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [live.name, unrelated.name, "r.json"]
    )


def test_recover_without_a_journal_or_stale_file_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text("{}")
    assert recover(tmp_path) == []
    assert recover(tmp_path / "missing") == []


def test_the_readme_shows_the_real_refusal(in_root: Path) -> None:
    readme = (in_root / "README.md").read_text(encoding="utf-8")
    (block,) = [b for b in readme.split("```") if "$ factcheck check --csv seeds/" in b]
    command, shown = textwrap.dedent(block.removeprefix("text\n")).strip().split("\n", 1)
    result = runner.invoke(app, command.removeprefix("$ factcheck ").split())
    assert (result.exit_code, result.stderr) == (2, shown.strip() + "\n")
