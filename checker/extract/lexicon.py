"""Word classes of English that attribution needs: closed classes (pronouns, prepositions,
auxiliaries, conjunctions) and the open nouns that can name who states a figure.

These are lists of the language, not of any corpus: a speaker is a person ("the spokesman",
"a doctor"), an organisation ("the ministry", "county officials") or a document ("the
assessment", "figures"); the function words mark where a speaker cannot start or end.
"""

from __future__ import annotations

from typing import Final


def _alternation(words: str) -> str:
    """'had earlier' ... as a regex alternation, longest first, spaces as \\s+."""
    items = sorted(set(words.split("|")), key=len, reverse=True)
    return "|".join(item.replace(" ", r"\s+") for item in items)


PRONOUNS: Final = frozenset(
    """he she it they we i you this that these those there who which one someone anyone
    everyone nobody some many most others other several few all both each either neither
    him her them us me""".split()
)
PREPOSITIONS: Final = frozenset(
    """on in at by for from with without during after before since until till through
    throughout over under across around about into onto upon within amid amidst among
    against despite per via toward towards like near""".split()
)
# Words a speaker phrase never starts or ends with.
FUNCTION_WORDS: Final = frozenset(
    PRONOUNS
    | PREPOSITIONS
    | frozenset(
        """instead however meanwhile moreover furthermore nevertheless nonetheless thus
        therefore hence otherwise indeed overall
        a an the and or but nor so yet if then than that whether because although though
        while when where whereas as to of not no is are was were be been being has have had
        do does did will would shall should can could may might must also only just even
        still already again now here very too more less whom whose what how why other
        another such own its their his her our your my""".split()
    )
)
AUXILIARIES: Final = _alternation(
    "has|have|had|was|were|is|are|will|would|could|can|may|might|shall|should|did|does|do"
    "|has been|have been|had been|is being|was being|will have|would have"
    "|keeps|kept|keep|went on|goes on|continues|continued"  # "keeps repeating", "went on saying"
)
# Sentence adverbs and connectives: never a speaker, often before one ("Instead, …").
DISCOURSE: Final = frozenset(
    """instead however meanwhile moreover furthermore nevertheless nonetheless still thus
    therefore hence otherwise indeed overall altogether elsewhere nearby besides likewise
    similarly conversely accordingly consequently regardless notably separately later
    earlier afterwards previously initially finally eventually ultimately""".split()
)
ADVERBS: Final = _alternation(
    "also|earlier|later|previously|now|then|again|reportedly|separately|repeatedly|first"
    "|initially|originally|already|still|since|just|recently|publicly|officially|formally"
    "|privately|once|twice|further|finally|yesterday|today|tonight|subsequently|quickly"
    "|swiftly|immediately|confidently|independently|jointly|not|never|only|anonymously"
    "|unofficially|at once|at first|right away|straight away|in turn|at the time"
)
# Words that start a new clause: the subject of a verb after them stands after them too.
CLAUSE_WORDS: Final = frozenset(
    """that and but while whereas as when after before because if although though since
    until where so yet or nor once whether which who""".split()
)
TIME_WORDS: Final = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    tonight morning afternoon evening night midday noon midnight dawn dusk week weekend
    month year day days weeks months years hours hour minutes time times january february
    march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec late early last next this that first meantime
    meanwhile moment start end beginning outset earlier later following coming past
    previous preceding same recent few several""".split()
)
# Abbreviated ranks and honorifics: not part of a speaker's name ("Col. Jane Ortiz").
RANK_ABBREVIATIONS: Final = frozenset(
    """col. gen. lt. maj. capt. sgt. cpl. adm. cmdr. brig. mr. mrs. ms. dr. prof. gov. sen.
    rep. pres. insp. supt. det. rev. hon. amb. sec. atty. col gen lt maj capt sgt cpl adm
    cmdr brig mr mrs ms dr prof gov sen rep pres""".split()
)
# Heads of phrases that name a person by role.
PERSON_NOUNS: Final = frozenset(
    """official spokesman spokeswoman spokesperson minister president prime premier chief
    head director commander general admiral colonel major captain lieutenant sergeant
    officer mayor governor senator representative congressman congresswoman secretary
    ambassador envoy diplomat leader chairman chairwoman chair chairperson founder manager
    administrator coordinator coroner doctor physician surgeon nurse medic paramedic
    scientist researcher expert analyst economist professor lawyer attorney prosecutor judge
    witness resident survivor victim relative journalist reporter correspondent editor
    author source insider aide adviser advisor advisor consultant investigator inspector
    commissioner superintendent sheriff marshal firefighter rescuer volunteer worker
    employee engineer pilot soldier organiser organizer activist campaigner protester
    monitor observer negotiator mediator representative delegate member lawmaker legislator
    politician candidate king queen prince princess emir sheikh pope bishop archbishop
    cleric imam rabbi priest pastor chancellor deputy undersecretary registrar auditor
    treasurer statistician demographer epidemiologist villager citizen farmer fisherman
    student teacher parent local fighter militant rebel insurgent troop refugee migrant
    passenger driver shopkeeper owner landlord tenant neighbour neighbor bystander eyewitness
    staffer operator contractor lecturer historian geologist meteorologist forecaster
    seismologist vulcanologist volcanologist climatologist pathologist forensic
    anthropologist archaeologist curator planner developer builder""".split()
)
# Heads of phrases that name an organisation or a body; plurals of people count too.
ORGANISATION_NOUNS: Final = frozenset(
    """ministry department government administration agency office bureau service
    services authority authorities police army military navy force forces guard militia
    command council committee commission court parliament congress senate assembly
    cabinet presidency state county city municipality province region district council
    union federation confederation association organisation organization group network
    coalition alliance party movement front company firm corporation bank fund
    foundation institute institution university college school hospital clinic centre
    center laboratory lab observatory monitor watchdog regulator board team unit
    taskforce delegation embassy consulate mission secretariat directorate inspectorate
    prosecutor prosecution tribunal charity ngo society church diocese red crescent cross
    channel newspaper broadcaster station outlet agency wire press media website page
    officials sources residents witnesses experts analysts researchers organisers
    organizers protesters investigators rescuers medics doctors scientists diplomats
    leaders officers authorities firefighters volunteers workers families relatives
    survivors lawmakers people staff personnel crews crew community intelligence industry
    sector airline carrier insurer utility brigade battalion regiment corps division squad
    fleet coastguard gendarmerie interpol fbi cia ministry council tribe clan family
    publisher magazine journal paper daily tv radio programme program show site blog
    platform account feed""".split()
)
# Heads of phrases that name a document, a count or a record that states a figure.
DOCUMENT_NOUNS: Final = frozenset(
    """report reports statement statements assessment assessments estimate estimates study
    survey census tally count toll record records registry register data figures figure
    numbers statistics analysis review inquiry investigation audit map maps timeline
    bulletin release document documents filing letter memo briefing update information
    database dataset index poll model projection projections test tests result results
    findings""".split()
)
# What shows a figure without stating it: never a speaker ("Images from the hospital showed").
EVIDENCE_NOUNS: Final = frozenset(
    """image photo photograph picture video footage imagery evidence scene satellite
    recording clip""".split()
)
# Where a speaker speaks, not who: "told a news conference in Geneva", "told parliament".
VENUE_NOUNS: Final = frozenset(
    """conference briefing meeting parliament house commons lords senate congress assembly
    council committee court hearing session summit forum rally crowd audience reporters
    journalists press media""".split()
)
