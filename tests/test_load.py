"""Documents load from files, folders and globs, with provenance from front matter or manifest."""

from __future__ import annotations

from pathlib import Path

from checker.load import load_documents


def test_seed_manifest_gives_provenance(in_root: Path) -> None:
    documents, problems = load_documents([Path("seeds")])
    assert problems == []
    assert [(d.id, d.outlet, d.published) for d in documents] == [
        ("000_ea5ff2cefe8ded29", "The National (Abu Dhabi)", "2024-04-18"),
        ("003_979139c0287720a2", "JNS (Jewish News Syndicate)", "2024-04-14"),
    ]
    assert documents[0].path == Path("seeds/000_ea5ff2cefe8ded29.txt")


def test_front_matter_wins_and_lines_count_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text("a.md:\n  outlet: Manifest Outlet\n  title: T\n")
    (tmp_path / "a.md").write_text("---\noutlet: Front Outlet\n---\nBody line.\n")
    (document,), problems = load_documents([tmp_path])
    assert problems == []
    assert (document.outlet, document.title, document.text, document.body_line) == (
        "Front Outlet",
        "T",
        "Body line.\n",
        4,
    )


def test_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "b.md").write_text("two")
    (tmp_path / "c.csv").write_text("three")
    documents, problems = load_documents([tmp_path / "*.txt", tmp_path / "nope"])
    assert [d.id for d in documents] == ["a"]
    assert [p.message for p in problems] == ["no such file or folder"]


def test_bad_manifest_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text("a.txt:\n  outlet: [unclosed\n")
    (tmp_path / "a.txt").write_text("Iran launched 170 drones.")
    documents, problems = load_documents([tmp_path])
    assert [d.id for d in documents] == ["a"]
    (problem,) = problems
    assert problem.location.line == 3
    assert problem.message.startswith("invalid YAML")


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran launched 170 drones.")
    (tmp_path / "b.txt").write_text("Iran launched 170 drones.")
    documents, _ = load_documents([tmp_path / "b.txt", tmp_path, tmp_path / "*.txt"])
    assert [d.id for d in documents] == ["b", "a"]
