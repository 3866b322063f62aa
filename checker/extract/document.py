"""Documents -> the figures DataFrame: the extraction of one batch of documents.

See ``checker.extract`` for the stages; this module runs them on each document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from checker.extract.counted import Previous, count_or_measure, elides, restates
from checker.extract.hedges import (
    clock_interval,
    hedge_after,
    hedge_before,
    hedge_interval,
)
from checker.extract.lexicon import TIME_WORDS
from checker.extract.numbers import Mention, scan_numbers
from checker.extract.ranges import join_range
from checker.extract.speakers import Speakers
from checker.extract.statement import CHANGE_TO, read_statement
from checker.extract.units import STOP, Description, describe, is_plural
from checker.model import (
    DEFAULT_HEDGES,
    FIGURE_COLUMNS,
    Document,
    Hedges,
    Interval,
    Kind,
    empty_figures,
)

if TYPE_CHECKING:  # pandas is imported where a frame is made: a run whose every document
    import pandas as pd  # is cached never pays for it

__all__ = ["extract_figures", "figures_in_text", "sentence_spans"]

_ABBREVIATIONS: Final = frozenset(
    """mr mrs ms dr prof gen brig adm lt col maj capt sgt cpl rep sen gov pres st jr sr no nos
    vs etc inc corp co ltd dept est approx fig al rev hon mt ft jan feb mar apr jun jul aug
    sep sept oct nov dec""".split()
)
_BOUNDARY: Final = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]*[A-Z0-9])")
_SKIP_SPANS: Final = re.compile(
    r"""https?://\S+|www\.\S+                          # numbers inside URLs
      |\S+@\S+\.\w+                                    # e-mail addresses
      |\b\d{4}-\d{1,2}(?:-\d{1,2})?\b                  # 1995-01, 2024-04-14
      |\b\d{1,2}/\d{1,2}/\d{2,4}\b                     # 5/17/2018
      |(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b   # phone numbers
      |\+\d{1,3}(?:[\s.-]\d{2,4}){2,4}\b               # "+1-222-2222-2222"
      |\b\d+/\d+\b                                      # "24/7", "9/11", "1/0": not counts
      |\b\d+(?:\.\d+){2,}\b                            # versions and IP addresses
    """,
    re.VERBOSE,
)
_TOKEN_REST: Final = re.compile(r"\S*")
_LETTERED: Final = re.compile(r"\d{1,3}[KMBT]")
# A phone number in groups: an international "+44 20 7946 0321" or a trunk "0800 555 0199"
_PHONE: Final = re.compile(
    r"(?<![\w.,+])(?:\+\d{1,3}(?:[\s.-]\(?\d{1,4}\)?){2,5}|\(?0\d{2,4}\)?(?:[\s-]\d{3,4}){2})"
    r"(?![\w,.]?\d)"
)
_PHONE_HINT: Final = re.compile(r"\+\d|(?<![\d.,])0\d{2,4}[\s-]\d")
# characters without which a token cannot be a URL, e-mail, date, phone or version number
_SUSPECT: Final = re.compile(r"[/@:+=?&%_()-]|\.\S*\.|www", re.IGNORECASE)
# "U.S." or "a.m." before a full stop: initials, not the end of a sentence
_DOTTED: Final = re.compile(r"(?<![A-Za-z])[A-Za-z]\.$")
# A blank line ends a paragraph; a single line break inside one is wrapping: "more than\n300"
# (runs of [^\n] at a time, not one character per repetition: eight times faster, same spans)
_PARAGRAPH: Final = re.compile(r"\S(?:[^\n]+|\n(?![ \t]*\n))*")
_LAST_WORD: Final = re.compile(r"([A-Za-z]+)\W*$")  # the word before a sentence boundary
_CLOCK_END: Final = re.compile(r"\d\s?[ap]\.m\.$", re.IGNORECASE)  # "2 a.m." ending a sentence
_FIRST_WORD: Final = re.compile(r"[\"“‘'(\[]*([A-Za-z]+)")
_ANY_WORD_OR_DIGIT: Final = re.compile(r"\w")
_AFTER_CHARS: Final = 16  # " or greater" is the longest hedge after a number
_OF_AFTER: Final = re.compile(r"\s+of\b")
_SKIP_KIND: Final = re.compile(r"^(?:\d{4}-|\d{1,2}/)")
_IDENT_BEFORE: Final = re.compile(r"(?:\b(?P<name>[A-Z][A-Za-z]*)\s|[A-Za-z]-|#|\bNo\.\s?)$")
_DETERMINERS: Final = frozenset(
    ["the", "which", "this", "that", "each", "every", "any", "no", "someone", "anyone"]
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a paragraph break always ends one; 'Adm.' never does."""
    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        start = para.start()
        para_end = start + len(para.group().rstrip())
        for boundary in _BOUNDARY.finditer(text, start, para_end):
            word = _LAST_WORD.search(text[max(start, boundary.start() - 12) : boundary.start() + 1])
            prev = word.group(1).lower() if word else ""
            dotted = _DOTTED.search(text, max(start, boundary.start() - 1), boundary.start() + 1)
            if (prev in _ABBREVIATIONS or dotted or len(prev) == 1) and not _ends_on_clock(
                text, start, boundary
            ):
                continue
            end = boundary.start() + len(boundary.group().rstrip())
            spans.append((start, end))
            start = boundary.end()
        if start < para_end:
            spans.append((start, para_end))
    return spans


def _ends_on_clock(text: str, start: int, boundary: re.Match[str]) -> bool:
    """Whether a boundary after "a.m."/"p.m." ends its sentence: "…at about 2 a.m. Mine
    operator Kora Minerals says 37", but not "at 2 p.m. Monday" or "4 p.m. GMT"."""
    if _CLOCK_END.search(text, max(start, boundary.start() - 8), boundary.start() + 1) is None:
        return False
    following = _FIRST_WORD.match(text, boundary.end())
    if following is None:
        return False
    word = following.group(1)
    return word.lower() not in TIME_WORDS and not word.isupper()


class _Rows:
    """Rows as tuples in ``FIGURE_COLUMNS`` order, turned into one DataFrame at the end.

    A tuple per figure, transposed once per batch: a keyword dict and 23 appends per figure
    cost about a tenth of the per-figure time (bench/speed.py).
    """

    def __init__(self) -> None:
        self.rows: list[tuple[object, ...]] = []

    def add(self, *values: object) -> None:
        self.rows.append(values)

    def frame(self) -> pd.DataFrame:
        if not self.rows:
            return empty_figures()
        import pandas as pd

        columns = dict(zip(FIGURE_COLUMNS, map(list, zip(*self.rows, strict=True)), strict=True))
        return pd.DataFrame(columns).astype(FIGURE_COLUMNS)


def extract_figures(documents: Iterable[Document], hedges: Hedges = DEFAULT_HEDGES) -> pd.DataFrame:
    """Every number in every document, one row each, figures and non-figures alike."""
    rows = _Rows()
    for document in documents:
        _extract_document(document, rows, hedges)
    return rows.frame()


def figures_in_text(text: str, hedges: Hedges = DEFAULT_HEDGES) -> pd.DataFrame:
    """The figures of a bare string, as if it were a one-line document (tests, rule examples)."""
    from pathlib import Path

    return extract_figures([Document(id="text", path=Path("<text>"), text=text)], hedges)


def _skip_piece(text: str, start: int) -> str | None:
    """The URL, e-mail, date, phone or version number around `start`, if it lies in one.

    Only a token with a character such a piece needs ("/", "@", "-", two dots…) is checked,
    on a small window: the check costs nothing for "300 projectiles".
    """
    lo = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    hi = start + len(_TOKEN_REST.match(text, start).group())  # type: ignore[union-attr]
    if _SUSPECT.search(text, lo, hi) is None:
        return None
    if "://" in text[lo:hi] or text.startswith("www.", lo):
        return text[lo:hi]  # a URL of any length: "…%20and%20volume%2872%29…"
    for match in _SKIP_SPANS.finditer(text, max(0, lo - 8), min(len(text), hi + 16)):
        if match.start() <= start < match.end():
            return match.group()
    return None


def _extract_document(document: Document, rows: _Rows, hedges: Hedges) -> None:
    text = document.text
    if _ANY_WORD_OR_DIGIT.search(text) is None:
        return  # nothing a number could be written with
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    sentences = sentence_spans(text)
    sentence_starts = [s for s, _ in sentences]
    mentions = list(scan_numbers(text))
    # phone numbers written with spaces ("0800 555 0199", "+44 20 7946 0321"): their groups
    # have no character the per-token check looks for
    phones = (
        [(m.start(), m.end()) for m in _PHONE.finditer(text)] if _PHONE_HINT.search(text) else []
    )
    speakers: Speakers | None = None
    sentence_texts: dict[int, str] = {}  # one string per sentence, shared by its figures
    path = document.path.as_posix()
    source = document.source
    previous: Previous | None = None  # the last figure read, for one that restates it
    named: Previous | None = None  # the last count with a noun, for "put the number at"
    two_named = -1  # the last sentence that counts two different things
    i = 0
    while i < len(mentions):
        mention = mentions[i]
        i += 1
        index = bisect.bisect_right(sentence_starts, mention.start) - 1
        if index < 0:
            continue
        s_start, s_end = sentences[index]
        if phones and any(lo <= mention.start < hi for lo, hi in phones):
            continue
        skip_kind: Kind | None = None
        piece = _skip_piece(text, mention.start)
        if piece is not None:
            if _SKIP_KIND.match(piece):
                skip_kind = Kind.DATE
            else:
                continue
        start, end, value, high = mention.start, mention.end, mention.value, None
        hedge = "vague" if mention.vague else "exact"
        if mention.vague:
            high = mention.vague[1]
        # two-sided ranges: "between 30 and 40", "1000-5000", "from 6 to 7 p.m."
        nxt = mentions[i] if i < len(mentions) else None
        hint = mention.hint
        joined = join_range(text, mention, nxt, s_start, s_end) if nxt is not None else None
        if joined is not None:
            start, value, high, end, hint, hedge = (
                joined.start,
                joined.low,
                joined.high,
                joined.end,
                joined.hint,
                "range",
            )
            i += 1
        as_ratio = _ratio(text, mention, nxt) if joined is None and nxt is not None else None
        ratio: float | None = None
        if as_ratio is not None:  # "one in five residents": a share, 0.2
            ratio, end = as_ratio
            i += 1
        description = describe(text, mention.start, end, s_start, s_end, hint)
        if description is None:
            continue
        kind = skip_kind or description.kind
        value *= description.scale
        if high is not None:
            high *= description.scale
        if ratio is not None and kind is Kind.COUNT:
            kind, value = Kind.SHARE, ratio
        if start == mention.start:
            start -= description.prefix  # "€1.5 billion" is written with its currency sign
        text_start = start
        if hedge == "exact":
            window = text[max(s_start, start - 30) : start]
            hedge, length = hedge_before(window)
            text_start = start - length
            following = text[description.end : min(s_end, description.end + _AFTER_CHARS)]
            if hedge == "about" and hedge_after(following)[0] in ("at-least", "at-most"):
                # "about five hundred or more": the bound is what the sentence asserts
                hedge, text_start = "exact", start
            if (
                hedge == "at-most"
                and text[text_start:start].lower().startswith("up")
                and CHANGE_TO.search(text[max(s_start, text_start - 24) : text_start])
            ):
                # "has gone up to 187": a change that reached 187, not at most 187
                hedge, text_start = "exact", start
            if hedge == "exact":
                hedge, length = hedge_after(following)
                figure_end = description.end + length
            else:
                figure_end = description.end
        else:
            figure_end = description.end
        refined = _refine_kind(text, mention, kind, description, hedge, s_start)
        if refined is None:
            continue
        kind = refined
        if kind is Kind.COUNT:
            restated = (
                previous
                if previous is not None
                and previous.sentence == index
                and (
                    restates(text[previous.end : text_start], previous.noun)
                    or elides(
                        text[previous.end : text_start], text[figure_end:s_end], previous.noun
                    )
                )
                else None
            )
            kind, description = count_or_measure(
                text, mention, description, s_start, value, restated
            )
            if (
                kind is Kind.COUNT
                and not description.noun
                and named is not None
                and index - named.sentence <= 1
                and named.sentence != two_named
                and _AMOUNT_OF_BEFORE.search(text, max(s_start, text_start - 64), text_start)
                and "\n\n" not in text[named.end : text_start]
            ):
                # "The union counted 4,000 strikers. The port put the number at 3,100.": the
                # amount a sentence names bare is of what the sentence before counted
                description = replace(
                    description, unit=named.unit, noun=named.noun, head=named.head
                )
        if kind is Kind.COUNT and description.noun:
            if named is not None and named.sentence == index and named.head != description.head:
                two_named = index  # "300 marchers and 12 arrests": which is "the number"?
            named = Previous(
                index, figure_end, description.noun, description.head, description.unit
            )
        if kind is Kind.COUNT:
            previous = Previous(
                index, figure_end, description.noun, description.head, description.unit
            )
        elif kind is not Kind.ORDINAL:
            previous = None  # an ordinal between ("the 45th marathon") is no figure of its own
        if index not in sentence_texts:
            sentence_texts[index] = text[s_start:s_end]
        if speakers is None:
            paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
            speakers = Speakers(text, sentences, paragraphs)
        speaker = speakers.speaker(index, text_start, figure_end)
        said = read_statement(
            sentence_texts[index],
            text_start - s_start,
            figure_end - s_start,
            document.published,
            bool(speakers.sentence_cues(index)),
        )
        interval = (
            clock_interval(value, hedge, high)
            if kind is Kind.TIME
            else hedge_interval(value, hedge, hedges, high, kind is Kind.PERCENT)
        )
        if description.cap is not None and interval.high > description.cap:
            interval = Interval(interval.low, description.cap, interval.low_inclusive, True)
        line_no = bisect.bisect_right(line_starts, text_start) - 1
        rows.add(  # in FIGURE_COLUMNS order
            document.id,
            path,
            document.outlet,
            source,
            document.published,
            line_no + document.body_line,
            text_start - line_starts[line_no] + 1,
            text_start,
            figure_end,
            " ".join(text[text_start:figure_end].split()),
            value,
            interval.low,
            interval.high,
            interval.low_inclusive,
            interval.high_inclusive,
            hedge,
            kind.value,
            description.unit,
            description.noun,
            description.head,
            speaker.name if speaker else "",
            speaker.role if speaker else "",
            speaker.relay if speaker else "",
            said.modality,
            said.earlier,
            said.stated,
            said.dated,
            said.revision,
            sentence_texts[index],
            s_start,
            index,
        )


# Just before a bare count: a definite amount word ("put the number at", "the figure was",
# "the total rose to"), which stands for what was counted before
_AMOUNT_OF_BEFORE: Final = re.compile(
    r"\b(?:the|that|this|its|their|his|her)\s+(?:(?:new|latest|revised|official|final|overall"
    r"|true|real|actual|own)\s+)?(?:figure|number|total|tally|count|estimate)\s+"
    r"(?:at|to|as|is|was|stood\s+at|stands\s+at|reached|rose\s+to|fell\s+to)\s+$",
    re.IGNORECASE,
)
# A personal name and a comma just before a bare number between commas: the person's age
_NAME_BEFORE_AGE: Final = re.compile(r"\b(?P<first>[A-Z][a-z'’-]+)\s[A-Z][a-z'’-]+,\s$")
# ... that is no place: "in Maui County, 115," is the county's figure
_PLACE_BEFORE: Final = re.compile(r"\b(?:in|at|of|from|near|across|to)\s+$", re.IGNORECASE)
# "one in five", "three out of every ten": a share written as a ratio of two counts
_RATIO_JOINT: Final = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", re.IGNORECASE)


def _ratio(text: str, mention: Mention, nxt: Mention) -> tuple[float, int] | None:
    """The share `mention` 'in' `nxt` make ("one in five": 0.2) and where it ends, or None."""
    if mention.vague or nxt.vague or mention.hint or nxt.hint:
        return None
    joint = _RATIO_JOINT.fullmatch(text, mention.end, nxt.start)
    if joint is None or not 0 < mention.value < nxt.value:
        return None
    if not (float(mention.value).is_integer() and float(nxt.value).is_integer()):
        return None
    if 1800 <= nxt.value <= 2100 and not nxt.words and not nxt.separators:
        return None  # "won 3 in 2024": a year
    return mention.value / nxt.value, nxt.end


def _refine_kind(
    text: str, mention: Mention, kind: Kind, description: Description, hedge: str, s_start: int
) -> Kind | None:
    """Years, identifiers and the pronoun 'one' look like counts; tell them apart."""
    if (
        kind is Kind.MEASURE
        and description.unit in ("celsius", "fahrenheit")
        and text[mention.end : mention.end + 1] in ("C", "F")
        and (ident := _IDENT_BEFORE.search(text, max(s_start, mention.start - 20), mention.start))
        and (ident.group("name") is None or ident.group("name").lower() not in STOP)
    ):
        return Kind.IDENTIFIER  # "Seat 31C", "Room 12F": a name, not a temperature
    if kind is not Kind.COUNT:
        return kind
    raw = text[mention.start : mention.end]
    before = text[max(s_start, mention.start - 20) : mention.start]
    digits_only = raw.isdigit()
    if (
        digits_only
        and len(raw) == 4
        and 1800 <= mention.value <= 2100
        and hedge == "exact"
        and not (description.noun and is_plural(description.head))
    ):
        return Kind.YEAR  # "In 2021, after the signing"
    if digits_only and hedge == "exact" and mention.start > s_start:
        ident = _IDENT_BEFORE.search(before)
        if ident and (ident.group("name") is None or ident.group("name").lower() not in STOP):
            return Kind.IDENTIFIER  # "an Arrow 3 battery", "F-35", "No. 5"
    if (
        digits_only
        and hedge == "exact"
        and not description.noun
        and 0 < mention.value <= 120
        and (wider := text[max(s_start, mention.start - 48) : mention.start])
        and (name := _NAME_BEFORE_AGE.search(wider)) is not None
        and name.group("first").lower() not in STOP
        and not _PLACE_BEFORE.search(wider, 0, name.start())
        and text[mention.end : mention.end + 1] in (",", ".", ";")
    ):
        return Kind.AGE  # "Hal Brenner, 66, said", "its president, Ana Ruiz, 58,"
    if _LETTERED.fullmatch(raw) and not description.noun:
        return Kind.IDENTIFIER  # "clinic 4B", "gate 12K": a name ("$4B" is money, "1.2b in
        # reserves" an amount)
    if raw.lower() == "one" and _OF_AFTER.match(text, mention.end):
        return None  # "one of the most dramatic nights", "one of the best"
    if raw.lower() == "one":
        prev = re.search(r"(\w+)\W*$", before)
        if not description.noun or (prev and prev.group(1).lower() in _DETERMINERS):
            return None  # "one of the most dramatic nights", "which one do you prefer"
    return kind
