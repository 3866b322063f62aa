"""A documents repository as a user has one: an HTML page, a PDF, Markdown and a JSONL export,
a config made by `factcheck init`, a virtualenv and a git-ignored draft that must not be read.
The check, the GitHub Action's step and the pre-commit hook's command run on it green while
the documents agree, red once a discrepancy is planted, every location where it is written."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from checker import __version__
from checker.cli import app
from tests.documents import make_page, make_pdf

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

FACT = """\
version: 1
defaults:
  tolerance: 2%
facts:
  - id: drones-launched
    title: Drones Iran launched at Israel
    kind: count
    counts: [drones]
    context: [launch]
    examples:
      match:
        - {text: "Iran launched 170 drones at Israel.", interval: "[170, 170]"}
      no_match:
        - "The army said 170 soldiers launched the operation."
"""


def _line_col(text: str, needle: str, after: str = "") -> tuple[int, int]:
    at = text.index(needle, text.index(after) if after else 0)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


class Repository:
    """The scratch repository and where each document writes its figure."""

    def __init__(self, root: Path) -> None:
        self.root = root
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        result = runner.invoke(app, ["init", str(root)])
        assert result.exit_code == 0, result.output
        (root / "rules" / "facts.yaml").write_text(FACT, encoding="utf-8")
        news = root / "news"
        news.mkdir()
        self.page = make_page(
            [
                "Iran launched <em>170</em> drones at Israel overnight, the IDF said.",
                "Air defences were active across the north until dawn.",
            ],
            title="Overnight attack",
            outlet="Harbour Post",
            published="Apr 14, 2024",
            url="https://harbourpost.example/attack",
        )
        (news / "attack.html").write_text(self.page, encoding="utf-8")
        (news / "briefing.pdf").write_bytes(
            make_pdf(
                [
                    ["Briefing", "Summary of the night"],
                    ["Iran launched 170 drones, US officials said."],
                ],
                title="Briefing",
            )
        )
        self.note = (
            "---\noutlet: Desk notes\npublished: 14 April 2024\n---\n# Night of 13 April\n\n"
            "<!-- an early wire said 999 drones -->\n\n"
            "According to **Jordan's army**, Iran launched 170 drones.\n\n"
            "```\nIran launched 555 drones\n```\n"
        )
        (news / "notes.md").write_text(self.note, encoding="utf-8")
        self.write_export(170)
        # what a real repository also holds, none of it a document to check
        (root / ".venv" / "lib").mkdir(parents=True)
        (root / ".venv" / "lib" / "README.md").write_text("Iran launched 400 drones.\n")
        (root / "node_modules" / "pkg").mkdir(parents=True)
        (root / "node_modules" / "pkg" / "CHANGES.md").write_text("Iran launched 401 drones.\n")
        (root / ".gitignore").write_text("drafts/\n")
        (root / "drafts").mkdir()
        (root / "drafts" / "wip.md").write_text("Iran launched 402 drones, a draft says.\n")

    def write_export(self, second: int) -> None:
        records = [
            {"id": "wire-1", "text": "Iran launched 170 drones, Reuters reported.",
             "outlet": "Reuters", "published": "2024-04-14"},
            {"id": "wire-2", "text": f"Iran launched {second} drones, according to the AP.",
             "outlet": "AP", "published": "12 April 2024"},
        ]  # fmt: skip
        self.export = "".join(json.dumps(r) + "\n" for r in records)
        (self.root / "exports").mkdir(exist_ok=True)
        (self.root / "exports" / "articles.jsonl").write_text(self.export, encoding="utf-8")

    def places(self, second: str = "170") -> list[str]:
        """Every claim's file:line:col, worked out from the files as written."""
        html = _line_col(self.page, "170", after="<article>")
        note = _line_col(self.note, "170")
        first_record = _line_col(self.export, "170")
        second_record = _line_col(self.export, second, after="wire-2")
        return sorted(
            [
                f"news/attack.html:{html[0]}:{html[1]}",
                "news/briefing.pdf:2:1",
                f"news/notes.md:{note[0]}:{note[1]}",
                f"exports/articles.jsonl:{first_record[0]}:{first_record[1]}",
                f"exports/articles.jsonl:{second_record[0]}:{second_record[1]}",
            ]
        )


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repository:
    root = tmp_path / "documents"
    root.mkdir()
    made = Repository(root)
    monkeypatch.chdir(root)
    return made


def claims(result_json: str) -> list[str]:
    report = json.loads(result_json)
    return sorted(
        f"{c['path']}:{c['line']}:{c['column']}" for f in report["findings"] for c in f["claims"]
    )


def test_init_writes_a_config_and_rules_that_lint(repository: Repository) -> None:
    config = (repository.root / "factcheck.yaml").read_text(encoding="utf-8")
    assert re.findall(r"^(\w+):", config, flags=re.MULTILINE) == ["paths", "rules", "exclude"]
    again = runner.invoke(app, ["init", str(repository.root)])
    assert again.exit_code == 2
    assert "already there, nothing written" in again.stderr


def test_the_repository_is_green_then_red_with_every_location(repository: Repository) -> None:
    green = runner.invoke(app, ["check", "--format", "json", "--no-cache"])
    assert green.exit_code == 0, green.output
    report = json.loads(green.stdout)
    assert report["summary"]["documents"] == 5  # not .venv, node_modules or drafts/
    assert claims(green.stdout) == repository.places()
    (finding,) = report["findings"]
    assert finding["verdict"] == "agreement"
    assert sorted(p.name for p in repository.root.iterdir()) == [
        ".git",
        ".gitignore",
        ".venv",
        "drafts",
        "exports",
        "factcheck.yaml",
        "news",
        "node_modules",
        "rules",
    ]  # fmt: skip  (no report written without one asked for; no cache with --no-cache)

    repository.write_export(185)
    red = runner.invoke(app, ["check", "--format", "concise", "--no-cache"])
    assert red.exit_code == 1, red.output
    # the finding is at the first claim of its conflicting pair: the first record's 170
    line, col = _line_col(repository.export, "170")
    first = red.stdout.splitlines()[0]
    assert first.startswith(f"exports/articles.jsonl:{line}:{col}: error: drones-launched: ")
    assert "outlier: '185' (exports/articles.jsonl:2, AP)" in first
    red_json = runner.invoke(app, ["check", "--format", "json", "--no-cache"])
    assert claims(red_json.stdout) == repository.places("185")


def _action_step(name: str, inputs: dict[str, str]) -> tuple[str, dict[str, str]]:
    action = YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in action["runs"]["steps"] if s.get("id") == name]
    defaults = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    assert set(inputs) <= set(defaults)
    defaults.update(inputs)
    env = {
        k: re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: defaults[m.group(1)], str(v))
        for k, v in step.get("env", {}).items()
    }
    return step["run"], env


def run_action(
    root: Path, tmp: Path, inputs: dict[str, str] | None = None
) -> tuple[int, dict[str, str], str]:
    """The action's check step as the runner runs it (bash -eo pipefail, its env from the
    action's inputs): its status, its outputs, the job summary after it."""
    script, env = _action_step("check", inputs or {})
    outputs, summary = tmp / "output", tmp / "summary.md"
    outputs.write_text("")
    summary.write_text("## Tests\n\nall passed\n")  # an earlier step's part of the summary
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        GITHUB_OUTPUT=str(outputs),
        GITHUB_STEP_SUMMARY=str(summary),
        FACTCHECK_CACHE_DIR=str(tmp / "cache"),
        HOME=os.environ.get("HOME", str(tmp)),
    )
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=root, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    values = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    return done.returncode, values, summary.read_text(encoding="utf-8")


def test_the_action_annotates_uploads_and_summarises(
    repository: Repository, tmp_path: Path
) -> None:
    status, outputs, summary = run_action(repository.root, tmp_path)
    assert (status, outputs) == (0, {"exit-code": "0", "sarif": "factcheck.sarif"})
    assert summary.startswith(
        "## Tests\n\nall passed\n\n## factcheck: 0 discrepancy, 0 evolving, 0 single-source, "
        "1 agreement\n\n5 documents, "
    )

    repository.write_export(185)
    status, outputs, summary = run_action(repository.root, tmp_path)
    assert (status, outputs) == (1, {"exit-code": "1", "sarif": "factcheck.sarif"})
    sarif = json.loads((repository.root / "factcheck.sarif").read_text(encoding="utf-8"))
    places = sorted(
        "{}:{}:{}".format(
            p["artifactLocation"]["uri"], p["region"]["startLine"], p["region"]["startColumn"]
        )
        for r in sarif["runs"][0]["results"]
        for location in r["locations"]
        for p in [location["physicalLocation"]]
    )
    line, col = _line_col(repository.export, "185", after="wire-2")
    assert f"exports/articles.jsonl:{line}:{col}" in places
    assert "❌" in summary and summary.count("## factcheck") == 1


def test_the_pre_commit_hook_checks_the_whole_corpus(repository: Repository) -> None:
    (hook,) = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert (hook["pass_filenames"], hook["language"]) == (False, "python")
    files = re.compile(hook["files"])
    for name in ("news/attack.html", "news/briefing.pdf", "exports/articles.jsonl",
                 "news/notes.md", "factcheck.yaml", "rules/facts.yaml"):  # fmt: skip
        assert files.search(name), name
    argv = [str(Path(sys.executable).parent / "factcheck"), *shlex.split(hook["entry"])[1:]]
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(repository.root.parent / "cache")}
    green = subprocess.run(argv, cwd=repository.root, env=env, capture_output=True, text=True)
    assert green.returncode == 0, green.stdout + green.stderr
    repository.write_export(185)
    red = subprocess.run(argv, cwd=repository.root, env=env, capture_output=True, text=True)
    assert red.returncode == 1
    assert red.stdout.count(": error: drones-launched: discrepancy") == 1
    assert not (repository.root / "reports").exists()  # the hook writes no files


WORKFLOWS = [ROOT / ".github/workflows/factcheck.yml", ROOT / "examples/ci/github-workflow.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_the_workflows_run_the_action_and_upload_its_sarif(path: Path) -> None:
    workflow = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["factcheck"]["steps"]
    (check,) = [s for s in steps if s.get("name") == "Check the figures"]
    assert check["uses"] == (
        "./" if path.parent.name == "workflows" else f"OWNER/factcheck@v{__version__}"
    )
    (upload,) = [s for s in steps if "upload-sarif" in s.get("uses", "")]
    assert upload["with"]["sarif_file"] == f"${{{{ steps.{check['id']}.outputs.sarif }}}}"


def test_this_repositorys_workflow_is_green_on_this_repository(tmp_path: Path) -> None:
    """The action, with the inputs of this repository's own workflow, on the seeds."""
    workflow = YAML(typ="safe").load(WORKFLOWS[0].read_text(encoding="utf-8"))
    (check,) = [s for s in workflow["jobs"]["factcheck"]["steps"] if s.get("uses") == "./"]
    args = check["with"]["args"].replace("reports/", f"{tmp_path}/")
    inputs = {"args": f"{args} --no-outputs", "sarif": str(tmp_path / "factcheck.sarif")}
    status, outputs, summary = run_action(ROOT, tmp_path, inputs)
    assert (status, outputs["exit-code"]) == (0, "0"), summary
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".md") == [
        "cache", "factcheck.junit.xml", "factcheck.sarif", "output",
    ]  # fmt: skip
    assert "## factcheck: 0 discrepancy, 0 evolving, 9 single-source, 1 agreement" in summary


def test_every_pinned_tag_in_the_docs_is_this_version() -> None:
    # a newcomer copies the tag from the README and compares it with `factcheck -V`
    files = [
        ROOT / "README.md",
        ROOT / "docs/ci.md",
        ROOT / "action.yml",
        ROOT / ".pre-commit-hooks.yaml",
    ]
    tags = {
        t
        for f in files
        for t in re.findall(r"(?:@|rev: )v(\d+\.\d+\.\d+)", f.read_text(encoding="utf-8"))
    }
    assert tags == {__version__}
