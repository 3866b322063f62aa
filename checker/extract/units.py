"""The words around a number -> what it is: kind, unit or currency, and the counted noun phrase.

"99 per cent of the missiles" is a percent of "missiles"; "$1 billion" is money in USD;
"April 1" is a date, "the 11th hour" an ordinal, "Arrow 3" an identifier; "more than 80
one-way attack drones" counts "one-way attack drones", whose head is "drone".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from checker.extract.numbers import COUNTING_WORDS, word_trie
from checker.model import Kind

MONTHS: Final = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# The months as a trie: both patterns are only asked whether they match, which an alternation's
# order cannot change, and a trie fails on the first wrong letter instead of trying 25 names.
# "May" and "March" are months only with their capital: "9,000 may have died", "a march".
_COMMON_MONTHS: Final = ("may", "march", "mar")
_MONTH_TRIE: Final = word_trie([m for m in MONTHS.split("|") if m not in _COMMON_MONTHS])
_MONTH: Final = rf"(?:(?i:{_MONTH_TRIE})|Ma(?:y|rch|r)|MA(?:Y|RCH|R))"
_MONTH_BEFORE: Final = re.compile(rf"\b{_MONTH}\.?\s+(?:the\s+)?$")
_MONTH_AFTER: Final = re.compile(rf"^(?:\s+of)?\s+{_MONTH}\b")
CURRENCY_SYMBOLS: Final[dict[str, str]] = {
    "us$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "$": "USD", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₹": "INR", "₪": "ILS", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    "jpy": "JPY", "inr": "INR", "ils": "ILS", "chf": "CHF", "cny": "CNY", "aed": "AED",
}  # fmt: skip
CURRENCY_WORDS: Final[dict[str, str]] = {
    "dollar": "USD", "us dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "yen": "JPY",
    "rupee": "INR", "shekel": "ILS", "rial": "IRR", "dirham": "AED", "yuan": "CNY",
    "franc": "CHF", "ruble": "RUB", "rouble": "RUB", "usd": "USD", "eur": "EUR",
    "gbp": "GBP", "cent": "USD-cent", "pound": "GBP", "penny": "GBP-pence", "pence": "GBP-pence",
    "peseta": "ESP", "guilder": "NLG", "markka": "FIM", "lira": "TRY", "rmb": "CNY",
    "renminbi": "CNY", "peso": "MXN", "rand": "ZAR", "naira": "NGN", "won": "KRW",
    "baht": "THB", "krona": "SEK", "kronor": "SEK", "krone": "NOK", "real": "BRL",
    "reais": "BRL", "riyal": "SAR", "hryvnia": "UAH", "zloty": "PLN",
}  # fmt: skip
# "125 million australian dollars", "10,000 swiss francs": the country names the currency
CURRENCY_COUNTRIES: Final[dict[str, str]] = {
    "australian": "AUD", "canadian": "CAD", "us": "USD", "u.s.": "USD", "american": "USD",
    "hong kong": "HKD", "new zealand": "NZD", "singapore": "SGD", "swiss": "CHF",
    "chinese": "CNY", "turkish": "TRY", "dutch": "NLG", "finnish": "FIM", "mexican": "MXN",
    "japanese": "JPY", "indian": "INR", "israeli": "ILS", "iranian": "IRR", "russian": "RUB",
    "egyptian": "EGP", "south african": "ZAR", "brazilian": "BRL", "saudi": "SAR",
}  # fmt: skip
_CURRENCY_WORD_ALT: Final = (
    r"us\s+dollars?|dollars?|euros?|pounds\s+sterling|yen|rupees?|shekels?|rials?|dirhams?"
    r"|yuan|francs?|rubles?|roubles?|cents?|pence|penny|pounds?|pesetas?|guilders?|markkas?|liras?"
    r"|rmb|renminbi|pesos?|rand|naira|won|baht|kronor|krona|krone|reais|real|riyals?"
    r"|hryvnias?|zlotys?"
)
_CURRENCY_AFTER: Final = re.compile(
    rf"""^\s*(?P<country>(?i:{"|".join(re.escape(c) for c in CURRENCY_COUNTRIES)})\s+)?
        (?P<cur>(?i:{_CURRENCY_WORD_ALT})\b                 # "420 million finnish markka"
          |(?:USD|EUR|GBP|JPY|INR|ILS|CHF|CNY|AED)\b|(?i:usd|eur|gbp)\b
          |[$€£¥₹₪](?!\w))                                   # "10 €", "10 $"
    """,
    re.VERBOSE,
)
_CURRENCY_BEFORE: Final = re.compile(
    r"(?P<cur>US\$|A\$|C\$|HK\$|\$|€|£|¥|₹|₪|\b(?:USD|EUR|GBP|JPY|INR|ILS|CHF|CNY|AED))\s*$"
)
# "pounds" is money after a scale word or beside a money word, weight otherwise:
# "361 million pounds" (money), "a twenty-pound bag" (weight)
_SCALED: Final = re.compile(r"(?i:thousand|million|billion|trillion|bn|mn|[kmb])$")
_PERCENT_AFTER: Final = re.compile(
    r"^\s*(?P<unit>%|(?i:percentage\s+points?|per\s*cents?\b|percents?\b|percentage\b|pct\b"
    r"|pc\b))"
)
MEASURE_UNITS: Final[dict[str, str]] = {
    unit: name
    for name, spellings in {
        "km": "km kilometre kilometres kilometer kilometers",
        "m": "m metre metres meter meters",
        "cm": "cm centimetre centimetres centimeter centimeters",
        "mm": "mm millimetre millimetres millimeter millimeters",
        "mile": "mile miles mi",
        "foot": "foot feet ft",
        "inch": "inch inches",
        "kg": "kg kilogram kilograms kilo kilos",
        "g": "gram grams",
        "mg": "mg milligram milligrams",
        "tonne": "tonne tonnes ton tons",
        "pound": "pound pounds lb lbs",
        "ounce": "ounce ounces oz",
        "litre": "litre litres liter liters l",
        "gallon": "gallon gallons",
        "barrel": "barrel barrels",
        "second": "second seconds sec secs",
        "minute": "minute minutes min mins",
        "hour": "hour hours hrs",
        "day": "day days",
        "week": "week weeks",
        "month": "month months",
        "year": "year years",
        "decade": "decade decades",
        "century": "century centuries",
        "acre": "acre acres",
        "hectare": "hectare hectares ha",
        "mph": "mph",
        "km/h": "km/h kph",
        "knot": "knot knots",
        "degree": "degree degrees",
        "celsius": "°c ºc ℃ celsius centigrade",
        "fahrenheit": "°f ºf ℉ fahrenheit",
        "mw": "mw megawatt megawatts",
        "gw": "gw gigawatt gigawatts",
        "kwh": "kwh",
        "ml": "ml millilitre millilitres milliliter milliliters",
    }.items()
    for unit in spellings.split()
}
# Each unit's dimension and size in that dimension's base unit, so a fact in acres reads
# "850 hectares" as 2,100.4 acres and one in kg reads "11 pounds" as 4.99 kg.
UNIT_SIZES: Final[dict[str, tuple[str, float]]] = {
    "km": ("length", 1000.0), "m": ("length", 1.0), "cm": ("length", 0.01),
    "mm": ("length", 0.001), "mile": ("length", 1609.344), "foot": ("length", 0.3048),
    "inch": ("length", 0.0254),
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "mg": ("mass", 1e-6), "tonne": ("mass", 1000.0),
    "pound": ("mass", 0.45359237), "ounce": ("mass", 0.028349523125),
    "acre": ("area", 4046.8564224), "hectare": ("area", 10_000.0),
    "litre": ("volume", 1.0), "ml": ("volume", 0.001), "gallon": ("volume", 3.785411784),
    "barrel": ("volume", 158.987294928),
    "second": ("time", 1.0), "minute": ("time", 60.0), "hour": ("time", 3600.0),
    "day": ("time", 86_400.0), "week": ("time", 604_800.0), "month": ("time", 2_629_746.0),
    "year": ("time", 31_556_952.0), "decade": ("time", 315_569_520.0),
    "century": ("time", 3_155_695_200.0),
    "mph": ("speed", 0.44704), "km/h": ("speed", 1 / 3.6), "knot": ("speed", 0.514444),
    "mw": ("power", 1.0), "gw": ("power", 1000.0), "kwh": ("energy", 1.0),
    "celsius": ("temperature", 1.0), "fahrenheit": ("temperature", 5 / 9),
}  # fmt: skip
# Areas and volumes of the lengths, as sizes and as rules and texts name them: "km²" (or
# "square km", "sq km"), "m³" (or "cubic metres"; in litres). In a text "square" or
# "cubic" before a length is read by _MEASURE_AFTER's prefix.
for _name, (_dimension, _size) in list(UNIT_SIZES.items()):
    if _dimension == "length":
        UNIT_SIZES[f"{_name}²"] = ("area", _size**2)
        UNIT_SIZES[f"{_name}³"] = ("volume", _size**3 * 1000.0)
for _spelling, _name in list(MEASURE_UNITS.items()):
    if UNIT_SIZES.get(_name, ("",))[0] == "length":
        MEASURE_UNITS[f"{_spelling}²"] = f"{_name}²"
        MEASURE_UNITS[f"{_spelling}³"] = f"{_name}³"
        for _power, _mark in (("square", "²"), ("sq", "²"), ("cubic", "³")):
            MEASURE_UNITS[f"{_power} {_spelling}"] = f"{_name}{_mark}"
_MEASURE_AFTER: Final = re.compile(
    # a trie of the units: only one unit can be followed by no word character or "/" (a longer
    # one goes on with letters, "km/h" with "/"), so it finds what the longest-first
    # alternation found, failing on the first wrong character instead of trying 90 units
    r"^\s?(?P<power>square\s+|sq\.?\s+|cubic\s+)?(?P<unit>"
    + word_trie(list(MEASURE_UNITS))
    + r")(?![\w/])",
    re.IGNORECASE,
)
# Units whose zero is not the base unit's: base = value * size + offset (°F -> °C).
UNIT_OFFSETS: Final[dict[str, float]] = {"fahrenheit": -160 / 9}
# "31C", "88F": a temperature's scale glued to the number, as British papers write it
_GLUED_DEGREES: Final = re.compile(r"[CF](?![\w'’-])")
# "31 degrees Celsius", "88 degrees F": the scale after "degrees" names the unit
_DEGREES_OF: Final = re.compile(
    r"\s+(?:(?P<c>celsius|centigrade|c)|(?P<f>fahrenheit|f))(?![\w])", re.IGNORECASE
)


def unit_factor(unit: str, into: str) -> float | None:
    """How many `into` one `unit` is (hectare into acre: 2.47105), or None when they
    measure different things."""
    conversion = unit_conversion(unit, into)
    return None if conversion is None else conversion[0]


def unit_conversion(unit: str, into: str) -> tuple[float, float] | None:
    """(factor, shift) that turn a value in `unit` into `into` (value * factor + shift):
    hectare into acre (2.47105, 0), °F into °C (5/9, -160/9); None when they measure
    different things ("31 degrees" says no scale, so it is neither °C nor °F)."""
    have, want = UNIT_SIZES.get(unit), UNIT_SIZES.get(into)
    if have is None or want is None:
        return (1.0, 0.0) if unit == into else None
    if have[0] != want[0]:
        return None
    shift = (UNIT_OFFSETS.get(unit, 0.0) - UNIT_OFFSETS.get(into, 0.0)) / want[1]
    return have[1] / want[1], shift


# Scales whose name says what a number is: "a magnitude 7.8 earthquake", "the 7.0-magnitude
# quake", "level 4 alert"; a measure fact names the scale as its unit (`unit: magnitude`)
SCALE_NAMES: Final = ("magnitude", "category", "level", "grade", "phase", "stage", "score",
                      "rating", "index")  # fmt: skip
# Units of time: a number of them is a duration ("10 days", "a two-day strike").
DURATION_UNITS: Final = frozenset(
    ["second", "minute", "hour", "day", "week", "month", "year", "decade", "century"]
)
_AGE: Final = re.compile(r"^(?:-|\s)years?(?:-|\s)old\b|^-year-old\b", re.IGNORECASE)
_AGED_BEFORE: Final = re.compile(r"\b(?:aged|age(?:d)?\s+of|ages)\s+$", re.IGNORECASE)
_HYPHEN_WORD: Final = re.compile(r"^-(?P<word>[A-Za-z]+)")
# "one-way attack drones": the hyphenated number is part of an adjective, not a figure.
IDIOMS: Final = frozenset(
    {"one-way", "two-way", "one-sided", "one-off", "one-time", "two-state", "one-on-one",
     "one-party", "two-party", "three-way", "four-way", "one-stop", "two-faced", "one-man"}
)  # fmt: skip
_WORD: Final = re.compile(r"\s*(?P<word>[A-Za-z][A-Za-z'’\-]*)")
_NUMBER_AFTER: Final = re.compile(r"\s*(?P<word>[A-Za-z\d][\w'’\-]*)")
_OF_THE: Final = re.compile(
    r"\s+of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+|our\s+|my\s+|his\s+|her\s+|your\s+)?",
    re.I,
)
STOP: Final = frozenset(
    """a an the of in on at to for from by with without into onto over under than as that which
    who whom whose where when while and or but nor so yet is are was were be been being has
    have had do does did will would shall should can could may might must not no it its this
    these those they them their he she his her we our you your i my me per each every all
    some any more most less fewer about around after before since during until across
    through against between among towards toward up down out off also only just even still
    already then there here said says according including like such both either neither if
    because though although whether very too now ago earlier later other another last first
    next again nearly almost reportedly allegedly reported claimed launched fired previously
    initially originally officially currently recently apparently approximately roughly
    respectively""".split()
)
IRREGULAR_PLURALS: Final = frozenset(
    """people children men women police personnel staff troops aircraft military civilians
    cattle livestock sheep fish deer militia crew clergy media data""".split()
)
_SINGULAR_ENDINGS: Final = ("ss", "us", "is", "ous", "ics")
# nouns that end in 's' in the singular too: "the news", "a series"
INVARIANT: Final = frozenset(["news", "series", "species", "means", "headquarters", "whereabouts"])


@dataclass(frozen=True, slots=True)
class Description:
    kind: Kind
    unit: str  # '%', a currency code, a measure unit, or the counted noun phrase
    noun: str  # counted noun phrase as written; for a percent, what it is a percent of
    head: str  # singular lower-case head of `noun`
    end: int  # where the figure's text ends (after "per cent", "dollars", ...)
    scale: float = 1.0  # a multiplier the unit brings ("$5m": the scan read 'm' as million)
    cap: float | None = None  # the largest value the kind allows ("99% of the drones": 100)
    prefix: int = 0  # characters before the number that belong to the figure: "€" in "€1.5bn"


def is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return True
    return lower.endswith("s") and not lower.endswith(_SINGULAR_ENDINGS) and len(lower) > 2


_VES_PLURALS: Final = {
    "lives": "life", "wives": "wife", "knives": "knife", "wolves": "wolf", "halves": "half",
    "shelves": "shelf", "thieves": "thief", "leaves": "leaf", "loaves": "loaf",
    "calves": "calf", "selves": "self",
}  # fmt: skip


def singular(word: str) -> str:
    """'drones' -> 'drone', 'casualties' -> 'casualty', 'people' -> 'people' (lower-case)."""
    lower = word.lower().strip("'’")
    if lower in IRREGULAR_PLURALS or lower in INVARIANT or not is_plural(lower):
        return lower
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower in _VES_PLURALS:
        return _VES_PLURALS[lower]  # "lives" -> "life", "wolves" -> "wolf"
    if lower.endswith(("sses", "xes", "ches", "shes", "zes")):
        return lower[:-2]
    return lower[:-1]


def normalise_noun(phrase: str) -> str:
    """'One-way attack Drones' -> 'one way attack drone': the form rules are matched against."""
    words = re.findall(r"[A-Za-z0-9]+", phrase.replace("’", "'"))
    return " ".join(singular(w) for w in words)


# Up to six words on one line, one space (then any blanks) between them: the words
# noun_phrase's loop would read when no "and"/"or" joins two plurals. One match and one
# finditer instead of a match per word.
_PHRASE: Final = re.compile(
    r"[^\S\n]*[A-Za-z][A-Za-z'’\-]*(?:\x20[^\S\n]*[A-Za-z][A-Za-z'’\-]*){0,5}"
)
_PHRASE_WORD: Final = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_CONJUNCTION: Final = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
# ", mortar shells and drones" after "rockets": more members of one counted list
_LIST_ITEM: Final = r"[A-Za-z][\w'’-]*(?:\x20[A-Za-z][\w'’-]*){0,2}"
_LIST_TAIL: Final = re.compile(
    rf",\x20(?:{_LIST_ITEM},\x20){{0,4}}{_LIST_ITEM},?\x20(?:and|or)\x20(?P<last>{_LIST_ITEM})\b"
)


def list_members(noun: str) -> list[str]:
    """'rockets, mortar shells and drones' -> ['rockets', 'mortar shells', 'drones']; a
    plain noun is a list of one, and so is "damaged or destroyed structures" (adjectives
    of one noun: a member that is no plural or state word is no member)."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", noun)]
    parts = [p for p in parts if p]
    if len(parts) > 1 and all(_joinable(p.split()[-1]) for p in parts):
        return parts
    return [noun.strip()] if noun.strip() else []


def noun_phrase(text: str, pos: int, limit: int) -> tuple[str, str, int]:
    """The counted noun phrase starting at `pos`: (phrase as written, singular head, end)."""
    span = _PHRASE.match(text, pos, limit)
    if span is None:
        return "", "", pos
    lower = span.group().lower()  # "and"/"or" have no other case-insensitive letters
    if ("and" in lower or "or" in lower) and _CONJUNCTION.search(span.group()) is not None:
        return _noun_phrase_words(text, pos, limit)  # "drones and missiles": word by word
    if text[span.end() : span.end() + 1] == "," and is_plural(span.group().split()[-1]):
        listed = _LIST_TAIL.match(text, span.end(), limit)
        last = listed.group("last").split() if listed is not None else []
        kept = [i for i, word in enumerate(last) if _joinable(word)]
        if listed is not None and kept:
            # "120 rockets, mortar shells and drones": the whole list is counted
            end = listed.start("last") + len(" ".join(last[: kept[0] + 1]))
            start = span.start() + len(span.group()) - len(span.group().lstrip())
            members = list_members(text[start:end])
            if all(
                _joinable(m.split()[-1]) and not any(w.lower() in STOP for w in m.split())
                for m in members
            ):
                return text[start:end], singular(last[kept[0]]), end
    words: list[tuple[str, int, int]] = []
    for match in _PHRASE_WORD.finditer(text, span.start(), span.end()):
        word = match.group().strip("-'’")
        lower = word.lower()
        if lower.endswith(("'s", "’s")) and not words and is_plural(word[:-2]):
            # "Two people's remains", "40 women's shelters": what the plural owns, as
            # "three soldiers' bodies"
            words.append((word, match.start(), match.start() + len(word)))
            continue
        if lower in STOP or lower.endswith("'s") or lower.endswith("’s"):
            break
        words.append((word, match.start(), match.start() + len(word)))
    return _kept(text, words, pos)


def _kept(text: str, words: list[tuple[str, int, int]], pos: int) -> tuple[str, str, int]:
    """The phrase up to its last plural word (or its first word when none is plural)."""
    if not words:
        return "", "", pos
    # the last plural ends the phrase; a state word only when no plural came before it:
    # "40 dead and missing", but "the number of people killed" counts people
    plural_at = [i for i, (w, _, _) in enumerate(words) if is_plural(w)]
    if not plural_at:
        plural_at = [i for i, (w, _, _) in enumerate(words) if _joinable(w)]
    if not plural_at and _verb_form(words[0][0]):
        return "", "", pos  # "and 26,907 finished", "450 stayed": a verb, the noun left out
    cut = plural_at[-1] + 1 if plural_at else 1
    kept = words[:cut]
    phrase = text[kept[0][1] : kept[-1][2]]
    return phrase, singular(kept[-1][0]), kept[-1][2]


# Words that count people by their state: "40 dead and missing", "12 killed or injured".
STATE_WORDS: Final = frozenset(
    """dead missing injured wounded killed hurt displaced homeless evacuated detained
    arrested rescued captured abducted unaccounted""".split()
)


def _verb_form(word: str) -> bool:
    """A past tense or participle that is no state word ("finished", "stayed", "returning"):
    a verb after a bare figure, never what it counts."""
    lower = word.lower()
    if lower.endswith("eed") or lower in STATE_WORDS:
        return False  # "seed", "feed"; "killed", "injured" count people by their state
    return (len(lower) > 3 and lower.endswith("ed")) or (len(lower) > 4 and lower.endswith("ing"))


def _joinable(word: str) -> bool:
    return is_plural(word) or word.lower() in STATE_WORDS


def _is_number_word(word: str) -> bool:
    """'three', '40', 'dozens', 'million': a word that counts, never part of a counted noun."""
    return word[:1].isdigit() or word.lower() in COUNTING_WORDS


def _plural_ahead(text: str, pos: int, limit: int) -> bool:
    """Whether a plural noun comes within two words: "damaged or destroyed structures" joins
    two adjectives of one noun."""
    for count, match in enumerate(_WORD.finditer(text, pos, limit)):
        word = match.group("word")
        if count > 1 or word.lower() in STOP:
            return False
        if is_plural(word):
            return True
    return False


def _noun_phrase_words(text: str, pos: int, limit: int) -> tuple[str, str, int]:
    """noun_phrase, a word at a time: "and"/"or" between two plurals joins them."""
    words: list[tuple[str, int, int]] = []
    cursor = pos
    while len(words) < 6:
        match = _WORD.match(text, cursor, limit)
        if match is None or "\n" in text[cursor : match.start("word")]:
            break
        word = match.group("word").strip("-'’")
        lower = word.lower()
        if (
            lower in ("and", "or")
            and words
            and (_joinable(words[-1][0]) or _plural_ahead(text, match.end(), limit))
        ):
            nxt = _WORD.match(text, match.end(), limit)
            if nxt and _is_number_word(nxt.group("word")):
                break  # "two firefighters died and three others": a figure of its own
            after = _NUMBER_AFTER.match(text, nxt.end(), limit) if nxt else None
            if after and _is_number_word(after.group("word")):
                break  # "killing two people and injuring dozens": "and" joins two clauses
            if (
                nxt
                and nxt.group("word").lower() not in STOP
                and (_joinable(nxt.group("word")) or _plural_ahead(text, match.end(), limit))
            ):
                words.append((word, match.start("word"), match.end("word")))
                cursor = match.end()
                continue
            break
        if lower.endswith(("'s", "’s")) and not words and is_plural(word[:-2]):
            # "Two people's remains", "40 women's shelters": what the plural owns, as
            # "three soldiers' bodies"
            words.append((word, match.start("word"), match.start("word") + len(word)))
            cursor = match.end()
            continue
        if lower in STOP or lower.endswith("'s") or lower.endswith("’s"):
            break
        words.append((word, match.start("word"), match.start("word") + len(word)))
        cursor = match.end()
        if text[cursor : cursor + 1] not in (" ",):
            break  # punctuation ends the phrase: "300 projectiles, launched"
    return _kept(text, words, pos)


_CURRENCY_SIGNS: Final = frozenset("$€£¥₹₪")  # what _CURRENCY_BEFORE can end with, or A-Z
_PERCENT_FIRST: Final = frozenset("%pP")  # "%", "per cent", "percent", "pct", "Percentage"
_MONTH_HEADS: Final = frozenset(m[:3] for m in MONTHS.split("|"))


def _month_or_of(after: str) -> bool:
    """Whether `after` (which starts with a blank) goes on with 'of' or a month's first letters,
    as _MONTH_AFTER needs."""
    head = after.lstrip()[:3].casefold()[:3]
    return head in _MONTH_HEADS or head[:2] == "of"


# The first two letters of every country and currency word _CURRENCY_AFTER knows ("us",
# "u.", "do", "eu"...), case-folded: "300 drones" starts with "dr" and skips the pattern.
_CURRENCY_HEADS: Final = frozenset(
    word[:2]
    for word in [*CURRENCY_COUNTRIES, *_CURRENCY_WORD_ALT.split("|"), *CURRENCY_SYMBOLS]
    if word[:2].isalpha() or word[:2] == "u."
)
# re's case-insensitive "i" also matches the dotted and the dotless i, which casefold keeps
_DOTTED_I: Final = str.maketrans({"\u0130": "i", "\u0131": "i"})


def _may_be_currency(after: str) -> bool:
    """Whether _CURRENCY_AFTER can match: a currency sign, or a known word's first letters.

    casefold gives each character's case-insensitive match (checked over all code points;
    the two i's are mapped first)."""
    rest = after.lstrip()
    if rest[:1] in _CURRENCY_SIGNS:
        return True
    return rest[:2].translate(_DOTTED_I).casefold()[:2] in _CURRENCY_HEADS


def describe(
    text: str, start: int, end: int, sentence_start: int, sentence_end: int, hint: str
) -> Description | None:
    """Kind, unit and counted noun of the number text[start:end]; None when it is no number."""
    before = text[max(sentence_start, start - 30) : start]
    after = text[end : min(sentence_end, end + 40)]
    raw = text[start:end]
    if hint == "time":
        # "1700 GMT", "17:00 UTC": a clock in universal time; else the local one
        zone = "UTC" if re.search(r"(?:GMT|UTC|Z)$", raw) else ""
        return Description(Kind.TIME, zone, "", "", end)
    if hint == "ordinal":
        counted = _ORDINAL_COUNT.match(text, end, sentence_end)
        if counted is not None:
            # "the fire has claimed a 101st victim": the toll now stands at 101
            noun = counted.group("noun")
            return Description(Kind.COUNT, noun, noun, singular(noun), end)
        return Description(Kind.ORDINAL, "", "", "", end)
    if hint == "share":
        # "half of the drones", "more than half": a share of a whole, never above 1
        noun, head, _ = _noun_after(text, end, sentence_end, of_only=False)
        return Description(Kind.SHARE, "share", noun, head, end, cap=1.0)
    # Cheap necessary conditions guard the patterns below ("-" before a hyphenated word, a
    # month's first three letters, "year", "age", a currency sign): most figures are plain
    # "300 projectiles" and skip them all. re's \s is str.isspace, and none of the letters
    # checked has a case-insensitive match other than its own case (casefold for months).
    hyphen = _HYPHEN_WORD.match(after) if after[:1] == "-" else None
    if hyphen and singular(hyphen.group("word")) in CURRENCY_WORDS:  # "a 12-cent dividend"
        code = CURRENCY_WORDS[singular(hyphen.group("word"))]
        return Description(Kind.MONEY, code, "", "", end + hyphen.end())
    if hyphen:
        compound = (raw + "-" + hyphen.group("word")).lower()
        if compound in IDIOMS or (raw.lower() == "one" and hyphen.group("word").islower()):
            return None
    # the patterns before the number are anchored at its start: search only the last chars
    tail = len(before)
    if (after[1:5].lower() == "year" and _AGE.match(after)) or (
        "age" in before[-14:].lower() and _AGED_BEFORE.search(before, max(0, tail - 14))
    ):
        return Description(Kind.AGE, "years", "", "", end)
    if (before[-1:].isspace() and _MONTH_BEFORE.search(before, max(0, tail - 16))) or (
        after[:1].isspace() and _month_or_of(after) and _MONTH_AFTER.match(after)
    ):
        return Description(Kind.DATE, "", "", "", end)
    sign = before.rstrip()[-1:]
    currency = (
        _CURRENCY_BEFORE.search(before, max(0, tail - 8))
        if sign in _CURRENCY_SIGNS or "A" <= sign <= "Z"
        else None
    )
    scale = 1.0
    if currency:
        code = CURRENCY_SYMBOLS.get(currency.group("cur").lower(), currency.group("cur"))
        money_end = end
        scale_word = re.match(r"^\s?(?:m|mn|million)\b", after, re.I)
        if raw.endswith("m"):
            scale = 1e6
        elif scale_word:
            money_end = end + scale_word.end()
            scale = 1e6
        noun, head, _ = _noun_after(text, money_end, sentence_end, of_only=True)
        prefix = len(before) - currency.start("cur")
        return Description(Kind.MONEY, code, noun, head, money_end, scale, prefix=prefix)
    money = _CURRENCY_AFTER.match(after) if _may_be_currency(after) else None
    if money and (
        not money.group("cur").lower().startswith("pound")
        or money.group("country")
        or _SCALED.search(raw)
    ):
        word = singular(" ".join(money.group("cur").split())).lower()
        code = CURRENCY_SYMBOLS.get(word) or CURRENCY_WORDS.get(word, word.upper())
        if money.group("country"):
            country = " ".join(money.group("country").split()).lower()
            code = CURRENCY_COUNTRIES.get(country, code) if "dollar" in word else code
        noun, head, _ = _noun_after(text, end + money.end(), sentence_end, of_only=True)
        return Description(Kind.MONEY, code, noun, head, end + money.end())
    percent = _PERCENT_AFTER.match(after) if after.lstrip()[:1] in _PERCENT_FIRST else None
    if percent:
        unit = "percentage points" if "point" in percent.group("unit").lower() else "%"
        noun, head, _ = _noun_after(text, end + percent.end(), sentence_end, of_only=True)
        # a percent *of* something is a share of a whole and never exceeds 100
        return Description(
            Kind.PERCENT, unit, noun, head, end + percent.end(), cap=100.0 if noun else None
        )
    if raw.endswith("m") and raw[-2:-1].isdigit():
        return Description(Kind.MEASURE, "m", "", "m", end, 1e-6)
    glued = _GLUED_DEGREES.match(after) if after[:1] in ("C", "F") and raw[-1:].isdigit() else None
    if glued is not None:  # "temperatures hit 31C", "88F in the shade"
        unit = "celsius" if glued.group() == "C" else "fahrenheit"
        return Description(Kind.MEASURE, unit, "", unit, end + 1)
    measure = _MEASURE_AFTER.match(after)
    if measure:
        unit = MEASURE_UNITS[measure.group("unit").lower()]
        if after[:1] == "m" and unit == "m" and _counts_things(text, end + 1, sentence_end):
            # "4.5m people", "2.3m homes": millions of things, never metres
            noun, head, _ = noun_phrase(text, end + 1, sentence_end)
            return Description(Kind.COUNT, noun, noun, head, end + 1, 1e6)
        millions = _MEASURE_AFTER.match(after[1:]) if after[:2] == "m " else None
        if after[:1] == "m" and unit == "m" and millions:
            # "1.2m tonnes": millions of a unit
            unit = MEASURE_UNITS[millions.group("unit").lower()]
            kind = Kind.DURATION if unit in DURATION_UNITS else Kind.MEASURE
            return Description(kind, unit, "", unit, end + 1 + millions.end(), 1e6)
        kind = Kind.DURATION if unit in DURATION_UNITS else Kind.MEASURE
        stop = end + measure.end()
        power = (measure.group("power") or "").lower()
        if power and UNIT_SIZES.get(unit, ("",))[0] == "length":
            # "12 square kilometres", "450 cubic metres": an area, a volume, never a length
            unit = f"{unit}³" if power.startswith("cubic") else f"{unit}²"
        degrees = _DEGREES_OF.match(text, stop, sentence_end) if unit == "degree" else None
        if degrees is not None:
            unit, stop = ("celsius" if degrees.group("c") else "fahrenheit"), degrees.end()
        return Description(kind, unit, "", unit, stop)
    if hyphen:
        word = hyphen.group("word")
        unit = MEASURE_UNITS.get(word.lower(), singular(word))
        if unit in DURATION_UNITS:  # "a two-day strike", "a 10-day truce"
            return Description(Kind.DURATION, unit, "", unit, end + hyphen.end())
        if word.lower() in MEASURE_UNITS:  # "a six-mile queue", "a 5-kilogram charge"
            return Description(Kind.MEASURE, unit, "", unit, end + hyphen.end())
        if word.lower() in SCALE_NAMES:  # "the 7.0-magnitude quake", "a category-4 storm"
            return Description(Kind.MEASURE, word.lower(), "", word.lower(), end + hyphen.end())
        # "a 4,800-seat arena", "a 300-bed hospital": a count of seats, of beds
        return Description(Kind.COUNT, word, word, singular(word), end + hyphen.end())
    noun, head, _ = _noun_after(text, end, sentence_end, of_only=False)
    return Description(Kind.COUNT, noun, noun, head, end)


# An ordinal of a death or a case counts them: "its 101st victim", "the 1,000th death".
_ORDINAL_COUNT: Final = re.compile(
    r"\s+(?:(?:confirmed|known|reported|recorded)\s+)?(?P<noun>victim|death|fatality|casualty"
    r"|case|body)\b",
    re.IGNORECASE,
)


# Nouns that count other things in groups: "55 sets of remains" counts remains, in sets.
CLASSIFIERS: Final = frozenset(
    """set sets pair pairs group groups bag bags box boxes batch batches kind kinds type
    types piece pieces round rounds wave waves series lot lots""".split()
)
_OF_NOUN: Final = re.compile(r"\s+of\s+(?:the\s+|these\s+|those\s+)?", re.IGNORECASE)
# Nouns that frame a figure rather than say what it counts: "the low end of the 100-to-300
# spectrum", "in the 40,000 range": the counted thing is named elsewhere in the sentence.
FRAMES: Final = frozenset(
    """range ranges spectrum bracket brackets band bands ballpark region vicinity
    neighbourhood neighborhood mark figure figures level levels estimate estimates""".split()
)
# A figure quoted on its own, its noun outside the quote: '"two hundred to 300" dead'.
_CLOSING_QUOTE: Final = re.compile(r"[\"”’']\s+(?=[A-Za-z])")


def _counts_things(text: str, pos: int, limit: int) -> bool:
    """Whether a plural noun that is no unit follows: "4.5m people" is 4.5 million people."""
    noun, head, _ = noun_phrase(text, pos, limit)
    words = noun.split()
    return bool(words) and is_plural(words[-1]) and head.lower() not in MEASURE_UNITS


# the whole's number in "N of the M X", after an owner it may have ("of the port's 4,600")
_WHOLE_NUMBER: Final = re.compile(r"(?:[^\W\d][\w-]*(?:'s|’s)\s+)?(?:\d[\d,.]*\s+)?")


def _noun_after(text: str, pos: int, limit: int, of_only: bool) -> tuple[str, str, int]:
    """The noun after a figure; with `of_only`, only the whole in "99 per cent of the X"."""
    of = _OF_THE.match(text, pos, limit)
    if of:
        pos = of.end()
        digits = _WHOLE_NUMBER.match(text, pos, limit)
        if digits:  # "none of the 170 drones", "14 of the train's 22 cars", "three of the
            # town's wells": the noun follows the whole's owner and number
            pos = digits.end()
    elif of_only:
        return "", "", pos
    elif (quote := _CLOSING_QUOTE.match(text, pos, limit)) and _opens_quote(text, pos):
        pos = quote.end()
    noun, head, end = noun_phrase(text, pos, limit)
    if noun.lower() in FRAMES:
        return "", "", pos
    if noun.lower() in CLASSIFIERS and (joint := _OF_NOUN.match(text, end, limit)):
        # "55 sets of remains": the counted noun is what the sets hold
        inner, inner_head, inner_end = noun_phrase(text, joint.end(), limit)
        if inner:
            return text[text.index(noun, pos) : inner_end], inner_head, inner_end
    return noun, head, end


def _opens_quote(text: str, pos: int) -> bool:
    """Whether the quote closing at `pos` opened within the few words before it: the
    figure alone is quoted ('spoke of "two hundred to 300" dead'), not a whole statement."""
    before = text[max(0, pos - 40) : pos]
    opened = max(before.rfind('"'), before.rfind("“"), before.rfind("‘"), before.rfind(" '"))
    return opened >= 0 and len(before[opened:].split()) <= 5
