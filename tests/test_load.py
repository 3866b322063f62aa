"""Documents load from files, folders and globs, with provenance from front matter or manifest."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.load import NoDocuments, expand_paths, load_documents, parse_published
from checker.model import InputProblem
from tests.helpers import deny_open


def test_seed_manifest_gives_provenance(in_root: Path) -> None:
    documents, problems = load_documents([Path("seeds")])
    assert problems == []
    assert [(d.id, d.outlet, d.published) for d in documents] == [
        ("seeds/000_ea5ff2cefe8ded29.txt", "The National (Abu Dhabi)", "2024-04-18"),
        ("seeds/003_979139c0287720a2.txt", "JNS (Jewish News Syndicate)", "2024-04-14"),
    ]
    assert documents[0].path == Path("seeds/000_ea5ff2cefe8ded29.txt")


def test_front_matter_wins_and_lines_count_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text("a.txt:\n  outlet: Manifest Outlet\n  title: T\n")
    (tmp_path / "a.txt").write_text("---\noutlet: Front Outlet\n---\nBody line.\n")
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


def write(path: Path, text: str = "Iran launched 170 drones.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def messages(problems: list[InputProblem]) -> list[str]:
    return [str(p) for p in problems]


def test_suffixes_match_in_any_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("news/REPORT.TXT", "news/Wire.Md", "news/notes.csv", "news/x.markdown"):
        write(tmp_path / name)
    documents, problems = load_documents([Path("news")])
    named = ["news/REPORT.TXT", "news/Wire.Md", "news/x.markdown"]
    assert [d.id for d in documents] == named
    # a CSV is an export of records: this one's header has no text column
    assert [str(p.location) for p in problems] == ["news/notes.csv:1:1"]
    documents, _ = load_documents([Path("news/*")])
    assert [d.id for d in documents] == named


def test_every_skip_of_a_folder_scan_is_a_problem_with_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "news/a.txt")
    os.mkfifo(tmp_path / "news/pipe.md")
    os.mkfifo(tmp_path / "news/pipe.log")  # not a document's name: nothing to say
    (tmp_path / "news/gone.txt").symlink_to("nowhere.txt")
    (tmp_path / "news/loop").symlink_to(".")
    documents, problems = load_documents([Path("news")])
    assert [d.id for d in documents] == ["news/a.txt"]
    assert messages(problems) == [
        "news/gone.txt:1:1: broken symbolic link to 'nowhere.txt'",
        "news/loop:1:1: symbolic link to a folder it is in (a loop): skipped",
        "news/pipe.md:1:1: a FIFO, not a regular file: skipped",
    ]


def test_a_symlinked_folder_is_followed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "news/a.txt")
    write(tmp_path / "archive/2023/b.txt")
    (tmp_path / "news/old").symlink_to("../archive")
    (tmp_path / "news/also-old").symlink_to("../archive")
    documents, problems = load_documents([Path("news")])
    assert problems == []
    assert [d.id for d in documents] == ["news/a.txt", "news/also-old/2023/b.txt"]


def test_an_unlistable_folder_is_reported_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "news/a.txt")
    write(tmp_path / "news/locked/b.txt")
    real_scandir = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    documents, problems = load_documents([Path("news")])
    assert [d.id for d in documents] == ["news/a.txt"]
    assert messages(problems) == ["news/locked:1:1: cannot list folder: Permission denied"]


@pytest.fixture
def nested(tmp_path: Path) -> Iterator[Path]:
    """A folder for `nest`, emptied afterwards from the top down (shutil.rmtree recurses)."""
    yield tmp_path
    while (tmp_path / "d").is_dir():
        (tmp_path / "d" / "d").replace(tmp_path / "next") if (
            tmp_path / "d" / "d"
        ).exists() else None
        for entry in (tmp_path / "d").iterdir():
            entry.unlink()
        (tmp_path / "d").rmdir()
        if (tmp_path / "next").exists():
            (tmp_path / "next").replace(tmp_path / "d")


def nest(top: Path, levels: int, document: str) -> None:
    """`levels` folders 'd' inside each other, `document` in the deepest: made through open
    folders, since the whole path may be longer than the system lets a path be."""
    fd = os.open(top, os.O_RDONLY)
    for _ in range(levels):
        os.mkdir("d", dir_fd=fd)
        inner = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    out = os.open(document, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(out, b"Iran launched 170 drones.\n")
    os.close(out)
    os.close(fd)


def test_a_folder_tree_deeper_than_the_recursion_limit(nested: Path) -> None:
    """1,200 levels: pathlib's rglob raised RecursionError at about 1,000."""
    nest(nested, 1200, "bottom.txt")
    (document,), problems = load_documents([nested])
    assert (document.path, problems) == (nested.joinpath(*["d"] * 1200, "bottom.txt"), [])


def test_a_folder_tree_too_deep_for_its_paths_is_a_problem(nested: Path) -> None:
    """2,500 levels of 'd/' make paths longer than the system allows: a message, no crash."""
    nest(nested, 2500, "bottom.txt")
    write(nested / "top.txt")
    documents, problems = load_documents([nested])
    assert [d.path for d in documents] == [nested / "top.txt"]
    (problem,) = problems
    assert problem.message == "cannot read: File name too long"


def test_a_glob_over_a_symlink_loop_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "news/a.md")
    write(tmp_path / "news/x/b.md")
    (tmp_path / "news/x/up").symlink_to("..")
    (tmp_path / "news/x/self").symlink_to(".")
    documents, problems = load_documents([Path("news/**/*.md")])
    assert [d.id for d in documents] == ["news/a.md", "news/x/b.md"]
    assert messages(problems) == [
        "news/x/self:1:1: symbolic link to a folder it is in (a loop): skipped",
        "news/x/up:1:1: symbolic link to a folder it is in (a loop): skipped",
    ]


GLOBS = [
    ("news/*.md", ["news/a.md"]),
    ("news/**/*.md", ["news/a.md", "news/x/b.md", "news/x/y/c.md"]),
    ("news/**", ["news/a.md", "news/x/b.md", "news/x/y/c.md"]),
    ("news/x/**/*.md", ["news/x/b.md", "news/x/y/c.md"]),
    ("news/?/*.md", ["news/x/b.md"]),
    ("news/[xz]/*.md", ["news/x/b.md"]),
    ("news/[!x]*/*.md", []),
    ("*/a.md", ["news/a.md"]),
    ("news/.*.md", ["news/.hidden.md"]),
]


@pytest.mark.parametrize(("pattern", "expected"), GLOBS, ids=[g for g, _ in GLOBS])
def test_glob_patterns_match_as_in_the_shell(
    pattern: str, expected: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("news/a.md", "news/.hidden.md", "news/x/b.md", "news/x/y/c.md", "news/.git/d.md"):
        write(tmp_path / name)
    files, problems = expand_paths([Path(pattern)])
    assert [f.as_posix() for f in files] == expected
    assert [p.message for p in problems] == (
        []
        if expected
        else ["no .txt, .md, .html, .pdf, .jsonl, .csv or .parquet document matches this pattern"]
    )


def test_zero_documents_is_an_error_that_says_what_was_looked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(NoDocuments) as raised:
        load_documents([Path("empty"), Path("news/*.md")])
    assert str(raised.value).splitlines() == [
        "empty:1:1: no .txt, .md, .html, .pdf, .jsonl, .csv or .parquet document in this folder",
        "news/*.md:1:1: no .txt, .md, .html, .pdf, .jsonl, .csv or .parquet document matches "
        "this pattern",
        "no documents matched empty, news/*.md (looked for .txt, .md, .html, .pdf, .jsonl, .csv "
        "and .parquet files, in any case); "
        "nothing was checked",
    ]


def test_a_named_file_that_is_not_regular_is_reported_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    paths = [Path("pipe.txt"), Path("a.txt"), Path("/dev/zero"), Path("gone.txt")]
    documents, problems = load_documents(paths)
    assert [d.id for d in documents] == ["a.txt"]
    assert messages(problems) == [
        "gone.txt:1:1: broken symbolic link",
        "pipe.txt:1:1: cannot read: a FIFO, not a regular file",
        "/dev/zero:1:1: cannot read: a character device, not a regular file",
    ]


def test_a_named_file_that_cannot_be_opened_is_reported_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt")
    write(tmp_path / "locked.txt")
    deny_open(monkeypatch, "locked.txt")
    documents, problems = load_documents([Path("locked.txt"), Path("a.txt")])
    assert [d.id for d in documents] == ["a.txt"]
    assert messages(problems) == ["locked.txt:1:1: cannot read: Permission denied"]


PUBLISHED = [
    ("2024-04-14", "2024-04-14"),
    ("2024-04-14T23:30:00-05:00", "2024-04-14"),
    ("2024-04-14 10:32", "2024-04-14"),
    ("14 April 2024", "2024-04-14"),
    ("April 14, 2024", "2024-04-14"),
    ("Sunday, 14 Apr 2024", "2024-04-14"),
    ("Sun, 14 Apr 2024 10:32:00 +0000", "2024-04-14"),
    ("2024/04/14", "2024-04-14"),
    ("14.04.2024", "2024-04-14"),
    ("15/04/2024", "2024-04-15"),
    ("04/15/2024", "2024-04-15"),
]


@pytest.mark.parametrize(("written", "iso"), PUBLISHED, ids=[w for w, _ in PUBLISHED])
def test_published_dates_are_read_as_dates(written: str, iso: str) -> None:
    assert parse_published(written) == iso


NOT_DATES = [
    ("2024-02-30", "is not a date: day is out of range for month"),
    ("2024-13-01", "is not a date: month must be in 1..12"),
    ("03/04/2024", "is ambiguous (4 March 2024 or 3 April 2024): write it as YYYY-MM-DD"),
    ("3 4 2024", "is ambiguous (4 March 2024 or 3 April 2024): write it as YYYY-MM-DD"),
    ("03/04/24", "has no four-digit year: write it as YYYY-MM-DD"),
    ("9 April", "is not a whole date (year, month and day): write it as YYYY-MM-DD"),
    ("April 2024", "is not a whole date (year, month and day): write it as YYYY-MM-DD"),
    ("31 February 2024", "is not a date: write it as YYYY-MM-DD"),
    ("yesterday", "is not a date: write it as YYYY-MM-DD"),
    ("2024", "is not a date: write it as YYYY-MM-DD"),
]


@pytest.mark.parametrize(("written", "why"), NOT_DATES, ids=[w for w, _ in NOT_DATES])
def test_published_that_is_not_one_date_is_refused(written: str, why: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_published(written)
    assert str(raised.value) == why


def test_a_bad_published_date_is_a_problem_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", "---\noutlet: Wire\npublished: 2024-02-30\n---\nIran launched 170.\n")
    write(tmp_path / "sources.yaml", "b.txt:\n  outlet: Paper\n  published: 03/04/2024\n")
    write(tmp_path / "b.txt")
    documents, problems = load_documents([tmp_path])
    assert [(d.id, d.outlet, d.published) for d in documents] == [
        ("a.md", "Wire", ""),
        ("b.txt", "Paper", ""),
    ]
    assert messages(problems) == [
        "sources.yaml:3:14: published '03/04/2024' is ambiguous (4 March 2024 or 3 April 2024): "
        "write it as YYYY-MM-DD",
        "a.md:3:12: published '2024-02-30' is not a date: day is out of range for month",
    ]


# 10, 100, … 100,000 nodes: each line repeats the one before ten times
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n" for p, c in zip("abcde", "bcdef", strict=True)
)
BAD_FRONT_MATTER = [
    ("outlet: A\x01B\n", "a.txt:2:10: front matter: control character U+0001 is not allowed"),
    ('outlet: "A\\x1b[31mB"\n', "a.txt:2:9: outlet contains the control character U+001B"),
    ("outlet: [Wire, Paper]\n", "a.txt:2:9: outlet should be a single value"),
    ("a: " + "[" * 100 + "]" * 100 + "\n",
     "a.txt:2:67: front matter: nested more than 64 levels deep"),
    (
        ALIAS_BOMB + "outlet: Wire\n",
        "a.txt:6:36: front matter: aliases repeat more than 100,000 nodes (an alias bomb?): "
        "write the values out",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("header", "message"), BAD_FRONT_MATTER, ids=[m for _, m in BAD_FRONT_MATTER]
)
def test_bad_front_matter_is_a_problem_and_the_body_still_loads(
    header: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", f"---\n{header}---\nIran launched 170 drones.\n")
    (document,), problems = load_documents([Path("a.txt")])
    assert (document.text, messages(problems)) == ("Iran launched 170 drones.\n", [message])


def test_a_manifest_that_is_not_a_regular_file_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "news/a.txt")
    os.mkfifo(tmp_path / "news/sources.yaml")
    (document,), problems = load_documents([Path("news")])
    assert document.outlet == ""
    assert messages(problems) == [
        "news/sources.yaml:1:1: cannot read manifest: a FIFO, not a regular file"
    ]


def test_names_that_are_not_utf8_are_shown_escaped_and_stay_two_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """b'\\xff.txt' and b'\\xfe.txt': U+FFFD for each would make them one document, and the
    raw name crashed every report written to stdout."""
    monkeypatch.chdir(tmp_path)
    for raw in (b"\xff.txt", b"\xfe.txt"):
        (tmp_path / os.fsdecode(raw)).write_text("Iran launched 170 drones.\n")
    documents, problems = load_documents([Path()])
    assert ([d.id for d in documents], problems) == (["\\xfe.txt", "\\xff.txt"], [])


def test_a_name_with_a_line_break_keeps_file_line_col_on_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by bench/fuzz.py: 'a\\nb.md' cut the problem's first line after 'a'."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a\nb.md").write_bytes(b"Iran \xff launched 170 drones.\n")
    write(tmp_path / "c.txt")
    documents, problems = load_documents([Path()])
    assert [d.id for d in documents] == ["c.txt"]
    assert messages(problems) == ["a\\x0ab.md:1:6: not UTF-8 text (byte 5: invalid start byte)"]
