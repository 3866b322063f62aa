"""The project config (factcheck.yaml or [tool.factcheck]): default paths and rule defaults,
validated with positions like a rules file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import load_config
from checker.errors import RuleError
from checker.model import Severity, Tolerance
from checker.pipeline import lint_rules
from tests.helpers import deny_open

runner = CliRunner()
FACT = "facts:\n  - id: drones-launched\n    kind: count\n    counts: [drones]\n"


def test_no_config_is_an_empty_config(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert (config.path, config.rules, config.paths) == (None, (), ())


def test_yaml_config_gives_paths_and_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "a.yaml").write_text(FACT)
    (tmp_path / "factcheck.yaml").write_text(
        "rules: [facts]\npaths: [news, archive]\n"
        "defaults:\n  tolerance: 5%\n  single_source: off\n  min_origins: 3\n"
    )
    config = load_config()
    assert (config.rules, config.paths) == (
        (Path("facts"),),
        (Path("news"), Path("archive")),
    )
    (fact,) = lint_rules(config=config).facts
    assert (fact.tolerance, fact.single_source, fact.min_origins) == (
        Tolerance(0.05, True),
        Severity.OFF,
        3,
    )


def test_a_rules_file_overrides_the_config(tmp_path: Path) -> None:
    (tmp_path / "factcheck.yaml").write_text("defaults:\n  tolerance: 5%\n")
    rules = tmp_path / "r.yaml"
    rules.write_text("defaults:\n  tolerance: 3\n" + FACT)
    (fact,) = lint_rules([rules], load_config(tmp_path)).facts
    assert fact.tolerance == Tolerance(3.0, False)


def test_yaml_config_problems_have_positions(tmp_path: Path) -> None:
    (tmp_path / "factcheck.yaml").write_text(
        "rule: [facts]\ndefaults:\n  tolerence: 5%\n  discrepancy: fatal\n"
    )
    with pytest.raises(RuleError) as caught:
        load_config(tmp_path)
    assert [
        (p.location.line, p.location.col, p.message, p.hint) for p in caught.value.problems
    ] == [
        (1, 1, "unknown key 'rule' in the factcheck config", "did you mean 'rules'?"),
        (3, 3, "unknown key 'tolerence' in defaults", "did you mean 'tolerance'?"),
        (
            4,
            16,
            "discrepancy 'fatal' is not one of: error, warning, off",
            "did you mean 'error'?",
        ),
    ]


PYPROJECT = """\
[project]
name = "newsroom"

[tool.factcheck]
rules = ["facts"]
paths = ["news"]

[tool.factcheck.defaults]
tolerance = "5%"
discrepancy = "warning"
"""


def test_pyproject_table_gives_paths_and_defaults(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    config = load_config(tmp_path)
    assert config.rules == (tmp_path / "facts",)
    assert config.paths == (tmp_path / "news",)
    assert (config.defaults.tolerance, config.defaults.discrepancy) == (
        Tolerance(0.05, True),
        Severity.WARNING,
    )


def test_pyproject_problems_point_at_their_key(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        PYPROJECT.replace('rules = ["facts"]', 'rule = ["facts"]').replace(
            'tolerance = "5%"', 'tolerance = "five percent"'
        )
    )
    with pytest.raises(RuleError) as caught:
        load_config(tmp_path)
    assert [(p.location.line, p.location.col, p.message) for p in caught.value.problems] == [
        (5, 1, "unknown key 'rule' in the factcheck config"),
        (9, 1, "tolerance 'five percent' cannot be read"),
    ]
    assert '  5 | rule = ["facts"]\n    | ^' in str(caught.value)


def test_pyproject_without_the_table_is_an_empty_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_config(tmp_path).path is None


def test_check_uses_the_configured_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "a.yaml").write_text(FACT.rstrip() + "\n    context: [launch]\n")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Iran launched 170 drones.\n")
    (tmp_path / "news" / "b.txt").write_text("Iran launched 185 drones.\n")
    (tmp_path / "factcheck.yaml").write_text("rules: [facts]\npaths: [news]\n")
    result = runner.invoke(app, ["check", "--no-csv", "--color", "never"])
    assert result.exit_code == 1
    assert "DISCREPANCY [error]  drones-launched" in result.stdout


def test_a_bad_config_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.yaml").write_text("rulez: [facts]\n")
    result = runner.invoke(app, ["rules", "lint"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "factcheck.yaml:1:1: unknown key 'rulez' in the factcheck config"
    )


def test_the_config_is_found_from_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "factcheck.yaml").write_text("rules: [facts]\n")
    (tmp_path / "news" / "2024").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "news" / "2024")
    config = load_config()
    assert config.path == tmp_path / "factcheck.yaml"
    assert config.rules == (tmp_path / "facts",)


def first_problem(folder: Path) -> str:
    with pytest.raises(RuleError) as caught:
        load_config(folder)
    return str(caught.value).splitlines()[0]


BAD_CONFIGS = [
    ("factcheck.yaml", b"rules: [facts]\ndefaults:\n  tolerance: 5\xe9\n",
     "factcheck.yaml:3:15: cannot read config: not UTF-8 text "
     "(byte 39: invalid continuation byte)"),
    ("pyproject.toml", b'[tool.factcheck]\nrules = ["caf\xe9"]\n',
     "pyproject.toml:2:14: cannot read config: not UTF-8 text "
     "(byte 30: invalid continuation byte)"),
    ("factcheck.yaml", b"rules: [fa\x07cts]\n",
     "factcheck.yaml:1:11: control character U+0007 is not allowed"),
    ("factcheck.yaml", b'rules: ["fa\\x1bcts"]\n',
     "factcheck.yaml:1:9: each entry of rules paths contains the control character U+001B"),
    ("pyproject.toml", b'[tool.factcheck]\nrules = ["fa\\u001bcts"]\n',
     "pyproject.toml:2:1: each entry of rules paths contains the control character U+001B"),
    ("pyproject.toml", b"[tool.factcheck.defaults]\nwindow = inf\n",
     "pyproject.toml:2:1: window should be a whole number from 1 to 1000000, not 'inf'"),
    ("pyproject.toml", b"[tool.factcheck.defaults]\nwindow = 1e400\n",
     "pyproject.toml:2:1: window should be a whole number from 1 to 1000000, not 'inf'"),
    ("pyproject.toml", b"[tool.factcheck.defaults]\nwindow = 1e300\n",
     "pyproject.toml:2:1: window should be a whole number from 1 to 1000000, "
     "not '1e+300'"),
    ("pyproject.toml", b"[tool.factcheck.defaults]\nwindow = " + b"7" * 5000 + b"\n",
     "pyproject.toml:1:1: invalid TOML: Exceeds the limit (4300 digits) for integer string "
     "conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"),
    ("pyproject.toml", b"[tool.factcheck]\nrules = " + b"[" * 3000 + b"]" * 3000 + b"\n",
     "pyproject.toml:1:1: invalid TOML: nested too deeply"),
    ("pyproject.toml", b"[tool.factcheck]\nrules = " + b"[" * 80 + b"]" * 80 + b"\n",
     "pyproject.toml:2:1: nested more than 64 levels deep"),
    ("factcheck.yaml", b"rules: " + b"[" * 80 + b"]" * 80 + b"\n",
     "factcheck.yaml:1:71: nested more than 64 levels deep"),
    ("pyproject.toml", b"[tool.factcheck]\nrules = [\n",
     "pyproject.toml:3:1: invalid TOML: Invalid value (at end of document)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "first"), BAD_CONFIGS, ids=[f for *_, f in BAD_CONFIGS]
)
def test_a_bad_config_is_a_problem_at_its_position(
    name: str, content: bytes, first: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(content)
    assert first_problem(tmp_path) == first


@pytest.mark.parametrize("name", ["factcheck.yaml", "pyproject.toml"])
def test_a_config_that_cannot_be_read_is_an_error_not_a_crash(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text("rules: [facts]\n")
    deny_open(monkeypatch, name)
    assert first_problem(tmp_path) == f"{name}:1:1: cannot read config: Permission denied"


def test_a_config_that_is_a_fifo_is_refused_without_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "factcheck.yaml")
    assert first_problem(tmp_path) == (
        "factcheck.yaml:1:1: cannot read config: a FIFO, not a regular file"
    )
