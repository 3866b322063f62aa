"""Imports point one way: stages never import the reporters or the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "checker"
STAGES = sorted(
    p
    for p in PACKAGE.rglob("*.py")
    # __main__.py is the CLI's entry point for `python -m checker`
    if p.parent.name != "report" and p.name not in ("cli.py", "__main__.py", "pipeline.py")
)


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", STAGES, ids=[str(p.relative_to(PACKAGE)) for p in STAGES])
def test_stage_never_imports_report_or_cli(path: Path) -> None:
    bad = {n for n in imported(path) if n.startswith(("checker.report", "checker.cli"))}
    assert bad == set()


def test_reporters_never_import_stages() -> None:
    for path in (PACKAGE / "report").glob("*.py"):
        stages = {n for n in imported(path) if n.startswith("checker.")} - {
            "checker.model",
            "checker.report",
        }
        assert {n for n in stages if not n.startswith("checker.report.")} == set(), path
