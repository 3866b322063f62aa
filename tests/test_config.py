"""The project config (factcheck.yaml or [tool.factcheck]): default paths and rule defaults,
validated with positions like a rules file."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import load_config
from checker.errors import RuleError
from checker.model import Severity, Tolerance
from checker.pipeline import lint_rules

runner = CliRunner()
FACT = "facts:\n  - id: drones-launched\n    kind: count\n    counts: [drones]\n"


def test_no_config_is_an_empty_config(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert (config.path, config.rules, config.documents) == (None, (), ())


def test_yaml_config_gives_paths_and_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "a.yaml").write_text(FACT)
    (tmp_path / "factcheck.yaml").write_text(
        "rules: [facts]\ndocuments: [news, archive]\n"
        "defaults:\n  tolerance: 5%\n  single_source: off\n  min_origins: 3\n"
    )
    config = load_config()
    assert (config.rules, config.documents) == (
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
documents = ["news"]

[tool.factcheck.defaults]
tolerance = "5%"
discrepancy = "warning"
"""


def test_pyproject_table_gives_paths_and_defaults(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    config = load_config(tmp_path)
    assert config.rules == (tmp_path / "facts",)
    assert config.documents == (tmp_path / "news",)
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
    (tmp_path / "factcheck.yaml").write_text("rules: [facts]\ndocuments: [news]\n")
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
