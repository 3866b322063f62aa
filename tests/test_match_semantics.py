"""What a fact asks of a figure beyond its noun: context words by stem, counted lists and
umbrellas, facts without `counts`, kinds and units a fact converts, clock times across
zones, what the sentence says of the figure, and which of two neighbours owns a context
word. Each rule with phrasings that must match and near ones that must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract import extract_figures
from checker.match import match_claims
from checker.model import Document, RuleSet
from checker.rules import load_rules


def _rules(tmp_path: Path, facts: str, defaults: str = "") -> RuleSet:
    path = tmp_path / "rules.yaml"
    path.write_text(f"{defaults}facts:\n{facts}", encoding="utf-8")
    return load_rules([path])


def _claims(rules: RuleSet, text: str, published: str = "2024-04-15") -> list[tuple[str, str]]:
    document = Document(id="t", path=Path("t.md"), text=text, published=published)
    matches = match_claims(extract_figures([document]), rules)
    return [(c.fact_id, c.figure.text) for c in matches.claims]


def _intervals(rules: RuleSet, text: str) -> list[tuple[str, str]]:
    document = Document(id="t", path=Path("t.md"), text=text, published="2024-04-15")
    matches = match_claims(extract_figures([document]), rules)
    return [(c.figure.text, str(c.interval)) for c in matches.claims]


STEMS = """\
  - id: killed
    kind: count
    counts: [people]
    context: [kill]
  - id: evacuated
    kind: count
    counts: [people]
    context: [evacu*]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The quake killed 40 people.", [("killed", "40")]),
        ("Forty people were killed.", [("killed", "Forty")]),
        ("The blast kills 40 people a year.", [("killed", "40")]),
        ("Crews evacuated 300 people.", [("evacuated", "300")]),
        ("The evacuation moved 300 people.", [("evacuated", "300")]),
        # a stem is a whole word: "skill" is no "kill"
        ("The course taught skills to 40 people.", []),
    ],
)
def test_context_words_match_by_stem(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _claims(_rules(tmp_path, STEMS), text) == expected


LISTS = """\
  - id: projectiles
    kind: count
    counts: [projectiles, rockets and missiles]
    context: [fired, launched]
  - id: drones
    kind: count
    counts: [drones]
    context: [fired, launched]
  - id: missiles-and-drones
    kind: count
    counts: [missiles and drones]
    context: [launched]
    exclude: [fired]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list belongs to an umbrella, never to a fact that counts one member
        ("Iran fired 120 rockets, mortar shells and drones.", [("projectiles", "120")]),
        ("Iran fired 170 drones.", [("drones", "170")]),
        # a fact naming two members takes the list
        ("Iran launched 300 missiles and drones.", [("missiles-and-drones", "300")]),
        # adjectives of one noun are no list
        ("Iran fired 40 armed and unarmed drones.", [("drones", "40")]),
    ],
)
def test_a_counted_list_goes_to_an_umbrella_or_to_the_fact_naming_it(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _claims(_rules(tmp_path, LISTS), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Crews found 40 homes and shops destroyed after the train derailed.",
        "The derailment damaged 12 sheds, barns and garages.",
    ],
)
def test_a_fact_that_counts_no_list_is_no_umbrella(tmp_path: Path, text: str) -> None:
    rules = _rules(
        tmp_path, "  - id: cars\n    kind: count\n    counts: [cars]\n    context: [derail*]\n"
    )
    assert _claims(rules, text) == []


def test_a_fact_without_counts_claims_by_context(tmp_path: Path) -> None:
    rules = _rules(tmp_path, "  - id: crowd\n    kind: count\n    context: [crowd, turnout]\n")
    assert _claims(rules, "Police put the crowd at 18,000.") == [("crowd", "18,000")]
    assert _claims(rules, "Turnout reached some 20,000 people.") == [("crowd", "some 20,000")]
    assert _claims(rules, "Police made 40 arrests.") == []


def test_a_classifier_counts_what_its_groups_hold(tmp_path: Path) -> None:
    rules = _rules(tmp_path, "  - id: remains\n    kind: count\n    counts: [remains]\n")
    assert _claims(rules, "Crews recovered 55 sets of remains.") == [("remains", "55")]


KINDS = """\
  - id: share-destroyed
    kind: percent
    context: [destroyed]
  - id: area
    kind: measure
    unit: acre
    context: [burned]
  - id: strike-days
    kind: duration
    unit: day
    context: [strike]
  - id: peak
    kind: measure
    unit: celsius
    context: [peaked]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a share is a percent: "half" is 50%
        ("Half of the homes were destroyed.", [("Half", "[50, 50]")]),
        ("Some 86% of the homes were destroyed.", [("Some 86%", "[85, 87]")]),
        # a measure converts into the fact's unit
        ("The fire burned 2,170 acres.", [("2,170 acres", "[2170, 2170]")]),
        # "about 850" is ±25 hectares, in acres
        ("The fire burned about 850 hectares.", [("about 850 hectares", "[2038.62, 2162.17]")]),
        ("The strike lasted two weeks.", [("two weeks", "[14, 14]")]),
        # a unit that does not convert is no claim
        ("The fire burned 40 tonnes of fuel.", []),
        # temperatures convert with their zero: 88°F is 31.1°C
        ("Temperatures peaked at 31°C.", [("31°C", "[31, 31]")]),
        ("Temperatures peaked at 88°F.", [("88°F", "[31.1111, 31.1111]")]),
        (
            "Temperatures peaked at 88 degrees Fahrenheit.",
            [("88 degrees Fahrenheit", "[31.1111, 31.1111]")],
        ),
        ("Temperatures peaked at 212 ℉.", [("212 ℉", "[100, 100]")]),
        # ... and with the scale glued to the number, as British papers write it
        ("Temperatures peaked at 31C on Monday.", [("31C", "[31, 31]")]),
        ("Temperatures peaked at 88F in the shade.", [("88F", "[31.1111, 31.1111]")]),
        # a seat or a room is no temperature
        ("Temperatures peaked as Seat 31C stayed empty.", []),
        # an area converts between its units and never into a length
        ("The fire burned 12 square kilometres.", [("12 square kilometres", "[2965.26, 2965.26]")]),
        ("The fire burned 5 square miles.", [("5 square miles", "[3200, 3200]")]),
        ("The fire burned 12 km of road.", []),
        # "degrees" alone names no scale, and an angle is no temperature
        ("Temperatures peaked at 31 degrees.", []),
    ],
)
def test_kinds_and_units_a_fact_converts(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _intervals(_rules(tmp_path, KINDS), text) == expected


def test_clock_times_are_read_in_the_facts_zone(tmp_path: Path) -> None:
    rules = _rules(
        tmp_path,
        "  - id: blast-time\n    kind: time\n    context: [blast]\n    timezone: '+03:00'\n",
    )
    assert _intervals(rules, "The blast came at around 1700 GMT.") == [
        ("around 1700 GMT", "[1190, 1210]")
    ]
    assert _intervals(rules, "The blast came at 8:05 p.m.") == [("8:05 p.m.", "[1205, 1205]")]


STATEMENTS = """\
  - id: toll
    kind: count
    counts: [people]
    context: [killed, died, toll]
  - id: rising-toll
    kind: count
    counts: [deaths]
    context: [toll]
    changes_over_time: increasing
  - id: recoveries
    kind: count
    counts: [bodies]
    context: [recover]
    projections: true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials denied that 300 people were killed.", []),
        ("As many as 9,000 people may have died.", []),
        ("Officials had earlier said 115 people died.", []),
        ("Officials said 97 people died.", [("toll", "97")]),
        # an earlier figure belongs to a fact that changes over time, its successor too
        (
            "The toll went from 115 deaths to at least 97.",
            [("rising-toll", "115"), ("rising-toll", "at least 97")],
        ),
        # a projection only to a fact that takes projections
        ("Crews are expected to recover 10 bodies per day.", [("recoveries", "10")]),
    ],
)
def test_what_the_sentence_says_of_the_figure(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _claims(_rules(tmp_path, STATEMENTS), text) == expected


def test_a_dated_fact_takes_figures_of_its_day(tmp_path: Path) -> None:
    rules = _rules(
        tmp_path,
        "  - id: marchers\n    kind: count\n    counts: [people]\n    context: [marched]\n"
        "    dated: 2023-05-02\n",  # the last 2 May before the 2024-04-15 publication
    )
    assert _claims(rules, "On 2 May, 80,000 people marched.") == [("marchers", "80,000")]
    assert _claims(rules, "On 3 May, 20,000 people marched.") == []
    assert _claims(rules, "Some 50,000 people marched.") == [("marchers", "Some 50,000")]


def test_a_restated_figure_shares_the_context_of_the_one_it_restates(tmp_path: Path) -> None:
    rules = _rules(
        tmp_path,
        "  - id: charge\n    kind: measure\n    unit: kg\n    context: [explosives]\n",
    )
    assert _claims(
        rules, "It took about five kilograms of explosives, and certainly less than 10 kilograms."
    ) == [("charge", "about five kilograms"), ("charge", "less than 10 kilograms")]
    # two figures of their own: the context word is the nearer one's
    assert _claims(
        rules, "It took about five kilograms of explosives and 10 kilograms of fuel."
    ) == [("charge", "about five kilograms")]


def test_a_context_word_outside_the_noun_breaks_a_tie(tmp_path: Path) -> None:
    rules = _rules(
        tmp_path,
        "  - id: toll\n    kind: count\n    counts: [dead]\n    context: [dead, toll]\n"
        "  - id: identified\n    kind: count\n    counts: [dead]\n    context: [identified]\n",
    )
    assert _claims(rules, "Officials had identified 27 of the dead.") == [("identified", "27")]
    assert _claims(rules, "The toll reached 99 dead.") == [("toll", "99")]


def test_a_context_word_belongs_to_a_figure_of_its_own_clause(tmp_path: Path) -> None:
    rules = _rules(
        tmp_path,
        "  - id: unidentified\n    kind: count\n    counts: [remains, people]\n"
        "    context: [not been identified]\n"
        "  - id: missing\n    kind: count\n    counts: [people]\n    context: [missing]\n",
    )
    assert _claims(
        rules, "Two people's remains have not been identified, and six people are missing."
    ) == [("unidentified", "Two"), ("missing", "six")]


def test_a_participle_after_the_noun_describes_it_and_breaks_no_tie(tmp_path: Path) -> None:
    rules = _rules(
        tmp_path,
        "  - id: toll\n    kind: count\n    counts: [people]\n    context: [killed]\n"
        "  - id: identified\n    kind: count\n    counts: [people]\n"
        "    context: [identified]\n",
    )
    assert _claims(rules, "Police identified the remains of 97 people killed in the fire.") == [
        ("identified", "97")
    ]
    assert _claims(rules, "The fire killed 97 people.") == [("toll", "97")]


def test_a_figure_opening_its_clause_owns_the_verb_after_its_noun(tmp_path: Path) -> None:
    rules = _rules(
        tmp_path,
        "  - id: killed\n    kind: count\n    counts: [people]\n    context: [died, killed]\n"
        "  - id: injured\n    kind: count\n    counts: [people]\n    context: [hurt, injured]\n",
    )
    assert _claims(rules, "Twelve people died and at least 45 were hurt in the blast.") == [
        ("killed", "Twelve"),
        ("injured", "at least 45"),
    ]
    assert _claims(rules, "The blast left 9 people hurt, and 4 people died later.") == [
        ("injured", "9"),
        ("killed", "4"),
    ]
    # not its subject: the participle still describes the noun
    assert _claims(rules, "Nurses treated 30 people injured as 2 people died.") == [
        ("injured", "30"),
        ("killed", "2"),
    ]


def test_a_part_of_a_whole_needs_a_context_word_of_its_own(tmp_path: Path) -> None:
    rules = _rules(
        tmp_path,
        "  - id: toll\n    kind: count\n    counts: [dead, people]\n    context: [dead, killed]\n"
        "  - id: missing\n    kind: count\n    counts: [missing, people]\n    context: [missing]\n",
    )
    # 'dead', 'missing' name the whole the figure is a part of
    assert _claims(rules, "Three of the dead were children.") == []
    assert _claims(rules, "Forty of the missing were found alive.") == []
    # ... a word of its own still claims it, and a whole that is not its noun changes nothing
    assert _claims(rules, "Three of the people killed were children.") == [("toll", "Three")]
    assert _claims(rules, "The toll rose to 40 dead.") == [("toll", "40")]
    assert _claims(rules, "Some 12 people of the town are missing.") == [("missing", "Some 12")]


def test_a_measure_fact_may_name_a_scale_as_its_unit(tmp_path: Path) -> None:
    rules = _rules(
        tmp_path,
        "  - id: magnitude\n    kind: measure\n    unit: magnitude\n    context: [quake]\n",
    )
    assert _claims(rules, "A magnitude 6.8 quake struck at dawn.") == [("magnitude", "6.8")]
    assert _claims(rules, "The 7.0-magnitude quake struck at dawn.") == [
        ("magnitude", "7.0-magnitude")
    ]
    # a measure in another unit is no magnitude
    assert _claims(rules, "The quake struck at a depth of 10 km.") == []


def test_a_share_of_a_whole_is_about_that_whole(tmp_path: Path) -> None:
    rules = _rules(
        tmp_path,
        "  - id: vote-share\n    kind: percent\n    context: [vote]\n"
        "  - id: turnout\n    kind: percent\n    context: [turnout]\n",
    )
    # 'vote' names what 52.3% is a share of: the share is the vote's, and 'vote' is not
    # left over for the turnout's figure
    assert _claims(
        rules, "Unity won 52.3% of the vote, the commission said, with turnout at 67%."
    ) == [
        ("vote-share", "52.3%"),
        ("turnout", "67%"),
    ]


def test_a_part_and_its_whole_need_a_word_that_tells_them_apart(tmp_path: Path) -> None:
    bare = _rules(tmp_path, "  - id: seats\n    kind: count\n    counts: [seats]\n")
    # the seats won and the seats there are: a fact with no word for either takes neither
    assert _claims(bare, "The party secured 141 of the 250 seats.") == []
    assert _claims(bare, "The party secured 141 out of 250 seats.") == []
    # ... one figure alone is still taken
    assert _claims(bare, "The party secured 141 seats.") == [("seats", "141")]
    worded = _rules(
        tmp_path, "  - id: seats\n    kind: count\n    counts: [seats]\n    context: [secured]\n"
    )
    assert _claims(worded, "The party secured 141 of the 250 seats.") == [("seats", "141")]
    # two figures joined otherwise are no part and whole
    assert _claims(bare, "The party held 141 seats, of 250 in all.") == [("seats", "141")]


INJURED_PASSENGERS = (
    "  - id: injured\n    kind: count\n    counts: [passengers]\n    context: [injured]\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what follows the whole's noun is said of the part taken from it
        ("Nine of the 40 passengers were injured.", [("injured", "Nine")]),
        ("Nine of its 40 passengers were injured in the crash.", [("injured", "Nine")]),
        ("Six of the ferry's 52 passengers were injured.", [("injured", "Six")]),
        ("Seven of the 300 passengers aboard were injured.", [("injured", "Seven")]),
        # no part and whole: the word is the nearer figure's
        ("The 40 passengers were injured when 3 cars overturned.", [("injured", "40")]),
        ("All 40 passengers were injured.", [("injured", "40")]),
        ("Of the 40 passengers, nine were injured.", [("injured", "nine")]),
        ("Nine of the 40 passengers in the rear car were injured.", [("injured", "Nine")]),
        # a relative clause is the whole's own: 40 were injured, nine of them children
        ("Nine of the 40 passengers who were injured were children.", [("injured", "40")]),
        # a word before the part is no word of the whole's phrase
        ("Injured were 40 passengers and 9 of the crew.", [("injured", "40")]),
    ],
)
def test_the_predicate_after_a_partitive_whole_is_the_parts(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _claims(_rules(tmp_path, INJURED_PASSENGERS), text) == expected


SHARED_NOUN = """\
  - id: in-hospital
    kind: count
    counts: [people]
    context: [hospital]
  - id: deaths
    kind: count
    counts: [people]
    context: [died, killed]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two facts of one noun: the one whose word is in the figure's own clause
        (
            "Five people died on Monday and the injured were taken to hospital.",
            [("deaths", "Five")],
        ),
        (
            "Twelve people were taken to hospital, and the dead were identified.",
            [("in-hospital", "Twelve")],
        ),
        ("Four people were killed, after the bus hit a hospital wall.", [("deaths", "Four")]),
        # a relative clause is a clause of its own
        (
            "Medics treated 312 people in hospital, of whom 40 died.",
            [("in-hospital", "312"), ("deaths", "40")],
        ),
        # ... and a tie, left out with a note, when both words are in its clause
        ("Three people died in hospital.", []),
    ],
)
def test_a_tie_goes_to_the_fact_whose_word_is_in_the_figures_clause(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _claims(_rules(tmp_path, SHARED_NOUN), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part that names its whole again ("nine of them") leaves the verb before it to
        # the whole
        (
            "Thirty-one passengers were injured, nine of them seriously.",
            [("injured", "Thirty-one")],
        ),
        ("Twelve passengers were injured, three of those critically.", [("injured", "Twelve")]),
        # ... and keeps its own verb after it
        ("Police freed 40 passengers, and nine of them were injured.", [("injured", "nine")]),
    ],
)
def test_a_part_of_them_leaves_the_verb_before_it_to_the_whole(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _claims(_rules(tmp_path, INJURED_PASSENGERS), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the forecast owns the verb of its own clause, though the fact takes no forecasts
        ("It is already 24 degrees Celsius, and forecasters say it will hit 31°C.", []),
        ("Officials said 40 people were hurt, denying that 50 people were hurt.", [("hurt", "40")]),
        # ... and a figure that is all the sentence holds keeps its word
        ("Temperatures hit 31°C on the embankment.", [("hit", "31°C")]),
    ],
)
def test_a_figure_left_out_still_owns_the_words_nearest_it(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    rules = _rules(
        tmp_path,
        "  - id: hit\n    kind: measure\n    unit: celsius\n    context: [hit]\n"
        "  - id: hurt\n    kind: count\n    counts: [people]\n    context: [hurt]\n",
    )
    assert _claims(rules, text) == expected
