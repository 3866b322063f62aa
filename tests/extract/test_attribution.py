"""Who said each figure: every class of attribution, in our own wording, with near phrasings
that must not attribute. Each case is a text and the (figure, speaker) pairs it gives."""

from __future__ import annotations

import pytest

from tests.conftest import figures_in

Case = tuple[str, list[tuple[str, str]]]


def _speakers(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.origin) for f in figures_in(text)]


def _run(cases: list[Case]) -> None:
    for text, expected in cases:
        assert _speakers(text) == expected, text


REPORTING_VERBS: list[Case] = [
    ("According to the fire service, 14 homes burned.", [("14", "fire service")]),
    ("Fourteen homes burned, according to the fire service.", [("Fourteen", "fire service")]),
    ("The fire service said 14 homes burned.", [("14", "fire service")]),
    ("The fire service says 14 homes burned.", [("14", "fire service")]),
    ("The coastguard told reporters 9 sailors were rescued.", [("9", "coastguard")]),
    (
        "The coastguard told a briefing that 9 sailors were rescued.",
        [("9", "coastguard")],
    ),
    ("Nine sailors were rescued, said Captain Ines Moreau.", [("Nine", "Captain Ines Moreau")]),
    ("The union claimed 12,000 members walked out.", [("12,000", "union")]),
    # "estimated" before a figure is also its hedge (an estimate: about 300)
    ("The council estimated 300 homes were flooded.", [("estimated 300", "council")]),
    ("The council estimated that 300 homes were flooded.", [("300", "council")]),
    ("The utility reported 4,000 outages overnight.", [("4,000", "utility")]),
    ("The ministry announced 45 new cases on Monday.", [("45", "ministry")]),
    ("Police confirmed 3 arrests after the match.", [("3", "Police")]),
    ("The agency stated that 18 wells were dry.", [("18", "agency")]),
    ("Organisers put the figure at 25,000.", [("25,000", "Organisers")]),
    ("Hospital staff put the toll at 31.", [("31", "Hospital staff")]),
    ("The monitoring group counted 70 strikes in a week.", [("70", "monitoring group")]),
    ("By the observatory's count, 212 tremors were recorded.", [("212", "observatory")]),
    ("By Oxfam's estimate, 2 million people lack water.", [("2 million", "Oxfam")]),
    ("The UN's tally of 1,450 displaced families rose again.", [("1,450", "UN")]),
    (
        "Figures released by the statistics office show 5.1% unemployment.",
        [
            ("5.1%", "statistics office"),
        ],
    ),
    ("Data from the weather bureau suggest 40 mm of rain fell.", [("40 mm", "weather bureau")]),
    (
        "Some 600 ballots, the electoral board said in a statement, were spoiled.",
        [
            ("Some 600", "electoral board"),
        ],
    ),
    ("More than 90 nests were counted by volunteers.", [("More than 90", "volunteers")]),
    (
        "The mayor's office was saying by noon that 80 roads were closed.",
        [("80", "mayor's office")],
    ),
    ("Officials had earlier said 115 people died.", [("115", "Officials")]),
    ("The ministry brought its toll down to 471.", [("471", "ministry")]),
    ("The county has publicly named 55 victims.", [("55", "county")]),
    # a multi-word adverbial between the subject and its verb
    ("The union at once put the turnout at 8,000.", [("8,000", "union")]),
    ("The ministry at first said 300 people died.", [("300", "ministry")]),
    ("The coastguard straight away reported 9 rescues.", [("9", "coastguard")]),
    # "by X's account" is "according to X"
    ("By the union's account, 4,000 members struck.", [("4,000", "union")]),
    ("By Amnesty's own reckoning, 60 people were held.", [("60", "Amnesty")]),
    ("In the ministry's telling, 25 towns were hit.", [("25", "ministry")]),
    # a document named by its owner is the owner's
    ("The UN report lists 42 victims.", [("42", "UN")]),
    ("A Human Rights Watch report counted 40 strikes.", [("40", "Human Rights Watch")]),
    ("The FEMA damage assessment gives 2,207 structures.", [("2,207", "FEMA")]),
    (
        "The Maui County police after-action report describes 42 victims.",
        [("42", "Maui County police")],
    ),
    # ... but one capitalised word may be an adjective
    (
        "According to Israeli tallies, some 1,200 people were killed.",
        [("some 1,200", "Israeli tallies")],
    ),
]

NOT_REPORTING: list[Case] = [
    ("In total, the storm destroyed 300 homes.", [("300", "")]),
    (
        "The damage is estimated at about 5.5 million dollars.",
        [
            ("about 5.5 million dollars", ""),
        ],
    ),
    ("By Monday, 99 deaths had been confirmed.", [("99", "")]),
    ("The count reached 40 by nightfall.", [("40", "")]),
    ("A report on the floods listed 12 towns.", [("12", "")]),
    ("An early estimate says $5.5 billion will be needed.", [("$5.5 billion", "")]),
    # a cue in a clause of time tells what was said then, not who gives the figure before it
    (
        "The blast wounded about 60 people, when the ministry said the clinic was hit.",
        [("about 60", "")],
    ),
    ("The toll reached 40 after police said the fire spread.", [("40", "")]),
    ("Crowds of 2,000 formed before the mayor announced a curfew.", [("2,000", "")]),
    ("Rain flooded 30 streets while the agency warned of more.", [("30", "")]),
    # but a figure inside the clause of time is the clause's speaker's
    (
        "When the ministry said 300 people had died, the army disputed it.",
        [("300", "ministry")],
    ),
    ("Police said 40 people died before the mayor said 50.", [("40", "Police"), ("50", "mayor")]),
    ("The loose coalition includes 12 Arab states.", [("12", "")]),
]


def test_reporting_verbs_in_every_order_and_tense() -> None:
    _run(REPORTING_VERBS)


def test_phrasings_that_name_no_speaker() -> None:
    _run(NOT_REPORTING)


ONE_PER_FIGURE: list[Case] = [
    (
        "About 40,000 marched according to the police and 120,000 according to the organisers.",
        [("About 40,000", "police"), ("120,000", "organisers")],
    ),
    (
        "The police put it at 12,000, the organisers at 50,000.",
        [("12,000", "police"), ("50,000", "organisers")],
    ),
    (
        "The health ministry said 20 people died, while the army said 4 were killed.",
        [("20", "health ministry"), ("4", "army")],
    ),
    (
        "The ministry then cut its toll to 471, while the army said the figure was inflated.",
        [("471", "ministry")],
    ),
    (
        "The spokesman said the review followed the blast, which killed 500 people.",
        [("500", "")],
    ),
    (
        "The ministry said the strike, which it blamed on the army, had killed 500 people.",
        [("500", "ministry")],
    ),
]


def test_each_figure_has_its_own_origin() -> None:
    _run(ONE_PER_FIGURE)


VENUE_AND_MEDIUM: list[Case] = [
    (
        "The WHO chief told a news conference in Geneva on Friday that 300 clinics had closed.",
        [("300", "WHO chief")],
    ),
    ("The minister said on television that 18 schools would reopen.", [("18", "minister")]),
    ("The governor told parliament that 2,000 jobs were lost.", [("2,000", "governor")]),
    ("The envoy said at a summit in Doha that 60 trucks had entered.", [("60", "envoy")]),
]


def test_the_speaker_is_never_the_venue_or_the_medium() -> None:
    _run(VENUE_AND_MEDIUM)


APPOSITIONS_AND_TITLES: list[Case] = [
    (
        "Col. Jane Ortiz, the army spokesperson, said 40 rockets were fired.",
        [
            ("40", "Jane Ortiz"),
        ],
    ),
    ("Ortiz, who heads the agency, said 40 rockets were fired.", [("40", "Ortiz")]),
    ("On Sunday night Mayor Ruth Kim said 1,200 homes burned.", [("1,200", "Mayor Ruth Kim")]),
    (
        "By midday on Wednesday, the regional council was saying 300 had fled.",
        [
            ("300", "regional council"),
        ],
    ),
    ("A U.S. official said 80 drones were downed.", [("80", "US official")]),
    ("A senior U.N. diplomat said 15 convoys were stopped.", [("15", "senior UN diplomat")]),
    (
        "Dr Amal Haddad, the hospital's chief surgeon, said 64 patients arrived.",
        [("64", "Amal Haddad")],
    ),
    (
        "A nurse working at the clinic, which the charity runs, reported that 90 children came.",
        [("90", "nurse")],
    ),
    (
        "A local priest, by contrast, put the number at about 600 people, speaking to the BBC.",
        [("about 600", "local priest")],
    ),
    (
        "The Pacific Tsunami Warning Center (PTWC) said waves reached 3 metres.",
        [("3 metres", "Pacific Tsunami Warning Center (PTWC)")],
    ),
    (
        "The union and the employers' federation said 7,000 jobs were saved.",
        [("7,000", "union and the employers' federation")],
    ),
]


def test_appositions_titles_adverbials_and_determiners() -> None:
    _run(APPOSITIONS_AND_TITLES)
    (figure,) = figures_in("Col. Jane Ortiz, the army spokesperson, said 40 rockets were fired.")
    assert figure.role == "army spokesperson"


# A period the sentence splitter kept inside a sentence belongs to an abbreviation: titles,
# dotted initialisms; a period that ends the sentence ends the name.
DOTTED_NAMES: list[Case] = [
    (
        "Rescuers pulled 64 survivors out, according to Dr. Samuel Okafor, who runs the ward.",
        [("64", "Samuel Okafor")],
    ),
    ('"We found 12 more," said Lt. Col. Maria Santos.', [("12", "Maria Santos")]),
    ("According to Sgt. Maj. Ann Cole, 45 recruits quit.", [("45", "Ann Cole")]),
    ("According to U.S. officials, 40 missiles were fired.", [("40", "US officials")]),
    ('"More than 90 were hit," said a U.S. official.', [("More than 90", "US official")]),
    ("The toll reached 61, according to the U.N. refugee agency.", [("61", "UN refugee agency")]),
    (
        "Figures released by the U.S. Geological Survey show 14 aftershocks.",
        [("14", "US Geological Survey")],
    ),
    (
        "The agency reported, citing Gen. Omar Bakr, that 30 tanks were hit.",
        [("30", "Omar Bakr")],
    ),
    # a capitalised document noun heading a name is the name; a lone or lower-case one is
    # a document of no one in particular
    (
        "Figures released by the Pacific Geological Survey show 14 aftershocks.",
        [("14", "Pacific Geological Survey")],
    ),
    ("Preliminary Figures show 14 aftershocks.", [("14", "")]),
    ("A geological survey found 14 aftershocks.", [("14", "")]),
    # the sentence's own period is no part of the name
    ("Forty homes burned, according to the fire service.", [("Forty", "fire service")]),
    ("Forty homes burned, said Inspector Maya Lund.", [("Forty", "Inspector Maya Lund")]),
]


def test_a_period_inside_a_name_is_an_abbreviation() -> None:
    _run(DOTTED_NAMES)


# "X told Y." closes the sentence on its speaker, as "X said." does, whoever Y is; a quote's
# "we" is then that speaker.
TOLD_WHOM: list[tuple[str, list[tuple[str, str, str]]]] = [
    ('"We counted 31 craters," Ruth Adler told reporters.', [("31", "Ruth Adler", "")]),
    (
        '"We counted 31 craters," Ruth Adler told the Wire Service.',
        [("31", "Ruth Adler", "Wire Service")],
    ),
    (
        '"We counted 31 craters," Ruth Adler told a news conference in Oslo on Friday.',
        [("31", "Ruth Adler", "")],
    ),
    ("About 50 were hurt, the mayor told Reuters.", [("About 50", "mayor", "Reuters")]),
    # "U.S. media", "Israeli reporters": whose media, not a medium that relays
    ('"We counted 31 craters," Ruth Adler told U.S. media.', [("31", "Ruth Adler", "")]),
    ("About 50 were hurt, the mayor told Danish reporters.", [("About 50", "mayor", "")]),
]


@pytest.mark.parametrize(("text", "expected"), TOLD_WHOM, ids=[t[:40] for t, _ in TOLD_WHOM])
def test_told_whom_closes_on_the_speaker(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(f.text, f.origin, f.relay) for f in figures_in(text)] == expected


# an apposition after a speaker named last gives the role, as one before the verb does
ROLES_AFTER: list[tuple[str, str, str]] = [
    (
        '"At least 44 are missing," said Karim Nasser, the head of the council.',
        "Karim Nasser",
        "head of the council",
    ),
    (
        '"We found 12," said Maria Santos, a spokeswoman for the civil defence agency.',
        "Maria Santos",
        "spokeswoman for the civil defence agency",
    ),
    (
        '"We found 12," said Maria Santos, the agency\'s spokeswoman.',
        "Maria Santos",
        "agency's spokeswoman",
    ),
    # not a role: the apposition names no person
    ('"We found 12," said Maria Santos, the village where the road ends.', "Maria Santos", ""),
    ('"We found 12," said Maria Santos, a day after the flood.', "Maria Santos", ""),
    # a title owned by a body, after the name or before it
    (
        "Daniel Osei, Brightwell's security chief, said 40 records leaked.",
        "Daniel Osei",
        "Brightwell's security chief",
    ),
    (
        "Brightwell's chief information security officer, Daniel Osei, said 40 records leaked.",
        "Daniel Osei",
        "Brightwell's chief information security officer",
    ),
    ("The city's fire chief, Lena Ortiz, said 40 homes burned.", "Lena Ortiz", "city's fire chief"),
    ("On Monday, Lena Ortiz said 40 homes burned.", "Lena Ortiz", ""),
    # a name in apposition after "according to" a role
    (
        "According to a ministry spokesman, Tomas Reel, 14 inmates died.",
        "Tomas Reel",
        "ministry spokesman",
    ),
    (
        "Fourteen inmates died, according to a ministry spokesman, Tomas Reel.",
        "Tomas Reel",
        "ministry spokesman",
    ),
    ("According to the ministry, 14 inmates died.", "ministry", ""),
]


@pytest.mark.parametrize(
    ("text", "origin", "role"), ROLES_AFTER, ids=[t[:48] for t, *_ in ROLES_AFTER]
)
def test_an_apposition_after_the_speaker_gives_the_role(text: str, origin: str, role: str) -> None:
    (figure,) = figures_in(text)
    assert (figure.origin, figure.role) == (origin, role)


RELAYS: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "Reuters reported, citing the health ministry, that 40 people died.",
        [("40", "health ministry", "Reuters")],
    ),
    (
        "The agency quoted the governor as saying 12 bridges had collapsed.",
        [("12", "governor", "agency")],
    ),
    (
        "The minister told Reuters that 300 soldiers had been deployed.",
        [("300", "minister", "Reuters")],
    ),
    ("Some 55 villages were cut off, officials said via AFP.", [("Some 55", "officials", "AFP")]),
    (
        "The minister told reporters that 300 soldiers had been deployed.",
        [
            ("300", "minister", ""),
        ],
    ),
]


# the one who quoted a speaker, between the speaker and the saying verb, is a relay
QUOTED_BY: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "Local officials, quoted by the Kestrel news agency, said 23 people were hurt.",
        [("23", "Local officials", "Kestrel news agency")],
    ),
    (
        "The mayor, cited by Radio Vale, said 12 homes burned.",
        [("12", "mayor", "Radio Vale")],
    ),
    # not a relay: other participles, or figures the body itself cites
    ("The mayor, backed by the council, said 13 homes burned.", [("13", "mayor", "")]),
    ("The figures, cited by the ministry, show 40 deaths.", [("40", "ministry", "")]),
    ("According to figures cited by the ministry, 41 died.", [("41", "ministry", "")]),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED_BY, ids=[t[:40] for t, _ in QUOTED_BY])
def test_quoted_by_between_subject_and_verb_is_a_relay(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [(f.text, f.origin, f.relay) for f in figures_in(text)] == expected


@pytest.mark.parametrize(("text", "expected"), RELAYS, ids=[t[:40] for t, _ in RELAYS])
def test_a_relay_is_recorded_and_the_origin_is_who_it_relays(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [(f.text, f.origin, f.relay) for f in figures_in(text)] == expected


REFERENCES: list[Case] = [
    (
        "Inspector Maya Lund said the search had ended. She said 14 climbers were found.",
        [("14", "Inspector Maya Lund")],
    ),
    (
        "The port authority said ships were waiting. It estimated that 80 ships were stuck.",
        [("80", "port authority")],
    ),
    (
        "The port authority said ships were waiting. The authority counted 80 ships.",
        [("80", "port authority")],
    ),
    (
        "A senior European intelligence official spoke to AFP. The official said 30 died.",
        [("30", "senior European intelligence official")],
    ),
    (
        "The DRM said the charge was small. About 5 kg of explosive was used, according to the "
        "agency.",
        [("About 5 kg", "DRM")],
    ),
    (
        "The DRM published its report. Its analysts found holes 40 centimetres deep.",
        [("40 centimetres", "DRM")],
    ),
    # agreement: 'it' is no person, 'she' no man, 'he' no organisation
    ("Inspector Maya Lund said the search had ended. It counted 80 ships.", [("80", "")]),
    ("Mr Hagari said it was over. She counted 40 rockets.", [("40", "")]),
    ("The port authority said ships were waiting. He counted 80 ships.", [("80", "")]),
    # nothing to stand for
    ("Iran fired 120 missiles, he said.", [("120", "")]),
]


# "the ministry" after its spokesman is the ministry: "it" then goes on with the body
BODIES: list[Case] = [
    (
        "The farm ministry spokesman said the roads were shut.\n\n"
        "The ministry said 30 schools were damaged. It added that 7 would stay closed.",
        [("30", "farm ministry"), ("7", "farm ministry")],
    ),
    (
        "Port authority spokeswoman Lena Berg said ships waited. "
        "The authority counted 80 ships. It said 9 had left.",
        [("80", "Port authority"), ("9", "Port authority")],
    ),
    # a person meant by a person word stays the person
    (
        "The farm ministry spokesman said the roads were shut. The spokesman said 30 had died.",
        [("30", "farm ministry spokesman")],
    ),
]


def test_a_body_named_after_its_spokesperson_is_the_body() -> None:
    _run(BODIES)


# a document issued "by" or "from" someone is theirs; a short reference with a specific
# title is only someone named with that title
DOCUMENTS_AND_TITLES: list[Case] = [
    ("A statement from the fire department said 31 engines went out.", [("31", "fire department")]),
    ("The toll stands at 56, according to a tally by the Wire Service.", [("56", "Wire Service")]),
    ("A report by Harbour Watch found 12 leaks.", [("12", "Harbour Watch")]),
    # "of" says what the document is about, not whose it is
    ("A tally of the dead gave 56.", [("56", "")]),
    (
        "Governor Ana Ruiz said the roads were shut. The minister said 60 clinics had closed.",
        [("60", "minister")],
    ),
    (
        "Health Minister Ana Ruiz said the roads were shut. The minister said 60 clinics closed.",
        [("60", "Health Minister Ana Ruiz")],
    ),
    (
        "Ana Ruiz, the port's spokeswoman, said roads were shut. The official said 60 had closed.",
        [("60", "Ana Ruiz")],
    ),
]


def test_documents_by_someone_and_specific_titles() -> None:
    _run(DOCUMENTS_AND_TITLES)


def test_pronouns_and_short_references_resolve_with_agreement() -> None:
    _run(REFERENCES)


PARAGRAPHS: list[Case] = [
    (
        "The IDF set out the sequence of events. At 6:59 pm, a salvo of 10 rockets was fired.",
        [("10", "IDF")],
    ),
    (
        "The volcano erupted at dawn. Ash fell on 12 villages.\n\nThe observatory said 3 vents "
        "were open.",
        [("12", ""), ("3", "observatory")],
    ),
    (
        "About ten rockets were fired at dusk. One of them fell short, the spokesman said.",
        [("About ten", "spokesman")],
    ),
    # a later sentence that opens on its speaker starts a statement of its own
    (
        "A fire swept through 40 homes. Straight away, the ministry said 500 died.",
        [("40", ""), ("500", "ministry")],
    ),
    (
        "Some 40 boats sailed at dawn. The coastguard reported heavy seas.",
        [("Some 40", "")],
    ),
    # an acronym the document spells out elsewhere is the full name
    (
        "Human Rights Watch visited the site. By HRW's account, 12 shells struck.",
        [("12", "Human Rights Watch (HRW)")],
    ),
    (
        "The Federal Emergency Management Agency sent teams. FEMA said 300 homes were lost.",
        [("300", "Federal Emergency Management Agency (FEMA)")],
    ),
    ("The WHO said 30 clinics closed.", [("30", "WHO")]),
    # a paragraph that opens by pointing back at what the one before reported goes on with it
    (
        "The county said 40 homes burned.\n\nThese figures leave out Kula, where 12 homes burned.",
        [("40", "county"), ("12", "county")],
    ),
    (
        "The county said 40 homes burned.\n\nThe maps also cover Kula, where 12 homes burned.",
        [("40", "county"), ("12", "county")],
    ),
    # ... and only then
    (
        "The county said 40 homes burned.\n\nThe storm moved east and flooded 12 towns.",
        [("40", "county"), ("12", "")],
    ),
    (
        "The county said 40 homes burned.\n\nThese towns had 300 residents.",
        [("40", "county"), ("300", "")],
    ),
]


def test_a_paragraph_is_attributed_once() -> None:
    _run(PARAGRAPHS)


# Never a junk speaker: the sentence reads as if something before a verb spoke, but it is a
# pronoun, a verb, a determiner, an adverb or a fragment.
JUNK: list[Case] = [
    ("An official count has 300 names.", [("300", "")]),
    ("He also said 40 trucks crossed.", [("40", "")]),
    ("Other reports said 12 people died.", [("12", "")]),
    ("Earlier, 300 people had gathered, witnesses said later.", [("300", "witnesses")]),
    ("With an estimated 40 boats, the fleet set sail.", [("an estimated 40", "")]),
    ("Images from the hospital showed 300 bodies.", [("300", "")]),
    ("Instead of a crater, the blast left holes 40 centimetres deep.", [("40 centimetres", "")]),
    ("The toll, nine of whom were children, reached 31.", [("nine", ""), ("31", "")]),
    ("Island-wide damage is estimated at around $6 billion.", [("around $6 billion", "")]),
    ("Rebuilding is estimated to cost $434 million.", [("$434 million", "")]),
    # "claimed" lives is killing, not saying; a participle after a comma has no subject
    ("The storm has claimed 40 lives in the valley.", [("40", "")]),
    ("The floods claimed at least 12 victims.", [("at least 12", "")]),
    (
        "The fire that gutted the town has claimed another victim, bringing the toll to 101.",
        [("101", "")],
    ),
    ("A new body was found, bringing the toll to 41.", [("41", "")]),
    ("The ministry updated its count, raising the toll to 41.", [("41", "ministry")]),
]


def test_never_a_junk_speaker() -> None:
    _run(JUNK)


def test_an_attribution_to_no_one_keeps_its_words_for_the_reader() -> None:
    cases = [
        (
            "According to the latest information, crews had searched 85% of the area.",
            "the latest information",
        ),
        ("An early estimate says $5.5 billion will be needed.", "an early estimate"),
        ("Preliminary figures show 40 homes were lost.", "Preliminary figures"),
    ]
    for text, words in cases:
        (figure,) = figures_in(text)
        assert (figure.origin, figure.role) == ("", words), text


BEFORE_THE_SPEAKER = [
    # a live blog's timestamp, markup, a transcript's slash, a dateline's credit
    (
        "**10:15 a.m.** Police say they have evacuated about 600 residents.",
        [("about 600", "Police")],
    ),
    (
        "### 08:10 / Coast guard spokesman Ramon Dizon says 23 people were rescued.",
        [("23", "Coast guard spokesman Ramon Dizon")],
    ),
    (
        "PORTLAND, March 3 (CP) — Northline Rail said 14 cars derailed.",
        [("14", "Northline Rail")],
    ),
    ("- Police say 40 homes burned.", [("40", "Police")]),
    # ... while an acronym in parentheses after a name stays with it
    ("Human Rights Watch (HRW) said 40 people died.", [("40", "Human Rights Watch (HRW)")]),
    ("At 10:15 the mayor said 40 homes burned.", [("40", "mayor")]),
]


@pytest.mark.parametrize(
    ("text", "expected"), BEFORE_THE_SPEAKER, ids=[t[:30] for t, _ in BEFORE_THE_SPEAKER]
)
def test_timestamps_markup_and_credits_are_no_part_of_the_speaker(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _speakers(text) == expected


OTHER_VERBS = [
    # repeating, quoting, and giving a figure are statements by anyone
    (
        "The Chamber of Commerce keeps repeating its $1.2 billion a day.",
        [("$1.2 billion", "Chamber of Commerce")],
    ),
    (
        "The Chamber of Commerce gives a figure of $1.2 billion a day.",
        [("$1.2 billion", "Chamber of Commerce")],
    ),
    ("Dr. Nair gave a new estimate: 312 runners were treated.", [("312", "Nair")]),
    ("Officials repeated that 40 homes burned.", [("40", "Officials")]),
    ("The mayor went on saying 40 homes burned.", [("40", "mayor")]),
    # ... but a person who gives something else states no figure
    ("Dr. Nair gave 40 interviews.", [("40", "")]),
    ("The mayor gives 12 awards each year.", [("12", "")]),
]


@pytest.mark.parametrize(("text", "expected"), OTHER_VERBS, ids=[t[:30] for t, _ in OTHER_VERBS])
def test_repeating_quoting_and_giving_a_figure_attribute(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _speakers(text) == expected


TRANSCRIPT_LABELS = [
    (
        "Governor Sakur is on the line.\nSAKUR: More than 180 people have been pulled out.",
        [("More than 180", "Sakur")],
    ),
    (
        'We hear from Dr. Ana Vidal.\nVIDAL (on tape): "We have had 47 people in hospital."',
        [("47", "Vidal")],
    ),
    # a label the document names nowhere else is a heading, not a speaker
    ("UPDATE: 40 homes burned.", [("40", "")]),
    ("BREAKING NEWS: 40 homes burned, the fire service said.", [("40", "fire service")]),
]


@pytest.mark.parametrize(
    ("text", "expected"), TRANSCRIPT_LABELS, ids=[t[:30] for t, _ in TRANSCRIPT_LABELS]
)
def test_a_transcripts_label_names_the_speaker(text: str, expected: list[tuple[str, str]]) -> None:
    assert _speakers(text) == expected


OWNER_OF_A_TITLE = [
    # "It" after a person who holds a body's title is the body
    (
        "Brightwell's security chief, Daniel Osei, said the count stood. "
        "It said 1.9 million customers would be notified.",
        [("1.9 million", "Brightwell")],
    ),
    # ... "he" is the person, and a title of no named body gives "it" nobody
    (
        "Daniel Osei, Brightwell's security chief, said the count stood. "
        "He said 1.9 million customers would be notified.",
        [("1.9 million", "Daniel Osei")],
    ),
    (
        "The city's fire chief, Lena Ortiz, said crews were out. It said 40 homes burned.",
        [("40", "")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), OWNER_OF_A_TITLE, ids=[t[:30] for t, _ in OWNER_OF_A_TITLE]
)
def test_it_after_a_title_holder_is_the_body_that_owns_the_title(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _speakers(text) == expected


NOUN_BEFORE_A_VERB = [
    # an adjective and a document noun before the verb are no speaker and verb
    ("Initial estimates put the cost at $40 million.", [("$40 million", "")]),
    ("Official estimates put the cost at $40 million.", [("$40 million", "")]),
    # ... a name or a body before them is the document's owner
    ("FEMA estimates put the cost at $40 million.", [("$40 million", "FEMA")]),
    ("Hagari estimates 40 rockets were fired.", [("40", "Hagari")]),
]


@pytest.mark.parametrize(
    ("text", "expected"), NOUN_BEFORE_A_VERB, ids=[t[:30] for t, _ in NOUN_BEFORE_A_VERB]
)
def test_a_document_noun_before_a_verb_is_no_verb(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _speakers(text) == expected


REBUTTALS = [
    # the cue inside a rebuttal is the rebutted figure's; the one after it the figure's
    (
        "Seven prisoners died, not four as the ministry claims, the union said.",
        [("Seven", "union"), ("four", "ministry")],
    ),
    (
        "Seven prisoners died, rather than the four the ministry reported, the union said.",
        [("Seven", "union"), ("four", "ministry")],
    ),
    (
        "Seven prisoners died, contrary to the ministry's count of four, the union said.",
        [("Seven", "union"), ("four", "ministry")],
    ),
    ("Unlike the police, the organisers said 50,000 marched.", [("50,000", "organisers")]),
    # ... and a rebuttal after the cue changes nothing
    ("Seven prisoners died, the union said, not four.", [("Seven", "union"), ("four", "union")]),
]


@pytest.mark.parametrize(("text", "expected"), REBUTTALS, ids=[t[:30] for t, _ in REBUTTALS])
def test_a_rebuttal_keeps_each_side_its_speaker(text: str, expected: list[tuple[str, str]]) -> None:
    assert _speakers(text) == expected


PARTICIPLES_OF_SAYING = [
    # a participle of saying after a comma is said by the main clause's subject
    ("Police denied the claims, saying only 14 guards were hurt.", [("14", "Police")]),
    ("The ministry rejected the report, adding that 40 inmates were moved.", [("40", "ministry")]),
    # ... another participle states nothing
    ("The fire spread quickly, bringing the toll to 101.", [("101", "")]),
    ("The storm hit the coast, killing 40 people.", [("40", "")]),
]


@pytest.mark.parametrize(
    ("text", "expected"), PARTICIPLES_OF_SAYING, ids=[t[:30] for t, _ in PARTICIPLES_OF_SAYING]
)
def test_a_participle_of_saying_is_the_main_subjects(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _speakers(text) == expected
