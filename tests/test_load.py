"""Documents load from files, folders and globs, with provenance from front matter or manifest."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.load import load_documents


def test_seed_manifest_gives_provenance(in_root: Path) -> None:
    documents, problems = load_documents([Path("seeds")])
    assert problems == []
    assert [(d.id, d.outlet, d.published) for d in documents] == [
        ("seeds/000_ea5ff2cefe8ded29.txt", "The National (Abu Dhabi)", "2024-04-18"),
        ("seeds/003_979139c0287720a2.txt", "JNS (Jewish News Syndicate)", "2024-04-14"),
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
    assert [d.path for d in documents] == [tmp_path / "a.txt"]
    assert [p.message for p in problems] == ["no such file or folder"]


def test_bad_manifest_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text("a.txt:\n  outlet: [unclosed\n")
    (tmp_path / "a.txt").write_text("Iran launched 170 drones.")
    documents, problems = load_documents([tmp_path])
    assert [d.path for d in documents] == [tmp_path / "a.txt"]
    (problem,) = problems
    assert problem.location.line == 3
    assert problem.message.startswith("invalid YAML")


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran launched 170 drones.")
    (tmp_path / "b.txt").write_text("Iran launched 170 drones.")
    documents, _ = load_documents([tmp_path / "b.txt", tmp_path, tmp_path / "*.txt"])
    assert [d.path for d in documents] == [tmp_path / "b.txt", tmp_path / "a.txt"]


def test_documents_with_one_stem_keep_their_own_identity(tmp_path: Path) -> None:
    """'a/report.txt', 'b/report.txt' and 'b/report.md' are three documents, not one."""
    for name, count in (("a/report.txt", 170), ("b/report.txt", 185), ("b/report.md", 190)):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(f"Iran launched {count} drones.\n")
    documents, problems = load_documents([tmp_path / "a", tmp_path / "b"])
    assert problems == []
    root = tmp_path.as_posix()
    assert [d.id for d in documents] == [
        f"{root}/a/report.txt",
        f"{root}/b/report.md",
        f"{root}/b/report.txt",
    ]


def test_a_document_id_is_its_path_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "wire.md").write_text("Iran launched 185 drones.\n")
    monkeypatch.chdir(tmp_path)
    given = [[Path("news")], [tmp_path / "news"], [Path("./news/wire.md")]]
    assert [[d.id for d in load_documents(paths)[0]] for paths in given] == [["news/wire.md"]] * 3
