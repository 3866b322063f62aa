"""Speakers -> origins across a corpus: name variants, acronyms, possessives, wire copies,
rules groups and a document's declared origin."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.model import Verdict
from checker.origins import name_groups
from tests.helpers import check, finding

DRONES = """defaults:
  no_claim: off
facts:
  - id: drones-launched
    kind: count
    counts: [drones]
    context: [launch]
"""
RULES = """facts:
  - id: homes-destroyed
    kind: count
    counts: [homes]
    context: [destroy]
"""


@pytest.mark.parametrize(
    ("speakers", "expected"),
    [
        (
            ["Ortiz", "Jane Ortiz", "Jane Ortiz"],
            {"Ortiz": "Jane Ortiz", "Jane Ortiz": "Jane Ortiz"},
        ),
        (
            ["Maui County Police Chief John Pelletier", "Pelletier", "police chief John Pelletier"],
            {
                "Maui County Police Chief John Pelletier": "John Pelletier",
                "Pelletier": "John Pelletier",
                "police chief John Pelletier": "John Pelletier",
            },
        ),
        # one letter apart is the same surname: "Hagri" for "Hagari"
        (
            ["Daniel Hagari", "Rear Admiral Daniel Hagri"],
            {"Daniel Hagari": "Daniel Hagari", "Rear Admiral Daniel Hagri": "Daniel Hagari"},
        ),
        # two first names: two people; a bare surname could be either, so it stays
        (
            ["John Smith", "Jane Smith", "Smith"],
            {"John Smith": "John Smith", "Jane Smith": "Jane Smith", "Smith": "Smith"},
        ),
        # an organisation: its acronym and its possessives
        (
            ["Pacific Disaster Center (PDC)", "PDC", "PDC's assessments"],
            {
                "Pacific Disaster Center (PDC)": "Pacific Disaster Center (PDC)",
                "PDC": "Pacific Disaster Center (PDC)",
                "PDC's assessments": "Pacific Disaster Center (PDC)",
            },
        ),
        # bodies are never merged by a shared word
        (
            ["officials in Washington", "officials in Kyiv", "health ministry"],
            {
                "officials in Washington": "officials in Washington",
                "officials in Kyiv": "officials in Kyiv",
                "health ministry": "health ministry",
            },
        ),
        # a title without a name is the one person named with it
        (
            [
                "fire chief Carla Mendes",
                "fire chief",
                "Coast guard commander Ivo Dimov",
                "the coast guard commander",
            ],
            {
                "fire chief Carla Mendes": "Carla Mendes",
                "fire chief": "Carla Mendes",
                "Coast guard commander Ivo Dimov": "Ivo Dimov",
                "the coast guard commander": "Ivo Dimov",
            },
        ),
        # ... not when two people hold it, nor when it is only a word of the title
        (
            ["Mayor Ruth Kim", "Mayor Ann Lee", "mayor", "fire chief Carla Mendes", "chief"],
            {
                "Mayor Ruth Kim": "Ruth Kim",
                "Mayor Ann Lee": "Ann Lee",
                "mayor": "mayor",
                "fire chief Carla Mendes": "Carla Mendes",
                "chief": "chief",
            },
        ),
        # a body by its bare noun is the one body of that noun named in full
        (
            ["commission", "electoral commission", "the army", "Israeli army"],
            {
                "commission": "electoral commission",
                "electoral commission": "electoral commission",
                "the army": "Israeli army",
                "Israeli army": "Israeli army",
            },
        ),
        # ... not when two are named, and "the state" is no short form of a name
        (
            ["ministry", "health ministry", "foreign ministry", "the state", "Islamic State"],
            {
                "ministry": "ministry",
                "health ministry": "health ministry",
                "foreign ministry": "foreign ministry",
                "the state": "the state",
                "Islamic State": "Islamic State",
            },
        ),
        # one speaker in two cases: the form most used, then the one no sentence start made
        (
            ["Police", "police", "police", "Organisers", "organisers", "Hamas", "HAMAS"],
            {
                "Police": "police",
                "police": "police",
                "Organisers": "organisers",
                "organisers": "organisers",
                "Hamas": "Hamas",
                "HAMAS": "Hamas",
            },
        ),
    ],
    ids=[
        "surname",
        "titled",
        "spelling",
        "two-people",
        "acronym",
        "bodies",
        "role",
        "roles-apart",
        "body",
        "bodies-apart",
        "case",
    ],
)
def test_name_groups(speakers: list[str], expected: dict[str, str]) -> None:
    assert name_groups(speakers) == expected


@pytest.mark.parametrize(
    "second",
    [
        "Flames destroyed 40 homes, Mendes told reporters.",  # her surname
        "Flames destroyed 40 homes, the fire chief said.",  # her title, named once in the corpus
    ],
    ids=["surname", "title"],
)
def test_two_outlets_quoting_one_spokeswoman_by_two_names_are_one_origin(
    tmp_path: Path, second: str
) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": (
                "Wire A",
                "2024-05-02",
                "Fire chief Carla Mendes said 40 homes were destroyed on the ridge.",
            ),
            "b.txt": ("Wire B", "2024-05-02", second),
        },
        RULES,
    )
    found = finding(result, "homes-destroyed")
    assert found.verdict is Verdict.SINGLE_SOURCE
    assert found.origins == ("Carla Mendes",)


def test_two_documents_carrying_one_wire_copy_are_one_origin(tmp_path: Path) -> None:
    story = "The storm destroyed 40 homes along the coast overnight, leaving hundreds homeless."
    result = check(
        tmp_path,
        {
            "a.txt": ("Daily Gazette", "2024-05-02", story),
            "b.txt": ("Evening Star", "2024-05-03", story.replace("overnight", "over night")),
        },
        RULES,
    )
    found = finding(result, "homes-destroyed")
    assert found.verdict is Verdict.SINGLE_SOURCE
    assert found.origins == ("Daily Gazette",)
    assert [c.copy_of for c in found.claims] == ["docs/a.txt", "docs/a.txt"]
    assert "2 documents carry one wire copy" in found.why


def test_different_sentences_with_the_same_figure_are_two_origins(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        {
            "a.txt": ("Daily Gazette", "2024-05-02", "The storm destroyed 40 homes on the coast."),
            "b.txt": (
                "Evening Star",
                "2024-05-03",
                "Residents returned to find 40 homes destroyed and the pier gone.",
            ),
        },
        RULES,
    )
    found = finding(result, "homes-destroyed")
    assert found.verdict is Verdict.AGREEMENT
    assert found.origins == ("Daily Gazette", "Evening Star")


def test_a_document_can_declare_the_origin_of_its_unattributed_figures(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(
        "---\noutlet: Daily Gazette\norigin: County fire service\n---\n"
        "The storm destroyed 40 homes on the coast.\n",
        encoding="utf-8",
    )
    (docs / "b.md").write_text(
        "---\noutlet: Evening Star\n---\n"
        "Residents returned to find 40 homes destroyed, the county fire service said.\n",
        encoding="utf-8",
    )
    (tmp_path / "rules.yaml").write_text(
        RULES.replace("facts:", "origins:\n  County fire service: [fire service]\nfacts:"),
        encoding="utf-8",
    )
    from checker.pipeline import run_check

    result = run_check([docs], [tmp_path / "rules.yaml"])
    found = finding(result, "homes-destroyed")
    assert found.origins == ("County fire service",)
    assert found.verdict is Verdict.SINGLE_SOURCE


def test_origins_reach_across_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # one document a batch: the name variants of one speaker and one wire story printed by
    # two outlets are still one origin each, as in a single batch
    import checker.stream

    monkeypatch.setattr(checker.stream, "BATCH_DOCUMENTS", 1)
    wire = "Overnight, Iran launched 170 drones and 30 cruise missiles towards Israel."
    result = check(
        tmp_path,
        {
            "a.md": (
                "Wire A",
                "2024-04-14",
                "Iran launched 170 drones, Rear Adm. Daniel Hagari said.",
            ),
            "b.md": ("Wire B", "2024-04-14", "Iran launched 185 drones, Hagari said."),
            "c.md": ("Paper C", "2024-04-14", wire),
            "d.md": ("Paper D", "2024-04-15", wire),
        },
        DRONES,
    )
    found = finding(result, "drones-launched")
    assert found.origins == ("Daniel Hagari", "Paper C")
    (paper_c,) = {c.figure.document for c in found.claims if c.figure.outlet == "Paper C"}
    assert {c.figure.outlet: c.copy_of for c in found.claims if not c.figure.origin} == {
        "Paper C": paper_c,
        "Paper D": paper_c,
    }


GROUPED = RULES.replace(
    "facts:", "origins:\n  Harbor Ferries: [Harbor Ferries, Mara Quinn]\nfacts:"
)


def test_a_surname_joins_the_group_of_the_full_name_it_stands_for(tmp_path: Path) -> None:
    # the alias is the full name; the second outlet writes the surname only
    result = check(
        tmp_path,
        {
            "a.txt": ("Wire A", "2024-05-02", "Mara Quinn said 40 homes were destroyed."),
            "b.txt": ("Wire B", "2024-05-02", "Flames destroyed 40 homes, Quinn said."),
            "c.txt": ("Wire C", "2024-05-03", "Flames destroyed 40 homes, Harbor Ferries said."),
        },
        GROUPED,
    )
    found = finding(result, "homes-destroyed")
    assert found.origins == ("Harbor Ferries",)
    assert found.verdict is Verdict.SINGLE_SOURCE


@pytest.mark.parametrize(
    ("front", "origins", "verdict"),
    [
        # the group's own release: its outlet is an alias, or its declared origin holds one
        ("outlet: Harbor Ferries", ("Harbor Ferries",), Verdict.SINGLE_SOURCE),
        ("outlet: harbor ferries", ("Harbor Ferries",), Verdict.SINGLE_SOURCE),
        (
            "outlet: Bay News\norigin: Harbor Ferries Ltd",
            ("Harbor Ferries",),
            Verdict.SINGLE_SOURCE,
        ),
        # an outlet whose name merely holds an alias reports on its own account
        (
            "outlet: Harbor Ferries Watch",
            ("Harbor Ferries", "Harbor Ferries Watch"),
            Verdict.AGREEMENT,
        ),
        ("outlet: Bay News", ("Bay News", "Harbor Ferries"), Verdict.AGREEMENT),
    ],
)
def test_a_documents_own_source_joins_a_group_it_names(
    tmp_path: Path, front: str, origins: tuple[str, ...], verdict: Verdict
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(
        f"---\n{front}\n---\nThe storm destroyed 40 homes on the coast.\n", encoding="utf-8"
    )
    (docs / "b.md").write_text(
        "---\noutlet: Evening Star\n---\n"
        "Flames destroyed 40 homes, Harbor Ferries spokeswoman Mara Quinn said.\n",
        encoding="utf-8",
    )
    (tmp_path / "rules.yaml").write_text(GROUPED, encoding="utf-8")
    from checker.pipeline import run_check

    found = finding(run_check([docs], [tmp_path / "rules.yaml"]), "homes-destroyed")
    assert found.origins == origins
    assert found.verdict is verdict
