"""What a figure counts when the noun is not simply the words after it: named before it ("the
count of damaged structures stood at 2,207"), held in groups ("55 sets of remains"), a list
("rockets, mortar shells and drones"), outside a quote, framed ("in the 40,000 range"), or
the noun of the figure it restates ("a few dozen deaths, probably between 10 and 50")."""

from __future__ import annotations

import pytest

from tests.conftest import figures_in

NOUNS = [
    # named before the figure
    (
        "The count of damaged or destroyed structures stood at 2,207.",
        [("2,207", "damaged or destroyed structures", "structure")],
    ),
    ("The tally of the dead rose to 114.", [("114", "dead", "dead")]),
    # the plural subject of a verb of change or state
    ("Deaths rose to 12.", [("12", "Deaths", "death")]),
    ("Measles cases now stand at 158.", [("158", "Measles cases", "case")]),
    ("Officials said arrests have climbed to 31.", [("31", "arrests", "arrest")]),
    # ... but not an amount word
    ("The numbers rose to 40.", [("40", "", "")]),
    ("The total of displaced families reached 1,450.", [("1,450", "displaced families", "family")]),
    ("The number still missing fell to 66.", [("66", "missing", "missing")]),
    (
        "Of the 300 people, more than 40 of them were children.",
        [("300", "people", "people"), ("more than 40", "people", "people")],
    ),
    # a sentence that opens on the whole: the figure after the comma counts a part of it
    (
        "Of the 22 rockets fired, 18 were intercepted.",
        [("22", "rockets", "rocket"), ("18", "rockets", "rocket")],
    ),
    (
        "It was a long night. Of the 1,200 homes in the valley, 300 burned.",
        [("1,200", "homes", "home"), ("300", "homes", "home")],
    ),
    ("Of these patients, 40 needed surgery.", [("40", "patients", "patient")]),
    # a part whose whole has an owner: the noun follows the whole's number
    (
        "Fourteen of the train's 22 cars left the rails.",
        [("Fourteen", "cars", "car"), ("22", "cars", "car")],
    ),
    (
        "About 3,100 of the port's 4,600 dockworkers stayed away.",
        [("About 3,100", "dockworkers", "dockworker"), ("4,600", "dockworkers", "dockworker")],
    ),
    (
        "Two of Monday's 14 flights were cancelled.",
        [("Two", "flights", "flight"), ("14", "flights", "flight")],
    ),
    (
        "Nine of our 40 guards were hurt.",
        [("Nine", "guards", "guard"), ("40", "guards", "guard")],
    ),
    # an owner without a number after it is no whole of a part
    ("Three of the town's wells ran dry.", [("Three", "wells", "well")]),
    # ... not without such an opener, and never over a plural the figure has
    ("Out of caution, 12 were closed.", [("12", "", "")]),
    (
        "Most of the 50 ships left, and 20 tugs stayed.",
        [("50", "ships", "ship"), ("20", "tugs", "tug")],
    ),
    (
        "Of the 22 rockets fired, 18 drones were also seen.",
        [("22", "rockets", "rocket"), ("18", "drones", "drone")],
    ),
    # a clause of its own whose subject is a bare figure counts what the one before counted
    (
        "Twelve people died and at least 45 were hurt.",
        [("Twelve", "people", "people"), ("at least 45", "people", "people")],
    ),
    ("40 homes burned, and 12 were damaged.", [("40", "homes", "home"), ("12", "homes", "home")]),
    # ... also with a verb of its own, which is never the noun
    (
        "A record 28,412 runners started the race, and 26,907 finished.",
        [("28,412", "runners", "runner"), ("26,907", "runners", "runner")],
    ),
    (
        "Most of the 50 ships left, and 20 stayed.",
        [("50", "ships", "ship"), ("20", "ships", "ship")],
    ),
    ("The storm destroyed 40 homes and killed 12.", [("40", "homes", "home"), ("12", "", "")]),
    # "of whom N": the plural before it
    (
        "The ferry carried 212 people, of whom 164 were rescued.",
        [("212", "people", "people"), ("164", "people", "people")],
    ),
    (
        "Police held 40 men, among whom 12 were charged.",
        [("40", "men", "men"), ("12", "men", "men")],
    ),
    # an ordinal between is no figure of its own
    (
        "A record 28,412 runners started the 45th city marathon, and 26,907 finished.",
        [("28,412", "runners", "runner"), ("26,907", "runners", "runner")],
    ),
    # ... not a noun read from before the first figure, nor over a noun of its own
    ("The toll is 40 and 2 are missing.", [("40", "deaths", "death"), ("2", "missing", "missing")]),
    (
        "The march drew 300 people, and 200 police were deployed.",
        [("300", "people", "people"), ("200", "police", "police")],
    ),
    # the thing counted named just before, with 'at' or 'of'
    ("Police put the crowd at 45,000.", [("45,000", "crowd", "crowd")]),
    ("Organisers claimed a turnout of 180,000.", [("180,000", "turnout", "turnout")]),
    ("The rally drew a crowd of about 5,000.", [("about 5,000", "crowd", "crowd")]),
    ("The town has a population of 20,000.", [("20,000", "population", "population")]),
    # ... but an amount word names no thing, and a figure between commas has no noun
    ("Police put the figure at 18,000.", [("18,000", "", "")]),
    # ... unless the sentence before counted one thing: "the number" is of it
    (
        "The union counted 4,000 strikers. The port authority put the number at about 3,100.",
        [("4,000", "strikers", "striker"), ("about 3,100", "strikers", "striker")],
    ),
    (
        "Some 300 homes burned. On Friday the council said its total was 340.",
        [("Some 300", "homes", "home"), ("340", "homes", "home")],
    ),
    # ... not over a paragraph break, nor when the sentence before counted two things
    (
        "The union counted 4,000 strikers.\n\nThe port put the number at 3,100.",
        [("4,000", "strikers", "striker"), ("3,100", "", "")],
    ),
    (
        "Police counted 300 marchers and 12 arrests. Organisers put the number at 5,000.",
        [("300", "marchers", "marcher"), ("12", "arrests", "arrest"), ("5,000", "", "")],
    ),
    (
        "The union counted 4,000 strikers. Ships waited. The port put the number at 3,100.",
        [("4,000", "strikers", "striker"), ("3,100", "", "")],
    ),
    ("The march, at 40,000, was peaceful.", [("40,000", "", "")]),
    # things counted in groups: the noun is what the groups hold
    ("Crews recovered 55 sets of remains.", [("55", "sets of remains", "remain")]),
    ("Rescuers found two pairs of boots.", [("two", "pairs of boots", "boot")]),
    # adjectives of one noun, states and lists
    (
        "The fire destroyed 2,200 damaged or destroyed structures.",
        [("2,200", "damaged or destroyed structures", "structure")],
    ),
    ("The council counted 40 dead and missing.", [("40", "dead and missing", "missing")]),
    # ... but a number after "and" starts a figure of its own, never a longer noun
    (
        "Two sailors drowned and three others were rescued.",
        [("Two", "sailors", "sailor"), ("three", "sailors", "sailor")],
    ),
    (
        "Seven barns and hundreds of sheep were lost.",
        [("Seven", "barns", "barn"), ("hundreds of", "sheep", "sheep")],
    ),
    ("Five ferries and 12 tugs sank.", [("Five", "ferries", "ferry"), ("12", "tugs", "tug")]),
    # ... and a verb with a number after it starts a clause of its own
    (
        "The train derailed, killing two people and injuring dozens.",
        [("two", "people", "people"), ("dozens", "", "")],
    ),
    (
        "The storm destroyed 40 homes and left hundreds without power.",
        [("40", "homes", "home"), ("hundreds", "", "")],
    ),
    (
        "The blast killed 12 people and sent 30 to hospital.",
        [("12", "people", "people"), ("30", "", "")],
    ),
    # a list without a number after its "and" stays one noun
    ("The derailment injured 12 passengers and crew.", [("12", "passengers and crew", "crew")]),
    (
        "Crews rescued 40 dead and injured residents.",
        [("40", "dead and injured residents", "resident")],
    ),
    (
        "Nine cranes and dozens of trucks stood idle.",
        [("Nine", "cranes", "crane"), ("dozens of", "trucks", "truck")],
    ),
    ("40 boats and barges were lost.", [("40", "boats and barges", "barge")]),
    (
        "Iran fired 120 rockets, mortar shells and drones.",
        [("120", "rockets, mortar shells and drones", "drone")],
    ),
    # outside the quote that holds the figure alone
    ('The ministry spoke of "two hundred to 300" dead.', [("two hundred to 300", "dead", "dead")]),
    ("The ministry spoke of “120” dead.", [("120", "dead", "dead")]),
    # a word that frames the figure is no counted noun
    ("Turnout was in the 40,000 range.", [("40,000", "", "")]),
    ("The 100-to-300 estimate stood.", [("100-to-300", "", "")]),
    ("Losses were near the 500 mark.", [("500", "", "")]),
    # a restated figure takes the noun of the one it restates
    (
        "The attack caused a few dozen deaths, probably between 10 and 50.",
        [("a few dozen", "deaths", "death"), ("between 10 and 50", "deaths", "death")],
    ),
    (
        "The march drew some 300 people (perhaps 350) to the square.",
        [("some 300", "people", "people"), ("350", "people", "people")],
    ),
    (
        "About 30 homes, possibly 40, burned.",
        [("About 30", "homes", "home"), ("40", "homes", "home")],
    ),
    # ... but not a figure of its own after a plain "and" or a new clause
    (
        "The march drew some 300 people, and 200 police.",
        [("some 300", "people", "people"), ("200", "police", "police")],
    ),
    ("Crews found 40 bodies, and 12 more on Friday.", [("40", "bodies", "body"), ("12", "", "")]),
    ("The march drew 300 people, police said 200.", [("300", "people", "people"), ("200", "", "")]),
    # what a plural owns, with the owner's apostrophe either way
    ("Two people's remains were found.", [("Two", "people's remains", "remain")]),
    ("Three soldiers' bodies were found.", [("Three", "soldiers' bodies", "body")]),
    # an ordinal of a death or a case counts them; other ordinals are no count
    ("The fire has claimed a 101st victim.", [("101st", "victim", "victim")]),
    ("It was the 1,000th confirmed death.", [("1,000th", "death", "death")]),
    ("It was the 11th hour of talks.", []),
]


@pytest.mark.parametrize(("text", "expected"), NOUNS, ids=[t for t, _ in NOUNS])
def test_the_counted_noun(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(f.text, f.noun, f.head) for f in figures_in(text)] == expected
