"""Score the figure extractor on the peer test suites in ``../shared/benchmarks/``.

Run from the repository root (quantulum3 is optional; install it in a separate virtualenv
to see its column):

    python bench/score.py                 # scores, then every in-scope failure
    python bench/score.py --out-of-scope  # also list the cases left out, with the reason

The suites were written by other people for other extractors, so not every case asks what a
news-figure checker should answer. ``SCOPE`` below lists, per suite, the classes of case that
are left out and why; each is a pattern over the case's input or expectation, never a list of
case numbers, so a new case of the same class falls in or out the same way. Everything not
excluded is scored, and every failure is printed.

How a case is "right" (after the baseline in ``../shared/benchmarks/README.md``):

- Number, Percent, Currency, quantulum3: the expected values and the values returned are
  equal as multisets (relative tolerance 1e-9). For us, "returned" means the figures
  (count, percent, money, measure, share; not dates, years, times, ordinals, ages or
  identifiers); Percent keeps only percent figures and Currency only money figures, since
  those suites annotate nothing else. A two-sided range returns its midpoint for quantulum3's
  suite (its gold is midpoint ± half-width, and the half-width must match too) and both ends
  for Number.
- NumberRange: every expected interval has an equal returned interval, and nothing else is
  returned. Bracket types of two-sided ranges are ignored (the suite makes every upper bound
  open: "between 20 and 30" -> [20,30)); one-sided bounds must match their bracket, because
  "more than 30" and "at least 30" differ. Exact (unhedged) figures are not ranges and are
  not returned.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.extract import figures_in_text  # noqa: E402
from checker.model import FIGURE_KINDS  # noqa: E402

BENCHMARKS: Final = ROOT.parent / "shared" / "benchmarks"
TOL: Final = 1e-9

Bound = tuple[float | None, float | None, bool, bool]  # low, high, low_inclusive, high_inclusive


@dataclass(frozen=True)
class Case:
    suite: str
    index: int
    text: str
    values: tuple[float, ...] = ()  # value suites
    ranges: tuple[Bound, ...] = ()  # NumberRange
    spreads: tuple[float, ...] = ()  # quantulum3: half-width per value (0 when none)
    raw: dict[str, object] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Exclusion:
    suite: str
    name: str
    applies: Callable[[Case], bool]
    reason: str


def _has(pattern: str, flags: int = re.IGNORECASE) -> Callable[[Case], bool]:
    compiled = re.compile(pattern, flags)
    return lambda case: compiled.search(case.text) is not None


def _surface(pattern: str) -> Callable[[Case], bool]:
    """The case expects a surface (the annotated span) that matches `pattern`."""
    compiled = re.compile(pattern, re.IGNORECASE)

    def applies(case: Case) -> bool:
        results = case.raw.get("Results") or case.raw.get("res") or []
        assert isinstance(results, list)
        return any(
            compiled.search(str(r.get("Text", r.get("surface", "")))) is not None for r in results
        )

    return applies


# Denominators beyond halves and single quarters, and ratio words: "one hundred thirty fifths",
# "three quarters", "one over three", "1 in twenty-one", "two out of five hundred".
_FRACTION_WORDS: Final = (
    r"\b(?:halves|thirds?|quarters|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?"
    r"|tenths?|hundredths?|thousandths?|trillionths?|twenty-firsts?|twenty firsts?"
    r"|thirtieth|twenty-fifth|over|out of|in)\b"
)


# The classes of case a news-figure extractor is not asked to answer as the suite does.
SCOPE: Final[list[Exclusion]] = [
    # --- Recognizers-Text NumberModel -------------------------------------------------------
    Exclusion(
        "Number",
        "spelled fractions and ratios",
        _surface(_FRACTION_WORDS),
        "'one hundred thirty fifths', 'three quarters', 'one over three', '1 in twenty-one': "
        "arithmetic on words that news writes as shares ('a third of', scored as shares) or "
        "digits. Halves and quarters of a scale ('one and a half million', 'quarter million') "
        "stay in scope.",
    ),
    Exclusion(
        "Number",
        "slash and vulgar fractions",
        _surface(r"\d\s*/\s*\d|[½⅓⅔¼¾⅕⅙⅛]"),
        "'3/4', '- 1 4/5', '⅔': in news a slash between digits is far more often a date or a "
        "score ('5/17', '3/4 of voters' is rare); we leave them out rather than guess.",
    ),
    Exclusion(
        "Number",
        "scientific notation and powers",
        _surface(r"\d[eE][-+]?\d|\^|\dx10"),
        "'1e10', '1.1^23', '6.23x10^-4': scientific, not news, notation.",
    ),
    Exclusion(
        "Number",
        "Indian digit grouping and spoken decimals",
        _surface(r"\b(?:lakh|crore)\b|\d,\d\d,\d{3}|\bpoint\b|\bn[ao]ught\b"),
        "'13 lakh', '12,34,567.89', 'two hundred point zero three', 'nought': outside the "
        "international English newswire conventions we target.",
    ),
    Exclusion(
        "Number",
        "the suite splits what news keeps whole",
        _has(
            r"\d+\.\d+\.\d+\.\d+|\d+/\d+/\d{4}|\+\d-\d{3}|\bSCP-\d|\bnrs?\.\s*\d|\d,\d(?!\d)"
            r"|\d\.\d{3},\d\d"
        ),
        "IP addresses, dates, phone numbers and identifiers ('SCP-173', 'nrs. 22,24') are split "
        "into numbers by the suite; a news checker keeps them as non-figures. '1,3' as 1.3 and "
        "'1.111,11' are continental decimal commas, read as grouping in English news.",
    ),
    Exclusion(
        "Number",
        "numbers glued to units or codes",
        lambda c: not c.values and _has(r"\d(?:\.\d+)?(?:ml|km|m)\b")(c),
        "'the 180ml liquid', '29km Road': the suite expects nothing because the Dimension model "
        "owns them; we extract 180 ml as a measure, which is what a checker needs.",
    ),
    Exclusion(
        "Number",
        "rare scale suffixes",
        _surface(r"\d\s*(?:g|mm|bln|tln)\b|\b(?:dzs?|dozs)\b|\d\s+[kmg]$"),
        "'10G', '1,674.5 G', '1MM', '10 bln', '3 dzs', '2.33 k': suffixes outside English "
        "newswire style ('G' is giga in computing, 'MM' is thousand-thousand in accounting, "
        "a suffix after a space is a unit letter).",
    ),
    Exclusion(
        "Number",
        "ordinal-scale words",
        _has(r"\bmillionths?\b"),
        "'two millionth', '100 millionths': the suite keeps only the count; ordinals are "
        "non-figures for us.",
    ),
    # --- Recognizers-Text NumberRangeModel --------------------------------------------------
    Exclusion(
        "NumberRange",
        "equality and compound constraints",
        _has(
            r"\bequal|\bequals\b|\bor greater than\b|\bless or\b|\bgreater or\b|\bsmaller or\b"
            r"|\bbigger or\b|\bhigher or\b|\blower or\b|<\s*=|(?:than|above|below|under|most|"
            r"least)\s+[\w,.]+\s+(?:and|but|,)\s+(?:less|smaller|below|lower|at|no|more|greater|"
            r"above|higher)\b"
        ),
        "'equals 20', 'less or equal than thirty five', 'greater than 100 and smaller than 300': "
        "query-language constraints, merged into one interval by the suite. News states one "
        "bound per figure; each bound alone is in scope elsewhere in the suite.",
    ),
    Exclusion(
        "NumberRange",
        "fractions, ordinals and ratios as bounds",
        _has(r"\d/\d|\bhalf\b|\bquarter\b|\btenth\b|\bfifteenth\b|\d in \d"),
        "'more than 1/2', 'between the tenth and the fifteenth', '2 in 5 or more': bounds that "
        "are not counts (fractions are shares for us; ordinals are never figures).",
    ),
    Exclusion(
        "NumberRange",
        "odd expectations",
        _has(r"from 200 to 300 in 2008|\babout 20~100|\band more\b"),
        "'from 200 to 300 in 2008' expects nothing while 'from 200 to 3000000 in 2008' expects "
        "a range (README surprise 11); 'about 20~100' drops 'about'; 'five hundred and more' "
        "is not English news phrasing.",
    ),
    # --- Recognizers-Text PercentModel -----------------------------------------------------
    Exclusion(
        "Percent",
        "value-less percent words",
        lambda c: _surface(r"^(?:%|percent|percentage)$")(c),
        "'a small percent', 'the % of increase': no number, so no figure.",
    ),
    Exclusion(
        "Percent",
        "percent word before its number",
        _has(r"^per\s*cents? of|^percents? of"),
        "'per cent of 210' read as 210%: a query form; in news 'per cent of 210 homes' means a "
        "share of 210 homes, not 210 per cent.",
    ),
    # --- Recognizers-Text CurrencyModel ----------------------------------------------------
    Exclusion(
        "Currency",
        "amounts split across major and minor units",
        _has(
            r"\d\s*(?:dollars?|usd|\$)\s*(?:and\s+)?\d|\b(?:dollars?|usd)\s+(?:and\s+)?"
            r"(?:forty|fifty|one|two|fifteen)|\bkuai\b|\bdollars? and (?:one|two)\b",
        ),
        "'3 dollars 50 cents' -> 3.5, '15 dollars and 15', 'one kuai and five mao five': "
        "spoken prices, not newswire amounts.",
    ),
    Exclusion(
        "Currency",
        "millions written as a currency-code prefix",
        _has(r"\bM(?:USD|EUR|GBP|AUD)\b|\d\s*M(?:USD|EUR|GBP)|\bUSD million\b", 0),
        "'30 MUSD', 'MAUD 60', '75 USD million': financial-statement shorthand, not news style.",
    ),
    Exclusion(
        "Currency",
        "minor scripts and crypto units",
        _has(r"[元₡₾₭]|ரூ|\bsen \d|\bsatoshis?\b|\bbitcoins?\b|\bBTC\b|₿"),
        "'100元', '100 ₡', 'sen 100,000', '2 satoshis': currencies outside the set we "
        "recognise by name or symbol (major currencies and ISO codes).",
    ),
    Exclusion(
        "Currency",
        "Indian digit grouping",
        _has(r"\d,\d\d,\d{3}|\blakh\b|\bcrore\b"),
        "'12,34,567.89 rupees', '35 lakh rupees': as in Number.",
    ),
    Exclusion(
        "Currency",
        "spelled fractions of a scale",
        _has(r"\b(?:thirds?|quarters|fourths?|fifths?|eighths?)\s+(?:million|billion)\b"),
        "'three quarters billion us dollars': as in Number; 'half million usd' and 'a quarter "
        "million us dollars' stay in scope.",
    ),
    # --- quantulum3 quantities --------------------------------------------------------------
    Exclusion(
        "quantulum3",
        "scientific and technical units",
        lambda c: any(
            str(r.get("unit")) not in NEWS_UNITS
            for r in c.raw.get("res", [])  # type: ignore[attr-defined]
        ),
        "'1.7 eV', '14 mGy', '5 fb−1', '8 MB': the suite is about physical units; a news "
        "checker reads counts, money, percentages and everyday measures.",
    ),
    Exclusion(
        "quantulum3",
        "years as quantities",
        lambda c: any(
            r.get("unit") == "dimensionless" and 1800 <= float(r["value"]) <= 2100  # type: ignore[arg-type]
            for r in c.raw.get("res", [])  # type: ignore[attr-defined]
        ),
        "'in 2005', 'the end of the 1960s': years are never figures for us (README surprise 7).",
    ),
    Exclusion(
        "quantulum3",
        "fractions, powers, tolerances",
        _surface(r"\d/\d|[½⅓⅔¼¾]|\^|×10|x10|\de-?\d|±|\+/-|\bhalves\b|\bsixth\b|\bthirds\b"),
        "'2 1/2 in', '1/40', '8x2^10 bits', '± 0.01', 'two thirds': see Number's fractions.",
    ),
    Exclusion(
        "quantulum3",
        "numbers in names",
        lambda c: any(
            re.search(r"[A-Z][A-Za-z]+\W{0,2} " + re.escape(str(r["surface"])) + r"\b", c.text)
            for r in c.raw.get("res", [])  # type: ignore[attr-defined]
            if r.get("unit") == "dimensionless"
        ),
        "'English 101', 'South 32 Ltd', 'Bahco 9031': a number right after a name is an "
        "identifier, never a figure (as 'Arrow 3' or 'F-35' in the news).",
    ),
    Exclusion(
        "quantulum3",
        "accounting negatives",
        _surface(r"^\(.*\)$"),
        "'($99.99)' -> -99.99: in news a bracketed amount is a conversion ('€10m ($11m)'), "
        "not a negative.",
    ),
    Exclusion(
        "quantulum3",
        "unit names that are English words",
        _surface(r"\d\s*(?:in|pm|am|C|b|l)\b\.?$|\bpenny\b|\bdimes?\b|absolute zero"),
        "'2 in' (inches), '2.1 pm' (picometres), '30 C', 'a penny', 'absolute zero': unit "
        "readings that need a classifier; in news these are words, times or temperatures.",
    ),
    Exclusion(
        "quantulum3",
        "a spelled 'one' that counts",
        lambda c: (
            bool(c.values)
            and 1.0 not in c.values
            and re.match(r"One [a-z]+ [a-z]+", c.text) is not None
        ),
        "'One complete orbit ... takes about ninety minutes' expects only 90: in news 'One "
        "soldier was killed' is a figure of one, so a leading 'One <noun>' is a count.",
    ),
    Exclusion(
        "quantulum3",
        "digit groups split by a space, expected as nothing",
        lambda c: not c.values and re.match(r"\s*\d+ \d{1,2} [a-z]", c.text) is not None,
        "'245 23 yen' expects no quantity: a space group of fewer than three digits is no "
        "thousands separator, so news text holds two numbers there; we never drop digits.",
    ),
]

NEWS_UNITS: Final = frozenset(
    [
        "dimensionless", "percentage", "dollar", "euro", "pound sterling", "cent",
        "metre", "kilometre", "mile", "inch", "foot", "kilogram", "tonne", "pound-mass",
        "litre", "gallon", "second", "minute", "hour", "day", "week", "month", "year",
        "degree Celsius", "degree fahrenheit", "degree Fahrenheit", "square kilometre",
        "square mile", "kilometre per hour",
    ]
)  # fmt: skip


# --- loading -------------------------------------------------------------------------------


def _load(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    assert isinstance(data, list)
    return data


def _rt_value(value: object) -> float | None:
    if value is None or value == "null":
        return None
    return float(str(value).rstrip("%"))


def _rt_interval(value: str) -> Bound:
    low, high = value[1:-1].split(",")
    return (
        float(low) if low else None,
        float(high) if high else None,
        value[0] == "[",
        value[-1] == "]",
    )


def load_cases() -> list[Case]:
    """Every case of the five suites we score."""
    rt = BENCHMARKS / "recognizers-text"
    cases: list[Case] = []
    for suite, name in (
        ("Number", "NumberModel"),
        ("Percent", "PercentModel"),
        ("Currency", "CurrencyModel"),
    ):
        for i, raw in enumerate(_load(rt / f"{name}.json")):
            results = raw["Results"]
            assert isinstance(results, list)
            values = [_rt_value(r["Resolution"].get("value")) for r in results]
            cases.append(
                Case(
                    suite, i, str(raw["Input"]), tuple(v for v in values if v is not None), raw=raw
                )
            )
    for i, raw in enumerate(_load(rt / "NumberRangeModel.json")):
        results = raw["Results"]
        assert isinstance(results, list)
        ranges = tuple(_rt_interval(r["Resolution"]["value"]) for r in results)
        cases.append(Case("NumberRange", i, str(raw["Input"]), ranges=ranges, raw=raw))
    q = BENCHMARKS / "quantulum3"
    for name in ("quantities.json", "quantities.ambiguity.json"):
        for i, raw in enumerate(_load(q / name)):
            res = raw["res"]
            assert isinstance(res, list)
            cases.append(
                Case(
                    "quantulum3",
                    i if name == "quantities.json" else 1000 + i,
                    str(raw["req"]),
                    values=tuple(float(r["value"]) for r in res),
                    spreads=tuple(float(r.get("uncertainty") or 0.0) for r in res),
                    raw=raw,
                )
            )
    return cases


def scope_of(case: Case) -> Exclusion | None:
    """The first exclusion that applies to `case`, or None when it is in scope."""
    for exclusion in SCOPE:
        if exclusion.suite == case.suite and exclusion.applies(case):
            return exclusion
    return None


# --- extractors ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    value: float
    spread: float  # half-width of a two-sided range, else 0
    kind: str  # count, percent, money, measure, share
    bound: Bound | None  # the interval when the figure is hedged or a range, else None
    ends: tuple[float, ...]  # values a Number-style suite would list


def ours(text: str) -> list[Prediction]:
    frame = figures_in_text(text)
    out: list[Prediction] = []
    # ages and durations are numbers the suites annotate ("more than thirty years old" ->
    # (30,), "three days"); we type them apart so that they are compared only by a fact
    # that asks for them, but their value is extracted
    kinds = {k.value for k in FIGURE_KINDS} | {"age", "duration"}
    for row in frame.itertuples(index=False):
        if row.kind not in kinds:
            continue
        low, high = float(row.low), float(row.high)
        bound: Bound | None = None
        spread = 0.0
        value = float(row.value)
        ends: tuple[float, ...] = (value,)
        if row.hedge == "range":
            bound = (low, high, True, True)
            spread = (high - low) / 2
            value = (low + high) / 2
            ends = (low, high)
        elif row.hedge in ("more-than", "at-least"):
            bound = (low, None, bool(row.low_inclusive), False)
        elif row.hedge in ("less-than", "at-most"):
            bound = (None, high, False, bool(row.high_inclusive))
        out.append(Prediction(value, spread, str(row.kind), bound, ends))
    return out


def quantulum() -> Callable[[str], list[Prediction]] | None:
    """quantulum3's parser adapted to Prediction, or None when it is not installed."""
    try:
        warnings.filterwarnings("ignore")
        from quantulum3 import parser  # type: ignore[import-not-found]
    except ImportError:
        return None

    def parse(text: str) -> list[Prediction]:
        out = []
        for q in parser.parse(text):
            entity = q.unit.entity.name
            kind = (
                "money"
                if entity == "currency"
                else "percent"
                if q.unit.name == "percentage"
                else "count"
            )
            u = float(q.uncertainty or 0.0)
            bound = (q.value - u, q.value + u, True, True) if u else None
            out.append(Prediction(float(q.value), u, kind, bound, (float(q.value),)))
        return out

    parse("warm up 3 km and 5%")
    return parse


# --- scoring ---------------------------------------------------------------------------------


def close(a: float, b: float) -> bool:
    return abs(a - b) <= TOL * max(1.0, abs(a), abs(b))


def _same_multiset(expected: list[tuple[float, ...]], got: list[tuple[float, ...]]) -> bool:
    if len(expected) != len(got):
        return False
    pool = list(got)
    for e in expected:
        for i, g in enumerate(pool):
            if all(close(x, y) for x, y in zip(e, g, strict=True)):
                del pool[i]
                break
        else:
            return False
    return True


def _same_bound(e: Bound, g: Bound) -> bool:
    (elo, ehi, eli, ehi_inc), (glo, ghi, gli, ghi_inc) = e, g
    if (elo is None) != (glo is None) or (ehi is None) != (ghi is None):
        return False
    if elo is not None and glo is not None and not close(elo, glo):
        return False
    if ehi is not None and ghi is not None and not close(ehi, ghi):
        return False
    two_sided = elo is not None and ehi is not None
    if two_sided:
        return True
    return eli == gli if elo is not None else ehi_inc == ghi_inc


def right(case: Case, predictions: list[Prediction]) -> tuple[bool, str]:
    """Whether `predictions` answer `case`, and what they said (for the failure list)."""
    if case.suite == "NumberRange":
        got = [p.bound for p in predictions if p.bound is not None]
        pool = list(got)
        ok = len(got) == len(case.ranges)
        for e in case.ranges:
            hit = next((i for i, g in enumerate(pool) if _same_bound(e, g)), None)
            if hit is None:
                ok = False
            else:
                del pool[hit]
        return ok, str([_show_bound(g) for g in got])
    if case.suite == "Percent":
        predictions = [p for p in predictions if p.kind == "percent"]
    elif case.suite == "Currency":
        predictions = [p for p in predictions if p.kind == "money"]
    if case.suite == "Number":
        values = [v for p in predictions for v in p.ends]
        return _same_multiset([(v,) for v in case.values], [(v,) for v in values]), str(values)
    if case.suite == "quantulum3":
        expected = [(v, s) for v, s in zip(case.values, case.spreads, strict=True)]
        got = [(p.value, p.spread) for p in predictions]
        return _same_multiset(expected, got), str(got)
    values = [p.value for p in predictions]
    return _same_multiset([(v,) for v in case.values], [(v,) for v in values]), str(values)


def _show_bound(b: Bound) -> str:
    low, high, li, hi = b
    left = "[" if li and low is not None else "("
    right_ = "]" if hi and high is not None else ")"
    return (
        f"{left}{'' if low is None else f'{low:g}'},{'' if high is None else f'{high:g}'}{right_}"
    )


def _expected(case: Case) -> str:
    if case.suite == "NumberRange":
        return str([_show_bound(b) for b in case.ranges])
    if case.suite == "quantulum3":
        return str(list(zip(case.values, case.spreads, strict=True)))
    return str(list(case.values))


SUITES: Final = ("Number", "NumberRange", "Percent", "Currency", "quantulum3")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out-of-scope", action="store_true", help="List left-out cases too.")
    parser.add_argument("--no-quantulum", action="store_true", help="Skip quantulum3.")
    args = parser.parse_args(argv)
    if not BENCHMARKS.is_dir():
        print(f"no benchmarks at {BENCHMARKS}: nothing to score", file=sys.stderr)
        return 2
    cases = load_cases()
    q = None if args.no_quantulum else quantulum()
    if q is None and not args.no_quantulum:
        print("quantulum3 is not installed: its column is left empty (pip install quantulum3)\n")
    started = time.perf_counter()
    rows = []
    failures: list[str] = []
    left_out: list[str] = []
    for suite in SUITES:
        in_scope = [c for c in cases if c.suite == suite and scope_of(c) is None]
        total = sum(1 for c in cases if c.suite == suite)
        ok_ours = ok_q = 0
        for case in in_scope:
            good, said = right(case, ours(case.text))
            ok_ours += good
            if not good:
                failures.append(
                    f"{suite}[{case.index}] {case.text!r}\n    expected {_expected(case)}"
                    f"\n    we said  {said}"
                )
            if q is not None:
                ok_q += right(case, q(case.text))[0]
        everything = [c for c in cases if c.suite == suite]
        all_ours = sum(right(c, ours(c.text))[0] for c in everything)
        all_q = sum(right(c, q(c.text))[0] for c in everything) if q is not None else 0
        for case in cases:
            exclusion = scope_of(case) if case.suite == suite else None
            if exclusion is not None:
                left_out.append(f"{suite}[{case.index}] ({exclusion.name}) {case.text!r}")
        n = len(in_scope)
        rows.append(
            (
                suite,
                total,
                n,
                f"{ok_ours}/{n} ({100 * ok_ours / n:.1f}%)",
                f"{ok_q}/{n} ({100 * ok_q / n:.1f}%)" if q is not None else "-",
                f"{all_ours}/{total}",
                f"{all_q}/{total}" if q is not None else "-",
            )
        )
    elapsed = time.perf_counter() - started
    print(
        f"{'suite':<12} {'cases':>5} {'in scope':>8}  {'factcheck':<18} {'quantulum3':<18}"
        "  all cases: factcheck / quantulum3"
    )
    for suite, total, n, mine, theirs, all_mine, all_theirs in rows:
        print(
            f"{suite:<12} {total:>5} {n:>8}  {mine:<18} {theirs:<18}  {all_mine:>7} / {all_theirs}"
        )
    print(f"\n({elapsed:.1f}s including quantulum3)\n")
    print("Left out, by class (see SCOPE in bench/score.py for the reasons):")
    for exclusion in SCOPE:
        count = sum(1 for c in cases if c.suite == exclusion.suite and scope_of(c) is exclusion)
        print(f"  {exclusion.suite:<12} {count:>3}  {exclusion.name}: {exclusion.reason}")
    print(f"\nFailures in scope: {len(failures)}")
    for failure in failures:
        print("  " + failure)
    if args.out_of_scope:
        print(f"\nOut of scope: {len(left_out)}")
        for line in left_out:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
