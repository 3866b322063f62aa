"""factcheck rules suggest: corpora of our own wording -> the facts a person would write.

Every corpus here is written by the test into tmp_path: a flood in a made-up town (deaths
that rise, evacuations that disagree, homes and houses damaged, houses destroyed, losses in
euros, dates, times, ages and durations that must never become facts) and a rocket barrage
(one noun, two verbs). The expected values are the facts as the suggestion proposes them.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.extract import extract_figures, figures_in_text
from checker.match import match_claims
from checker.model import Document, Trend
from checker.pipeline import run_suggest
from checker.rules import load_rules
from checker.suggest import Suggestion, SuggestOptions
from checker.suggest.propose import Board, board_of
from checker.suggest.share import parts_of
from tests.helpers import corpus

FLOOD = {
    "a-valley-herald.md": (
        "Valley Herald",
        "2025-03-04",
        "# Floods swamp Brennmoor after the river bursts its banks\n\n"
        "At least 12 people died when the Aller burst its banks in Brennmoor, the regional "
        "water authority said.\n\n"
        "Rescue crews evacuated 1,450 residents from the lower town, and 340 homes were "
        "damaged, according to the Brennmoor fire service.\n\n"
        "The water peaked at 4:30 am on 3 March 2025, higher than in 2019.",
    ),
    "b-northern-post.md": (
        "Northern Post",
        "2025-03-05",
        "# Brennmoor counts its dead as the water recedes\n\n"
        "Fourteen people have died, the Brennmoor Regional Water Authority said.\n\n"
        "Some 1,450 residents were evacuated overnight. In all, 340 houses were damaged, "
        "the fire service said. Another 46 houses were destroyed outright.\n\n"
        "Volunteers filled 9,000 sandbags in two days.",
    ),
    "c-daily-wire.md": (
        "Daily Wire Service",
        "2025-03-06",
        "# Brennmoor flood toll climbs\n\n"
        "Seventeen people have died in Brennmoor, regional water authority officials said.\n\n"
        "About 1,500 residents were evacuated, and more than 300 homes were damaged.\n\n"
        "Insurers estimated the losses at 45 million euros.",
    ),
    "d-river-times.md": (
        "River Times",
        "2025-03-07",
        "# After the water, Brennmoor asks for help\n\n"
        "The mayor, a 58-year-old former engineer, said 2,100 residents had been evacuated, "
        "and that 46 houses were destroyed.\n\n"
        "Losses were estimated at 45 million euros by the town's insurers.",
    ),
    "e-evening-star.md": (
        "Evening Star",
        "2025-03-08",
        "# Brennmoor mourns\n\n"
        "The number of people who died rose to 19, the regional water authority said, after "
        "crews searched for 36 hours.",
    ),
}

BARRAGE = {
    "border-courier.md": (
        "Border Courier",
        "2025-06-10",
        "Militants launched 180 rockets at the border towns overnight, the army said. Air "
        "defences intercepted 150 rockets, it added.",
    ),
    "hill-gazette.md": (
        "Hill Gazette",
        "2025-06-10",
        "About 180 rockets were launched from the hills, and 150 rockets were intercepted "
        "before they reached the towns.",
    ),
    "plains-bulletin.md": (
        "Plains Bulletin",
        "2025-06-11",
        "The army intercepted 152 rockets; 180 rockets had been launched in all, a spokesman said.",
    ),
}

runner = CliRunner()


def write(folder: Path, documents: dict[str, tuple[str, str, str]]) -> Path:
    docs, _ = corpus(folder, documents, "facts: []\n")
    return docs


def suggest(
    folder: Path, documents: dict[str, tuple[str, str, str]], **options: object
) -> Suggestion:
    docs = write(folder, documents)
    with contextlib.chdir(folder):
        return run_suggest([docs], SuggestOptions(**options), jobs=1).suggestion  # type: ignore[arg-type]


def shape(suggestion: Suggestion) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """(id, kind, counts, context) of each suggested fact, in the file's order."""
    return [(f.fact.id, f.fact.kind.value, f.fact.counts, f.fact.context) for f in suggestion.facts]


def cli(folder: Path, *args: str) -> tuple[int, str, str]:
    with contextlib.chdir(folder):
        done = runner.invoke(app, list(args))
    return done.exit_code, done.stdout, done.stderr


def test_facts_are_grouped_by_kind_and_head_noun(tmp_path: Path) -> None:
    assert shape(suggest(tmp_path, FLOOD)) == [
        ("people-died", "count", ("people",), ("died",)),
        ("residents-evacuated", "count", ("residents",), ("evacuated",)),
        ("homes-damaged", "count", ("homes", "houses"), ("damaged",)),
        ("houses-destroyed", "count", ("houses",), ("destroyed",)),
        ("eur-estimated", "money", (), ("estimated", "losses")),
    ]


def test_homes_and_houses_merge_when_verb_and_value_agree(tmp_path: Path) -> None:
    # "340 homes were damaged" and "340 houses were damaged" are one fact; the houses that
    # were destroyed are another, though they share the noun
    facts = {f.fact.id: f for f in suggest(tmp_path, FLOOD).facts}
    assert facts["homes-damaged"].why == (
        "3 documents, 2 origins (fire service, Daily Wire Service); 3 figures from 300 to inf: "
        "'more than 300', '340'. \"In all, 340 houses were damaged, the fire service said.\" "
        "(b-northern-post.md:9)"
    )
    assert facts["houses-destroyed"].why.startswith("2 documents, 2 origins")


@pytest.mark.parametrize(
    ("houses", "why"),
    [
        ("In all, 352 houses were damaged, the fire service said.", "another value"),
        ("In all, 340 houses were insured, the fire service said.", "another verb"),
    ],
)
def test_synonym_nouns_stay_apart_when_verb_or_value_differs(
    tmp_path: Path, houses: str, why: str
) -> None:
    outlet, published, text = FLOOD["b-northern-post.md"]
    changed = text.replace("In all, 340 houses were damaged, the fire service said.", houses)
    documents = {**FLOOD, "b-northern-post.md": (outlet, published, changed)}
    facts = {f.fact.id: f.fact for f in suggest(tmp_path, documents).facts}
    assert facts["homes-damaged"].counts == ("homes",), why


def test_one_noun_is_split_by_its_verb(tmp_path: Path) -> None:
    suggestion = suggest(tmp_path, BARRAGE)
    assert shape(suggestion) == [
        ("rockets-launched", "count", ("rockets",), ("launched",)),
        ("rockets-intercepted", "count", ("rockets",), ("intercepted",)),
    ]
    launched, intercepted = (f.why for f in suggestion.facts)
    assert "3 figures from 175 to 185: 'About 180', '180'." in launched
    assert "3 figures from 150 to 152: '150', '152'." in intercepted


def test_dates_years_times_ages_and_durations_are_never_proposed(tmp_path: Path) -> None:
    docs = write(tmp_path, FLOOD)
    code, out, _ = cli(tmp_path, "check", str(docs), "--suggest", "--no-csv", "-f", "json")
    assert code == 1  # the evacuations disagree
    claimed = {c["text"] for f in json.loads(out)["findings"] for c in f["claims"]}
    assert claimed == {
        "At least 12", "Fourteen", "Seventeen", "19", "1,450", "Some 1,450", "About 1,500",
        "2,100", "340", "more than 300", "46", "45 million euros",
    }  # fmt: skip


def test_min_documents_and_all(tmp_path: Path) -> None:
    three = suggest(tmp_path / "three", FLOOD, min_documents=3)
    assert [f.fact.id for f in three.facts] == [
        "people-died",
        "residents-evacuated",
        "homes-damaged",
    ]
    every = suggest(tmp_path / "all", FLOOD, min_documents=1)
    assert [f.fact.id for f in every.facts][-1] == "sandbags"
    assert every.facts[-1].fact.counts == ("sandbags",)
    assert every.header()[0] == (
        "Suggested by factcheck rules suggest: 6 facts from 5 documents "
        "(facts reported by 1 document)."
    )


def test_a_tally_that_moves_across_publication_dates_changes_over_time(tmp_path: Path) -> None:
    facts = {f.fact.id: f for f in suggest(tmp_path, FLOOD).facts}
    died = facts["people-died"]
    assert died.fact.changes_over_time is Trend.INCREASING
    assert "Changes over time: rises:" in died.why
    # evacuations disagree, but nothing shows them moving one way over time
    assert facts["residents-evacuated"].fact.changes_over_time is None


def test_one_body_named_several_ways_becomes_an_origins_group(tmp_path: Path) -> None:
    groups = suggest(tmp_path, FLOOD).origin_groups
    assert [(g.name, g.aliases) for g, _ in groups] == [
        ("fire service", ("Brennmoor fire service", "fire service")),
        (
            "regional water authority",
            (
                "Brennmoor Regional Water Authority",
                "regional water authority",
                "regional water authority officials",
            ),
        ),
    ]
    assert groups[1][1] == (
        "One body, named 3 ways (figures): Brennmoor Regional Water Authority (1); regional "
        "water authority (2); regional water authority officials (1)."
    )


def test_examples_are_real_sentences_with_intervals_and_a_neighbours_no_match(
    tmp_path: Path,
) -> None:
    facts = {f.fact.id: f.fact for f in suggest(tmp_path, BARRAGE).facts}
    launched = facts["rockets-launched"].examples
    assert [(e.text, e.interval, e.match) for e in launched] == [
        (
            "Militants launched 180 rockets at the border towns overnight, the army said.",
            "[180, 180]",
            True,
        ),
        (
            "About 180 rockets were launched from the hills, and 150 rockets were "
            "intercepted before they reached the towns.",
            "[175, 185]",
            True,
        ),
        ("Air defences intercepted 150 rockets, it added.", "", False),
    ]


def test_the_written_file_passes_lint_and_test_strict(tmp_path: Path) -> None:
    docs = write(tmp_path, FLOOD)
    code, _, err = cli(tmp_path, "rules", "suggest", str(docs), "-o", "suggested.yaml")
    assert (code, err) == (0, "suggested 5 facts from 5 documents in suggested.yaml\n")
    assert cli(tmp_path, "rules", "lint", "suggested.yaml")[:2] == (
        0,
        "rules ok: 5 facts, 2 origin groups\n",
    )
    code, out, _ = cli(tmp_path, "rules", "test", "--strict", "suggested.yaml")
    assert (code, out.splitlines()[-1]) == (0, "15 examples of 5 facts: 15 passed, 0 failed")


def test_the_same_corpus_gives_the_same_bytes_in_any_order(tmp_path: Path) -> None:
    docs = write(tmp_path, FLOOD)
    first = cli(tmp_path, "rules", "suggest", str(docs), "--no-cache")[1]
    again = cli(tmp_path, "rules", "suggest", str(docs))[1]
    names = [str(docs / n) for n in sorted(FLOOD, reverse=True)]
    reordered = cli(tmp_path, "rules", "suggest", *names, "--no-cache")[1]
    assert first.startswith("# Suggested by factcheck rules suggest: 5 facts from 5 documents")
    assert again == first
    assert reordered == first


def test_json_is_the_same_rules_without_comments(tmp_path: Path) -> None:
    docs = write(tmp_path, FLOOD)
    code, out, _ = cli(tmp_path, "rules", "suggest", str(docs), "--format", "json")
    assert code == 0
    rules = json.loads(out)
    assert rules["version"] == 1
    assert [f["id"] for f in rules["facts"]] == [
        "people-died",
        "residents-evacuated",
        "homes-damaged",
        "houses-destroyed",
        "eur-estimated",
    ]
    assert rules["facts"][0]["changes_over_time"] == "increasing"
    assert rules["origins"] == {
        "fire service": ["Brennmoor fire service", "fire service"],
        "regional water authority": [
            "Brennmoor Regional Water Authority",
            "regional water authority",
            "regional water authority officials",
        ],
    }
    (tmp_path / "suggested.json").write_text(out, encoding="utf-8")
    yaml_text = cli(tmp_path, "rules", "suggest", str(docs))[1]
    (tmp_path / "suggested.yaml").write_text(yaml_text, encoding="utf-8")
    from_json = load_rules([tmp_path / "suggested.json"])
    from_yaml = load_rules([tmp_path / "suggested.yaml"])

    def said(facts: object) -> list[object]:
        return [
            (
                f.id,
                f.kind,
                f.counts,
                f.context,
                f.changes_over_time,
                [(e.text, e.interval, e.match) for e in f.examples],
            )
            for f in facts  # type: ignore[attr-defined]
        ]

    assert said(from_json.facts) == said(from_yaml.facts)


def test_fact_prefix(tmp_path: Path) -> None:
    ids = [f.fact.id for f in suggest(tmp_path, BARRAGE, fact_prefix="border-").facts]
    assert ids == ["border-rockets-launched", "border-rockets-intercepted"]


@pytest.mark.parametrize("noun", ["residents", "resident", "Residents"])
def test_exclude_noun(tmp_path: Path, noun: str) -> None:
    ids = [f.fact.id for f in suggest(tmp_path, FLOOD, exclude_nouns=(noun,)).facts]
    assert ids == ["people-died", "homes-damaged", "houses-destroyed", "eur-estimated"]


def test_skip_covered_leaves_the_existing_rules_their_figures(tmp_path: Path) -> None:
    docs = write(tmp_path, FLOOD)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "flood.yaml").write_text(
        "facts:\n"
        "  - id: evacuated\n"
        "    kind: count\n"
        "    counts: [residents]\n"
        "    context: [evacuated]\n",
        encoding="utf-8",
    )
    code, out, _ = cli(tmp_path, "rules", "suggest", str(docs), "--skip-covered")
    assert code == 0
    assert out.splitlines()[1] == "# 4 figures the existing rules claim were left to them."
    ids = [line[len("  - id: ") :] for line in out.splitlines() if line.startswith("  - id: ")]
    assert ids == ["people-died", "homes-damaged", "houses-destroyed", "eur-estimated"]


def test_check_and_explain_with_suggest_say_so_first(tmp_path: Path) -> None:
    docs = write(tmp_path, BARRAGE)
    code, out, _ = cli(tmp_path, "check", str(docs), "--suggest", "--no-csv", "--color", "never")
    assert code == 1  # the intercepts disagree: 150 and 152
    assert out.splitlines()[0] == (
        "factcheck: rules suggested from the documents (2 facts; save them with 'factcheck "
        "rules suggest'); 3 documents, 6 figures (0 matched no fact), 2 facts: 1 discrepancy, "
        "0 evolving, 0 single-source, 1 agreement"
    )
    code, out, _ = cli(tmp_path, "explain", "rockets-launched", str(docs), "--suggest")
    assert code == 0
    assert out.splitlines()[0].startswith(
        "rockets-launched — Rockets launched  (<rules suggested from the documents>:"
    )


@pytest.mark.parametrize("command", [["check", "--no-csv"], ["explain", "rockets-launched"]])
def test_suggest_with_rules_is_an_error(tmp_path: Path, command: list[str]) -> None:
    docs = write(tmp_path, BARRAGE)
    code, out, err = cli(tmp_path, *command, str(docs), "--suggest", "--rules", "rules.yaml")
    assert (code, out) == (2, "")
    assert err == "--suggest makes the rules from the documents: drop --rules\n"


def test_a_corpus_with_no_figures_says_so(tmp_path: Path) -> None:
    docs = write(tmp_path, {"quiet.md": ("Quiet Times", "2025-01-01", "Nothing was counted.")})
    code, out, err = cli(tmp_path, "rules", "suggest", str(docs), "-o", "s.yaml")
    assert (code, out) == (0, "")
    assert err == (
        "suggested 0 facts from 1 document in s.yaml\n"
        "no fact to suggest: 1 document gave no count, percent, amount or measure\n"
    )
    assert "facts: []" in (tmp_path / "s.yaml").read_text(encoding="utf-8")


def test_figures_no_two_documents_share_say_what_to_try(tmp_path: Path) -> None:
    code, _, err = cli(tmp_path, "rules", "suggest", str(write(tmp_path, {
        "one.md": ("One", "2025-01-01", "Volunteers filled 9,000 sandbags."),
        "two.md": ("Two", "2025-01-02", "The council hired 35 extra workers."),
    })))  # fmt: skip
    assert code == 0
    assert err == (
        "no fact to suggest: none of the 2 figures of 2 documents is reported by 2 or more "
        "documents (try --min-documents 1, or --all)\n"
    )


def test_an_empty_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    code, _, err = cli(tmp_path, "rules", "suggest", "docs")
    assert code == 2
    assert err.splitlines()[0] == (
        "docs:1:1: no .txt, .md, .html, .pdf, .jsonl, .csv or .parquet document in this folder"
    )


@pytest.mark.parametrize(
    ("second", "facts"),
    [
        ("More than 30 swimmers entered the harbour race at dawn.", []),  # the noun alone
        ("Lifeguards said 42 swimmers were pulled from the water.", ["swimmers-pulled"]),
    ],
)
def test_a_noun_alone_does_not_tie_two_documents(
    tmp_path: Path, second: str, facts: list[str]
) -> None:
    documents = {
        "one.md": ("Harbour News", "2025-07-01", "Boats pulled 40 swimmers from the water."),
        "two.md": ("Bay Times", "2025-07-01", second),
    }
    assert [f.fact.id for f in suggest(tmp_path, documents).facts] == facts


def test_the_output_may_replace_earlier_suggestions_but_never_an_input(tmp_path: Path) -> None:
    docs = write(tmp_path, BARRAGE)
    (tmp_path / "rules").mkdir()
    for _ in range(2):  # the rules folder is not read: writing there again is allowed
        assert cli(tmp_path, "rules", "suggest", str(docs), "-o", "rules/s.yaml")[0] == 0
    code, _, err = cli(
        tmp_path, "rules", "suggest", str(docs), "--skip-covered", "-o", "rules/s.yaml"
    )
    assert (code, err) == (
        2,
        "rules/s.yaml: refusing to write over the rules file rules/s.yaml this run reads; "
        "choose another output path\n",
    )
    code, _, err = cli(
        tmp_path, "rules", "suggest", str(docs), "-o", f"{docs.name}/border-courier.md"
    )
    assert code == 2
    assert "refusing to write over the document" in err


def test_records_of_an_export_are_suggested_from_with_their_fields(tmp_path: Path) -> None:
    (tmp_path / "export.jsonl").write_text(
        '{"body": "Crews rescued 48 sailors from the ferry, the coastguard said.", "src": "A"}\n'
        '{"body": "The coastguard said 48 sailors were rescued overnight.", "src": "B"}\n',
        encoding="utf-8",
    )
    code, out, err = cli(tmp_path, "rules", "suggest", "export.jsonl", "--field", "text=body")
    assert (code, err) == (0, "")
    assert "  - id: sailors-rescued\n" in out
    assert '- {text: "Crews rescued 48 sailors from the ferry' in out
    # without the field mapping the records have no text: a clear problem, exit 2
    code, _, err = cli(tmp_path, "rules", "suggest", "export.jsonl")
    assert code == 2
    assert err.startswith("export.jsonl:1:1: ")


def test_standard_input_is_read_once_and_suggests_as_the_file_does(tmp_path: Path) -> None:
    records = (
        '{"body": "Crews rescued 48 sailors from the ferry, the coastguard said. The storm had '
        'raged for two days.", "src": "A"}\n'
        '{"body": "The coastguard said 48 sailors were rescued overnight. A further 12 sailors '
        'were missing.", "src": "B"}\n'
        '{"body": "Officials said 12 sailors were still missing after 48 sailors were '
        'rescued.", "src": "C"}\n'
    )
    (tmp_path / "export.jsonl").write_text(records, encoding="utf-8")
    from_file = cli(tmp_path, "rules", "suggest", "export.jsonl", "--field", "text=body")
    with contextlib.chdir(tmp_path):
        done = runner.invoke(
            app,
            ["rules", "suggest", "-", "--stdin-filename", "export.jsonl", "--field", "text=body"],
            input=records,
        )
    assert (done.exit_code, done.stderr) == (0, "")
    assert from_file == (0, done.stdout, "")
    assert "  - id: sailors-rescued\n    title: Sailors rescued\n" in done.stdout


TIED_RULES = """\
facts:
  - id: rockets-fired
    kind: count
    counts: [rockets]
    context: [fired]
  - id: rockets-launched
    kind: count
    counts: [rockets]
    context: [fired]
  - id: shells-landed
    kind: count
    counts: [shells]
  - id: shells-from-the-army
    kind: count
    counts: [shells]
    origins: [army]
"""


def test_the_settling_board_is_what_the_matcher_claims_and_ties(tmp_path: Path) -> None:
    text = (
        "Militants fired 180 rockets overnight. The army said 40 shells landed in the fields. "
        "Another 12 rockets fell short."
    )
    figures = figures_in_text(text)
    (tmp_path / "rules.yaml").write_text(TIED_RULES, encoding="utf-8")
    rules = load_rules([tmp_path / "rules.yaml"])
    board = board_of(figures, rules)
    matches = match_claims(figures, rules)
    row = {str(figures.at[r, "text"]): int(r) for r in figures.index}
    # 180 rockets: both rockets facts tie (a note, no claim); 40 shells: the general fact and
    # the army's own both claim it; 12 rockets: no 'fired' near, so no fact
    assert dict(board.claimed) == {
        "shells-landed": {row["40"]},
        "shells-from-the-army": {row["40"]},
    }
    assert dict(board.tied) == {"rockets-fired": {row["180"]}, "rockets-launched": {row["180"]}}
    assert board.rows == set(matches.claimed) == {row["40"]}
    assert {m.row for m in matches.near_misses if m.reason.startswith("tied with ")} == {row["180"]}


def test_parts_of_whole_documents_give_one_passs_board(tmp_path: Path) -> None:
    docs = write(tmp_path, FLOOD)
    with contextlib.chdir(tmp_path):
        text = run_suggest([docs], jobs=1).suggestion.render()
    (tmp_path / "suggested.yaml").write_text(text, encoding="utf-8")
    rules = load_rules([tmp_path / "suggested.yaml"])
    figures = extract_figures(
        [Document(id=name, path=Path(name), text=body) for name, (_, _, body) in FLOOD.items()]
    )
    parts = parts_of(figures, rows=7)
    # 7, 6, 4, 4 and 2 figures: a part ends at the first document boundary past 7 rows
    assert [sorted(set(p["document"])) for p in parts] == [
        ["a-valley-herald.md"],
        ["b-northern-post.md", "c-daily-wire.md"],
        ["d-river-times.md", "e-evening-star.md"],
    ]
    whole = board_of(figures, rules)
    assert sorted(whole.claimed) == [f.id for f in sorted(rules.facts, key=lambda f: f.id)]
    assert Board.merged(board_of(p, rules) for p in parts) == whole


FERRY = {
    "a-harbour-gazette.md": (
        "Harbour Gazette",
        "2025-02-11",
        "At 4:45 am, the night ferry left Port Ellis with its passengers, the harbour master "
        "said.\n\nAt 7:20 am, rescuers reached the stricken vessel.",
    ),
    "b-coast-radio.md": (
        "Coast Radio",
        "2025-02-11",
        "At 5:10 am, the night ferry left Port Ellis, according to the coastguard.\n\n"
        "Rescuers reached the vessel at 7:20 am, the coastguard said.",
    ),
    "c-island-times.md": (
        "Island Times",
        "2025-02-12",
        "The night ferry left Port Ellis at 4:45 am and lost power an hour later.\n\n"
        "By 9:05 am, tugs were towing it back to harbour.",
    ),
}


def test_a_clock_time_is_one_figure_not_two_clauses(tmp_path: Path) -> None:
    # the colon of "At 5:10 am, the night ferry left" parts no words from the time, so the
    # departure (4:45 or 5:10) and the rescue (7:20) are two facts; the tugs' 9:05 is one
    # document's
    suggestion = suggest(tmp_path, FERRY, kinds=("time",))
    assert shape(suggestion) == [
        ("time-ferry", "time", (), ("ferry", "ellis", "left", "port")),
        ("time-reached", "time", (), ("reached", "rescuers", "vessel")),
    ]
    departure, rescue = (f.why for f in suggestion.facts)
    assert "3 figures from 285 to 310: '4:45 am', '5:10 am'." in departure
    assert "2 figures from 440 to 440: '7:20 am'." in rescue
    assert shape(suggest(tmp_path / "default", FERRY)) == []  # times only when asked for
