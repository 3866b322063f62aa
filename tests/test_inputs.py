"""Every input format on files shaped like real ones: what is text, where each figure is in
the file, what the page or record says of itself, and how a bad file is reported."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

import pytest

from checker.inputs import Fields, InputOptions
from checker.load import NoDocuments, load_documents
from checker.model import CheckResult, Document
from checker.pipeline import run_check
from tests.documents import make_page, make_pdf
from tests.helpers import RULES


def located(result: CheckResult) -> list[tuple[str, str, str]]:
    """(fact, figure as written, file:line:col) of every claim."""
    return sorted(
        (c.fact_id, c.figure.text, f"{c.figure.path.as_posix()}:{c.figure.line}:{c.figure.column}")
        for f in result.findings
        for c in f.claims
    )


def place_of(document: Document, written: str) -> tuple[int, int]:
    """The file place of the first `written` in the document's text."""
    at = document.text.index(written)
    line = document.text.count("\n", 0, at) + 1
    col = at - (document.text.rfind("\n", 0, at) + 1) + 1
    assert document.places is not None
    return document.places.place(line, col)


def run_in(folder: Path, *paths: str) -> CheckResult:
    (folder / "rules.yaml").write_text(RULES, encoding="utf-8")
    with contextlib.chdir(folder):
        return run_check([Path(p) for p in paths], [Path("rules.yaml")])


# ---------------------------------------------------------------- Markdown


def test_markdown_code_comments_and_front_matter_are_not_text(tmp_path: Path) -> None:
    (tmp_path / "brief.md").write_text(
        "---\noutlet: Harbour Post\npublished: 14 April 2024\n---\n"
        "# Overnight attack\n\n"
        "Iran launched **more than 300** [drones](https://example.org/300) at Israel.\n\n"
        "<!-- 999 drones -->\n\n"
        "```\nIran launched 555 drones\n```\n\n"
        "    Iran launched 444 drones in an indented block\n",
        encoding="utf-8",
    )
    (document,), problems = load_documents([tmp_path / "brief.md"])
    assert problems == []
    assert document.text == ("Overnight attack\n\nIran launched more than 300 drones at Israel.")
    assert (document.outlet, document.published) == ("Harbour Post", "2024-04-14")
    # line 7 of the file, after the front matter and the heading; columns past the markup
    written = "Iran launched **more than 300** [drones](https://example.org/300) at Israel."
    assert place_of(document, "300") == (7, written.index("300") + 1)
    assert place_of(document, "drones") == (7, written.index("drones") + 1)
    assert place_of(document, "at Israel") == (7, written.index("at Israel") + 1)


def test_a_markdown_comment_never_fails_ci(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Iran launched 170 drones, the IDF said.\n", "utf-8")
    (tmp_path / "b.md").write_text(
        "Iran launched 170 drones, the Pentagon said.\n\n<!-- Iran launched 999 drones -->\n",
        "utf-8",
    )
    result = run_in(tmp_path, "a.md", "b.md")
    assert located(result) == [
        ("drones-launched", "170", "a.md:1:15"),
        ("drones-launched", "170", "b.md:1:15"),
    ]
    assert result.exit_code == 0


# ---------------------------------------------------------------- HTML


PAGE_PARAGRAPHS = [
    "Iran launched <strong>more than 300</strong> drones and missiles at Israel overnight, "
    "officials said.",
    "Two US Navy destroyers shot down more than 80 drones &amp; several missiles, the "
    "Pentagon said.",
]


def test_html_main_text_metadata_and_places(tmp_path: Path) -> None:
    page = make_page(
        PAGE_PARAGRAPHS,
        title="Iran launches drones at Israel",
        outlet="Harbour Post",
        published="Apr 14, 2024",
        url="https://harbourpost.example/world/iran-drones",
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (document,), problems = load_documents([tmp_path / "page.html"])
    assert problems == []
    assert document.text == (
        "Iran launches drones at Israel\n\n"
        "Iran launched more than 300 drones and missiles at Israel overnight, officials said."
        "\n\nTwo US Navy destroyers shot down more than 80 drones & several missiles, the "
        "Pentagon said."
    )  # no navigation, no footer, no comment, no <title> suffix
    assert (document.title, document.outlet, document.published, document.url) == (
        "Iran launches drones at Israel",
        "Harbour Post",
        "2024-04-14",
        "https://harbourpost.example/world/iran-drones",
    )
    lines = page.split("\n")
    first = next(n for n, line in enumerate(lines, 1) if "more than 300" in line)
    assert place_of(document, "300") == (first, lines[first - 1].index("300") + 1)
    assert place_of(document, "80") == (first + 1, lines[first].index("80") + 1)
    # the '&' of '&amp;' is at the entity
    assert place_of(document, "&") == (first + 1, lines[first].index("&amp;") + 1)


def test_html_metadata_from_meta_tags_alone(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Storm toll rises</title>\n"
        '<meta name="application-name" content="Valley Gazette">\n'
        '<meta name="date" content="12 August 2025">\n'
        '<link rel="canonical" href="https://valley.example/storm">\n'
        "</head><body><article><p>At least 34 people were killed in the storm, the county "
        "said on Tuesday, and rescuers were still searching the hills.</p></article></body>"
        "</html>\n"
    )
    (tmp_path / "storm.htm").write_text(page, encoding="utf-8")
    (document,), problems = load_documents([tmp_path / "storm.htm"])
    assert problems == []
    assert (document.title, document.outlet, document.published, document.url) == (
        "Storm toll rises",
        "Valley Gazette",
        "2025-08-12",
        "https://valley.example/storm",
    )


def test_an_ambiguous_html_date_is_a_problem_at_its_tag(tmp_path: Path) -> None:
    page = make_page(
        PAGE_PARAGRAPHS, title="T", outlet="O", published="03/04/2024", url="u", json_ld=False
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    with contextlib.chdir(tmp_path):
        (document,), problems = load_documents([Path("page.html")])
    line = next(n for n, text in enumerate(page.split("\n"), 1) if "published_time" in text)
    assert [str(p) for p in problems] == [
        f"page.html:{line}:1: published '03/04/2024' is ambiguous (4 March 2024 or 3 April "
        "2024): write it as YYYY-MM-DD"
    ]
    assert document.published == ""


def test_html_in_its_declared_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>'
        "The caf\xe9 owners said 40 people were sheltering in the basement on Sunday night, "
        "and that the water had reached the first floor.</p></body></html>"
    )
    (tmp_path / "cafe.html").write_bytes(page.encode("cp1252"))
    (document,), problems = load_documents([tmp_path / "cafe.html"])
    assert problems == []
    assert document.text.startswith("The café owners said 40 people")


# ---------------------------------------------------------------- PDF


def test_pdf_text_per_page_placed_at_page_and_line(tmp_path: Path) -> None:
    (tmp_path / "brief.pdf").write_bytes(
        make_pdf(
            [
                ["Situation report", "Iran launched more than 300 drones and missiles."],
                ["Annex", "Figures as of noon", "US destroyers shot down 80 drones."],
            ],
            title="Situation report 14 April",
        )
    )
    (document,), problems = load_documents([tmp_path / "brief.pdf"])
    assert problems == []
    assert document.title == "Situation report 14 April"
    assert place_of(document, "300") == (1, 2)  # page 1, line 2
    assert place_of(document, "80") == (2, 3)  # page 2, line 3


def test_a_pdf_figure_is_reported_at_page_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(
        make_pdf([["Cover"], ["Notes", "Iran launched 170 drones, the IDF said."]])
    )
    (tmp_path / "b.txt").write_text("Iran launched 185 drones, the Pentagon said.\n", "utf-8")
    result = run_in(tmp_path, "a.pdf", "b.txt")
    assert located(result) == [
        ("drones-launched", "170", "a.pdf:2:2"),
        ("drones-launched", "185", "b.txt:1:15"),
    ]
    assert result.exit_code == 1


# ---------------------------------------------------------------- JSONL and CSV


def test_jsonl_one_document_per_record_with_mapped_fields(tmp_path: Path) -> None:
    records = [
        {"article_id": "a-1", "body": "Iran launched 170 drones, the IDF said.",
         "source": {"name": "Wire One"}, "date": "Aug 12, 2025"},
        {"article_id": "a-2", "body": "Officials said Iran launched 185 drones.",
         "source": {"name": "Wire Two"}, "date": "2025-08-13"},
    ]  # fmt: skip
    (tmp_path / "export.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    options = InputOptions(fields=Fields(text="body", id="article_id", outlet="source.name",
                                         published="date"))  # fmt: skip
    documents, problems = load_documents([tmp_path / "export.jsonl"], options)
    assert problems == []
    assert [(d.id, d.outlet, d.published) for d in documents] == [
        ("a-1", "Wire One", "2025-08-12"),
        ("a-2", "Wire Two", "2025-08-13"),
    ]
    line = json.dumps(records[1])
    assert place_of(documents[1], "185") == (2, line.index("185") + 1)


def test_a_malformed_jsonl_line_is_skipped_and_the_others_read(tmp_path: Path) -> None:
    (tmp_path / "export.jsonl").write_text(
        '{"text": "Iran launched 170 drones."}\n'
        '{"text": "Iran launched 185 drones.", \n'
        '{"text": "Iran launched 190 drones.", "published": "12 August 2025"}\n',
        encoding="utf-8",
    )
    with contextlib.chdir(tmp_path):
        documents, problems = load_documents([Path("export.jsonl")])
    assert [d.id for d in documents] == ["export.jsonl#1", "export.jsonl#3"]
    assert documents[1].published == "2025-08-12"
    (problem,) = problems
    assert str(problem.location) == "export.jsonl:2:39"
    assert problem.message.startswith("malformed JSON")


def test_csv_records_place_figures_inside_their_quoted_field(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(
        'id,outlet,text\nr1,Wire One,"Iran launched 170 drones,\nthe IDF said."\n'
        "r2,Wire Two,Iran launched 185 drones.\n",
        encoding="utf-8",
    )
    documents, problems = load_documents([tmp_path / "export.csv"])
    assert problems == []
    assert [(d.id, d.outlet) for d in documents] == [("r1", "Wire One"), ("r2", "Wire Two")]
    assert place_of(documents[0], "170") == (2, 28)
    assert place_of(documents[1], "185") == (4, 27)


# ---------------------------------------------------------------- standard input


def test_stdin_is_read_as_the_named_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = "# Brief\n\n<!-- 999 drones -->\nIran launched 170 drones.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.encode())))
    (document,), problems = load_documents(
        [Path("-")], InputOptions(stdin_name=Path("news/brief.md"))
    )
    assert problems == []
    assert (document.id, document.text) == ("news/brief.md", "Brief\n\nIran launched 170 drones.")
    assert place_of(document, "170") == (4, 15)


# ---------------------------------------------------------------- bad inputs


def test_bad_inputs_of_every_format_are_reported_and_the_rest_checked(tmp_path: Path) -> None:
    good = make_pdf([["Iran launched 170 drones, the IDF said."]])
    (tmp_path / "good.pdf").write_bytes(good)
    (tmp_path / "truncated.pdf").write_bytes(good[: len(good) // 3])
    (tmp_path / "notes.pdf").write_text("Iran launched 999 drones.\n", encoding="utf-8")
    (tmp_path / "broken.html").write_text("<html><body><div class=", encoding="utf-8")
    (tmp_path / "latin.html").write_bytes(b"<p>Iran launched 180 drones \xe9</p>")
    (tmp_path / "b.jsonl").write_text(
        '{"text": "Iran launched 185 drones, the Pentagon said."}\n{"text": 5\n', "utf-8"
    )
    result = run_in(tmp_path, ".")
    assert [str(p) for p in result.problems] == [
        "b.jsonl:2:11: malformed JSON: Expecting ',' delimiter: skipped",
        "broken.html:1:1: no article text found in this HTML page: skipped",
        "latin.html:1:29: not UTF-8 text (byte 28: invalid continuation byte)",
        "notes.pdf:1:1: not a PDF file (no %PDF- header): skipped",
        "truncated.pdf:1:1: damaged PDF, cannot be read (Stream has ended unexpectedly): skipped",
    ]
    assert located(result) == [
        ("drones-launched", "170", "good.pdf:1:1"),
        ("drones-launched", "185", "b.jsonl:1:25"),
    ]
    assert result.exit_code == 2


def test_zero_documents_is_no_green_tick(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(NoDocuments) as raised:
        run_in(tmp_path, "empty")
    assert str(raised.value).endswith(
        "no documents matched empty (looked for .txt, .md, .html, .pdf, .jsonl, .csv and "
        ".parquet files, in any case); nothing was checked"
    )


def test_parquet_records_are_placed_at_row_and_line(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "article_id": ["p-1", "p-2"],
            "body": ["Iran launched 170 drones.", "Overnight.\nIran launched 185 drones."],
            "date": ["Aug 12, 2025", "13/08/2025"],
        }
    )
    pq.write_table(table, tmp_path / "export.parquet")
    options = InputOptions(fields=Fields(text="body", id="article_id", published="date"))
    with contextlib.chdir(tmp_path):
        documents, problems = load_documents([Path("export.parquet")], options)
    assert [(d.id, d.published) for d in documents] == [
        ("p-1", "2025-08-12"),
        ("p-2", "2025-08-13"),
    ]
    assert problems == []
    assert place_of(documents[1], "185") == (2, 2)  # row 2, line 2 of its text


def test_a_damaged_parquet_file_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "export.parquet").write_bytes(b"PAR1 not really")
    (tmp_path / "a.txt").write_text("Iran launched 170 drones.\n", encoding="utf-8")
    with contextlib.chdir(tmp_path):
        documents, problems = load_documents([Path("export.parquet"), Path("a.txt")])
    assert [d.id for d in documents] == ["a.txt"]
    (problem,) = problems
    assert str(problem.location) == "export.parquet:1:1"
    assert problem.message.startswith("not a readable Parquet file: Parquet magic bytes not found")
