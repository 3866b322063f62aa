"""Groups -> proposed Facts: ids, titles, counted nouns, context words, trends, and the
`exclude` words the real matcher shows they need.

A group becomes a fact the way a person would write it: `counts` are the heads of its nouns
as written ("people", "deaths"); `context` its sense words as written ("killed", "died"),
needed when the noun alone would also claim other figures; `window` the reach the words
were read within. A group with figures that name no noun ("hundreds are still missing")
is claimed by its context words alone, as a fact without `counts`.

Then the proposal is *run*: ``match_claims`` with every proposed fact over the corpus. A
fact that claims a figure of another group (or of another event) gets an `exclude` word
that stands near that figure and near none of its own ("2018" for "California's 2018 Camp
Fire, in which 85 people died"), and the run is repeated until no fact changes.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

import pandas as pd

from checker.files import control_character
from checker.match import assignments, hedged_interval
from checker.model import Example, ExampleResult, Fact, Figure, Kind, Location, RuleSet, Trend
from checker.suggest.cluster import Group, Weights
from checker.suggest.cues import NOT_CUE_STEMS, Item
from checker.words import stem

ROUNDS: Final = 4  # runs of the matcher to settle the exclude words
# A fact needing more exclude words than this is a poor one: the rest are left to the user.
EXCLUDE_WORDS: Final = 6
# Steps one way that make a trend of a figure that also moved the other way: a toll that
# rose at four dates and fell at one (a stated correction, a late outlet) still rises.
MAJORITY: Final = 3
# Steps between statement dates that show a figure moving (with no earlier figure quoted):
# one step could as well be two documents disagreeing.
DATED_STEPS: Final = 2
CONTEXT_WORDS: Final = 5  # the most context words a fact is proposed with
MATCH_EXAMPLES: Final = 2  # real sentences each fact must match
NO_MATCH_EXAMPLES: Final = 1  # real sentences of a neighbouring fact it must not
CANDIDATES: Final = 4  # sentences tried for each of them
QUOTE_CHARS: Final = 70  # the excerpt of a sentence in a fact's comment, either side
SUGGESTED: Final = Path("<rules suggested from the documents>")
_EXPONENT: Final = re.compile(r"\de[+-]?\d", re.IGNORECASE)
ExampleRunner = Callable[[RuleSet], tuple[ExampleResult, ...]]


@dataclass(slots=True)
class Proposal:
    """A fact in the making, with the group it was made from and why."""

    fact: Fact
    group: Group
    trend_why: str = ""  # what shows the figure moving, for the comment
    claimed: list[int] = field(default_factory=list)  # row labels the fact claims
    excluded_for: dict[str, int] = field(default_factory=dict)  # exclude word -> row
    unsure: list[int] = field(default_factory=list)  # other groups' rows it still claims
    apart: list[int] = field(default_factory=list)  # rows of groups no word tells from it

    _hull: tuple[float, float] | None = None
    _theirs: frozenset[str] | None = None

    @property
    def hull(self) -> tuple[float, float]:
        """The lowest and highest place of its group's figures on a log scale."""
        if self._hull is None:
            places = [i.place for i in self.group.items]
            self._hull = (min(places), max(places))
        return self._hull

    @property
    def theirs(self) -> frozenset[str]:
        """Every word (stem) near one of its group's figures: no exclude word may be one."""
        if self._theirs is None:
            self._theirs = frozenset(cue for i in self.group.items for cue in i.seen)
        return self._theirs


_SLUG: Final = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def _form(items: Sequence[Item], cue: str) -> str:
    """The word as the documents write it most often near the group's figures."""
    forms = Counter(i.forms[cue] for i in items if cue in i.forms)
    if not forms:
        return cue
    word, _ = min(forms.items(), key=lambda fc: (-fc[1], fc[0]))
    return (
        word if word.isupper() or (word[:1].isupper() and not word[1:].islower()) else word.lower()
    )


def _noun_forms(items: Sequence[Item]) -> list[str]:
    """The heads of the group's nouns as written ("people", "deaths"), most used first."""
    forms: Counter[str] = Counter()
    for item in items:
        if item.noun:
            last = item.noun.replace("’", "'").split()[-1].strip(",.;:'\"")
            last = re.sub(r"'s$", "", last)
            # an acronym keeps its capitals, plural or not: "UAVs", "IDPs"
            acronym = len(last) > 1 and last.rstrip("s").isupper()
            forms[last if acronym else last.lower()] += 1
    by_head: dict[str, str] = {}
    for form, _ in sorted(forms.items(), key=lambda fc: (-fc[1], fc[0])):
        by_head.setdefault(stem(form), form)
    return list(by_head.values())


def _kind_and_unit(group: Group, figures: pd.DataFrame) -> tuple[Kind, str]:
    kind, _, rest = group.block.partition(":")
    if kind == Kind.MONEY.value:
        return Kind.MONEY, rest
    if kind in (Kind.MEASURE.value, Kind.DURATION.value):
        units = Counter(str(figures.at[i.row, "unit"]) for i in group.items)
        unit, _ = min(units.items(), key=lambda uc: (-uc[1], uc[0]))
        return Kind(kind), unit
    return Kind(kind), ""


def trend(items: Sequence[Item]) -> tuple[Trend | None, str]:
    """How the group's figure moves, from what the corpus shows, and the evidence: an earlier
    figure quoted beside the current one ("down from 385"), or values that move between
    statement dates. Stated revisions ("revised down to 97") show a correction, not the
    way the figure goes."""
    ups: list[str] = []
    downs: list[str] = []
    by_sentence: dict[tuple[str, int], list[Item]] = defaultdict(list)
    for item in items:
        by_sentence[item.sentence_key].append(item)
    for group in by_sentence.values():
        group.sort(key=lambda i: i.start)
        for before, after in itertools.pairwise(group):
            earlier, current = (before, after) if before.earlier else (after, before)
            if not earlier.earlier or current.earlier or current.revision:
                continue
            step = f"{_text(earlier)} to {_text(current)}"
            if current.low > earlier.high:
                ups.append(step)
            elif current.high < earlier.low:
                downs.append(step)
    dated = sorted(
        (i for i in items if i.date and not i.earlier and not i.revision),
        key=lambda i: (i.date, i.low),
    )
    days: dict[str, list[Item]] = defaultdict(list)
    for item in dated:
        days[item.date].append(item)
    order = sorted(days)
    rises: list[str] = []
    falls: list[str] = []
    for first, second in itertools.pairwise(order):
        low = max(i.low for i in days[first])
        high = min(i.high for i in days[first])
        later_low = max(i.low for i in days[second])
        later_high = min(i.high for i in days[second])
        step = f"{_values(days[first])} on {first} to {_values(days[second])} on {second}"
        if later_low > high and min(i.low for i in days[second]) > low:
            rises.append(step)
        elif later_high < low and max(i.high for i in days[second]) < high:
            falls.append(step)
    # one step between two dates may be a disagreement; two or more steps are a trend
    if len(rises) + len(falls) >= DATED_STEPS:
        ups += rises
        downs += falls
    if not ups and not downs:
        return None, ""
    shown = "; ".join((ups if len(ups) >= len(downs) else downs)[:2])
    if len(ups) >= MAJORITY * len(downs):
        return Trend.INCREASING, f"rises: {shown}" + _against(downs, "falls")
    if len(downs) >= MAJORITY * len(ups):
        return Trend.DECREASING, f"falls: {shown}" + _against(ups, "rises")
    return Trend.ANY, f"rises ({ups[0]}) and falls ({downs[0]})"


def _against(steps: list[str], way: str) -> str:
    """The steps the other way, which the check will question."""
    if not steps:
        return ""
    return f"; {way} once or more, which the check will show ({steps[0]})"


def _text(item: Item) -> str:
    from checker.model import format_number

    return format_number(item.value)


def _values(items: Sequence[Item]) -> str:
    return "/".join(sorted({_text(i) for i in items}))


def name_parts(group: Group, kind: Kind, unit: str) -> tuple[str, str]:
    """The noun and the word of a fact's id and title ("people", "killed"): the sense word
    most often a predicate near its figures, and the noun written most often with it."""
    items = group.items

    def strength(sense: str) -> tuple[int, int]:
        return (
            -sum(1 for i in items if sense in i.verbal),
            -sum(1 for i in items if sense in i.cues),
        )

    senses = sorted(group.senses, key=strength)
    word = _form(items, senses[0]) if senses else ""
    with_word = [i for i in items if senses and senses[0] in i.cues] or list(items)
    nouns = _noun_forms(with_word) or _noun_forms(items)
    if kind is Kind.COUNT:
        noun = nouns[0] if nouns else "figures"
    elif kind is Kind.PERCENT:
        noun = "percent"
    elif kind is Kind.MONEY:
        noun = unit or "money"
    elif kind in (Kind.MEASURE, Kind.DURATION) and unit:
        noun = unit + ("s" if not unit.endswith("s") and len(unit) > 3 else "")
    else:
        noun = kind.value  # "time", "age", "ordinal"
    return noun, word


def name(proposals: Sequence[Proposal], taken: set[str], prefix: str = "") -> None:
    """Give the facts their ids and titles, in the order given, each id unique among
    `taken` (which gains them): 'people-killed', 'People killed'."""
    for proposal in proposals:
        kind, unit = proposal.fact.kind, proposal.fact.unit
        noun, word = name_parts(proposal.group, kind, unit)
        base = slug(f"{prefix}-{noun}-{word}" if prefix else f"{noun}-{word}")
        title = f"{noun} {word}".strip()
        if kind is Kind.MONEY:
            title = f"Amount {word} ({unit})" if word else f"Amount in {unit}"
        proposal.fact = replace(
            proposal.fact, id=_unique(base, taken), title=title[:1].upper() + title[1:]
        )


def draft(
    groups: Sequence[Group], figures: pd.DataFrame, weights: Weights, window: int
) -> list[Proposal]:
    """A first fact for each group, with a provisional id (`name` gives the real one)."""
    heads_of: dict[str, list[int]] = defaultdict(list)
    for g, group in enumerate(groups):
        for head in group.heads:
            heads_of[head].append(g)
    out: list[Proposal] = []
    for group in groups:
        if not group.senses and len(group.documents) > 1 and not _agree(group.items):
            # documents that share only a noun, and disagree on its value, are not shown
            # to report one fact ("the relatives of only 11", "five others")
            continue
        kind, unit = _kind_and_unit(group, figures)
        nounless = kind is Kind.COUNT and any(not i.head for i in group.items)
        counts = () if nounless or kind is not Kind.COUNT else tuple(_noun_forms(group.items))
        shared_noun = any(len(heads_of[h]) > 1 for h in group.heads)
        context = [_form(group.items, s) for s in group.senses]
        if context:
            # the group's own figures first: each needs a word of the fact near it
            context += _reaching(group, weights, CONTEXT_WORDS - len(context), context)
        if context or shared_noun or not counts:
            context += _best_cues(group, weights, CONTEXT_WORDS - len(context), context)
        if nounless and not context:
            counts = tuple(_noun_forms(group.items))  # the figures without a noun are lost
        moving, why = trend(group.items)
        fact = Fact(
            id=f"suggested-{len(out) + 1}",
            title="",
            kind=kind,
            location=Location(SUGGESTED, 1, 1),
            counts=counts,
            context=tuple(dict.fromkeys(context)),
            unit=unit,
            changes_over_time=moving,
            window=window if context else None,
        )
        out.append(Proposal(fact, group, why))
    return _distinguishable(out)


def _agree(items: Sequence[Item]) -> bool:
    """Whether one value satisfies every figure (intervals on a line: the highest lower
    bound is at most the lowest upper bound)."""
    return max(i.low for i in items) <= min(i.high for i in items)


def _signature(proposal: Proposal) -> tuple[object, ...]:
    """What the matcher tells facts apart by, before any word is added: kind, unit,
    nouns, sense words."""
    fact = proposal.fact
    return (fact.kind, fact.unit, fact.counts, tuple(sorted(proposal.group.senses)))


def _distinguishable(proposals: list[Proposal]) -> list[Proposal]:
    """Of facts the matcher could not tell apart (same kind, unit, nouns and sense words:
    groups of one sense that their values cut apart), the one from most documents; the
    others' figures become strangers it excludes where a word can, and its comment names
    them."""
    best: dict[tuple[object, ...], Proposal] = {}
    for proposal in proposals:
        key = _signature(proposal)
        held = best.get(key)
        if held is None or len(proposal.group.documents) > len(held.group.documents):
            best[key] = proposal
    out = []
    for proposal in proposals:
        kept = best[_signature(proposal)]
        if kept is proposal:
            out.append(proposal)
        else:
            kept.apart.extend(i.row for i in proposal.group.items)
    return out


def _best_cues(group: Group, weights: Weights, most: int, have: Sequence[str]) -> list[str]:
    """The group's most telling words besides its sense words: those most of its documents
    have near (two or more), a predicate counting double, rarer first."""
    documents: dict[str, set[str]] = defaultdict(set)
    verbal: Counter[str] = Counter()
    for item in group.items:
        for cue in item.cues:
            documents[cue].add(item.document)
        verbal.update(item.verbal)
    taken = {stem(w) for w in have}

    def weight(cue: str) -> float:
        return len(documents[cue]) * weights.of(cue) * (2.0 if verbal[cue] else 1.0)

    ranked = sorted(
        (
            c
            for c, docs in documents.items()
            if len(docs) >= 2
            and weights.of(c) > 0
            and c not in taken
            and not _form(group.items, c)[:1].isupper()  # a name says who or where, not what
        ),
        key=lambda c: (-weight(c), c),
    )
    return [_form(group.items, c) for c in ranked[: max(0, most)]]


def _reaching(group: Group, weights: Weights, most: int, have: Sequence[str]) -> list[str]:
    """Words for the group's figures that none of its context words stands near: each such
    figure's own most telling word (a predicate first), so the fact can claim every figure
    it was made of ("544 structures" *burned* in one document, *affected* in another, tied
    by their value)."""
    taken = {stem(w) for w in have}
    out: list[str] = []
    for item in sorted(group.items, key=lambda i: i.row):
        if len(out) >= most:
            break
        if not taken.isdisjoint(item.seen):
            continue
        ranked = sorted(
            (
                (c not in item.verbal, -weights.of(c), item.cues[c], c)
                for c in item.cues
                if weights.of(c) > 0 and not item.forms.get(c, c)[:1].isupper()
            ),
        )
        if ranked:
            cue = ranked[0][3]
            taken.add(cue)
            out.append(_form(group.items, cue))
    return out


def _unique(fact_id: str, taken: set[str]) -> str:
    fact_id = fact_id or "fact"
    out, n = fact_id, 2
    while out in taken:
        out, n = f"{fact_id}-{n}", n + 1
    taken.add(out)
    return out


@dataclass(slots=True)
class Board:
    """Which rows each proposed fact claims, and which it tied for with another fact, as
    the matcher last said; kept up to date by running it again on the sentences a change
    can touch, never on the whole corpus."""

    claimed: dict[str, set[int]]
    tied: dict[str, set[int]]

    @classmethod
    def of(cls, assigned: Iterable[tuple[int, tuple[str, ...]]]) -> Board:
        """The board of the matcher's assignments (`match.assignments`)."""
        claimed: dict[str, set[int]] = defaultdict(set)
        tied: dict[str, set[int]] = defaultdict(set)
        for row, facts in assigned:
            for fact in facts:
                (claimed if len(facts) == 1 else tied)[fact].add(row)
        return cls(claimed, tied)

    @classmethod
    def merged(cls, boards: Iterable[Board]) -> Board:
        """One board of the boards of disjoint parts of the figures."""
        claimed: dict[str, set[int]] = defaultdict(set)
        tied: dict[str, set[int]] = defaultdict(set)
        for board in boards:
            for table, part in ((claimed, board.claimed), (tied, board.tied)):
                for fact, rows in part.items():
                    table[fact] |= rows
        return cls(claimed, tied)

    @property
    def rows(self) -> set[int]:
        """Every row some fact claims."""
        return {row for rows in self.claimed.values() for row in rows}

    def touched(self, facts: Iterable[str]) -> set[int]:
        return {row for f in facts for row in (*self.claimed.get(f, ()), *self.tied.get(f, ()))}

    def update(self, rows: set[int], fresh: Board) -> None:
        """Take `fresh` (a run on `rows`) for those rows."""
        for table, new in ((self.claimed, fresh.claimed), (self.tied, fresh.tied)):
            for fact in set(table) | set(new):
                table[fact] = (table.get(fact, set()) - rows) | new.get(fact, set())


def board_of(figures: pd.DataFrame, rules: RuleSet) -> Board:
    """Which rows of `figures` each fact of `rules` claims and ties for: what settling reads
    of a run of the matcher (a run on parts of whole documents, merged, is the same)."""
    return Board.of(assignments(figures, rules))


# board_of, or one that shares the work across processes with the same result
Matcher = Callable[[pd.DataFrame, RuleSet], Board]


@dataclass(frozen=True, slots=True)
class Corpus:
    """The figures and what settling needs of them: where claims are, which rows share a
    sentence, the candidate items by row, the group each row was put in."""

    figures: pd.DataFrame
    items: dict[int, Item]
    owner: dict[int, Group]
    sentence_rows: dict[tuple[str, int], list[int]]
    sentence_of: dict[int, tuple[str, int]]  # row -> (document, sentence index)
    sentence: dict[int, str]  # row -> its sentence
    text: dict[int, str]  # row -> the figure as written
    where: dict[int, str]  # row -> 'file.md:line'
    bounds: dict[int, tuple[float, float]]  # row -> the figure's interval, as extracted
    matcher: Matcher = board_of

    @classmethod
    def of(
        cls,
        figures: pd.DataFrame,
        items: dict[int, Item],
        owner: dict[int, Group],
        matcher: Matcher = board_of,
    ) -> Corpus:
        labels = [int(label) for label in figures.index.tolist()]

        def column(name: str) -> list[str]:
            return [str(v) for v in figures[name].tolist()]

        keys = list(
            zip(
                column("document"),
                [int(i) for i in figures["sentence_index"].tolist()],
                strict=True,
            )
        )
        rows: dict[tuple[str, int], list[int]] = defaultdict(list)
        for label, key in zip(labels, keys, strict=True):
            rows[key].append(label)
        where = [
            f"{Path(path).name}:{line}"
            for path, line in zip(column("path"), column("line"), strict=True)
        ]
        return cls(
            figures,
            items,
            owner,
            dict(rows),
            dict(zip(labels, keys, strict=True)),
            dict(zip(labels, column("sentence"), strict=True)),
            dict(zip(labels, column("text"), strict=True)),
            dict(zip(labels, where, strict=True)),
            dict(
                zip(
                    labels,
                    zip(figures["low"].tolist(), figures["high"].tolist(), strict=True),
                    strict=True,
                )
            ),
            matcher,
        )

    def figure(self, row: int) -> Figure:
        found = self.figures.loc[row]
        assert isinstance(found, pd.Series)
        return Figure.from_row(found)

    def reachable(self, proposals: Sequence[Proposal]) -> set[int]:
        """The rows a proposed fact could claim: those with one of its context words near
        (a fact's `window` never reaches beyond the words items were read with), or with
        its noun when it has no context words; and every row the suggestion did not read.
        The matcher gives a word only to figures that have it near, so leaving the others
        out of a run changes no claim."""
        words = {stem(w) for p in proposals for w in p.fact.context}
        wordless = [p for p in proposals if not p.fact.context]
        heads = {h for p in wordless for h in p.group.heads}
        everything = any(not p.fact.counts for p in wordless)
        out = set()
        for row in self.sentence_of:
            item = self.items.get(row)
            if item is None or everything or item.head in heads or not words.isdisjoint(item.seen):
                out.add(row)
        return out

    def sentences(self, rows: Iterable[int]) -> set[int]:
        """Every row of the sentences the given rows stand in: the matcher gives a word to
        the nearest figure of its sentence, so they are run together."""
        return {r for row in rows for r in self.sentence_rows[self.sentence_of[row]]}


def settle(
    proposals: list[Proposal],
    corpus: Corpus,
    existing: RuleSet,
    board: Board | None = None,
    dirty: Iterable[int] = (),
) -> Board:
    """Add exclude words until no proposed fact claims (or ties for) a figure of another
    group that a word can keep out. The matcher runs once on the whole corpus (unless a
    `board` of an earlier run is given, with the `dirty` rows whose facts went away), then
    only on the sentences each change touches."""
    proposed = {id(p.group) for p in proposals}
    reachable = corpus.reachable(proposals)
    if board is None:
        board = _run(proposals, corpus, sorted(reachable), existing)
    rows = corpus.sentences(dirty)
    for _ in range(ROUNDS + 1):
        if rows:
            board.update(rows, _run(proposals, corpus, sorted(rows & reachable), existing))
        # an exclude word changes only the claims it stands near: those are run again
        changed: set[int] = set()
        for proposal in proposals:
            words = _exclude_strangers(proposal, board, corpus, proposed)
            if words:
                changed |= _near(board.touched([proposal.fact.id]), words, corpus)
        if not changed:
            break
        rows = corpus.sentences(changed)
    for proposal in proposals:
        proposal.claimed = sorted(board.claimed.get(proposal.fact.id, ()))
    return board


def _near(rows: Iterable[int], words: set[str], corpus: Corpus) -> set[int]:
    """The rows with one of the (stemmed) words near; every row the suggestion has no
    reading of."""
    return {r for r in rows if r not in corpus.items or words & corpus.items[r].seen.keys()}


def _exclude_strangers(
    proposal: Proposal, board: Board, corpus: Corpus, proposed: set[int]
) -> set[str]:
    """Give the fact an exclude word for each figure of another group it claims or ties
    for (a figure it ties for that is not its own is a stranger too); the words added, as
    stems."""
    near = sorted(
        board.claimed.get(proposal.fact.id, set()) | board.tied.get(proposal.fact.id, set())
    )
    strangers = [
        r
        for r in near
        if r in corpus.items and _stranger(corpus.items[r], proposal, corpus.owner, proposed)
    ]
    proposal.unsure = []
    added: set[str] = set()
    for row in strangers:
        word = None
        if len(proposal.fact.exclude) < EXCLUDE_WORDS:
            word = _exclude_word(corpus.items[row], proposal.theirs, proposal.fact)
        if word is None:
            proposal.unsure.append(row)
            continue
        proposal.fact = replace(
            proposal.fact,
            exclude=(*proposal.fact.exclude, word),
            window=proposal.fact.window or _window(proposal),
        )
        proposal.excluded_for[word] = row
        added.add(stem(word))
    return added


def _stranger(item: Item, proposal: Proposal, owner: dict[int, Group], proposed: set[int]) -> bool:
    """Whether a figure the fact claims belongs elsewhere: to another event, to another
    proposed fact, or to a group no fact was proposed for whose values fall outside the
    fact's own (a figure of no group, or within its values, is welcome)."""
    if item.elsewhere:
        return True
    group = owner.get(item.row)
    if group is None or group is proposal.group:
        return False
    if id(group) in proposed:
        return True
    low, high = proposal.hull
    return not low <= item.place <= high


def _window(proposal: Proposal) -> int:
    return max((max(i.cues.values(), default=0) for i in proposal.group.items), default=8) or 8


def _run(proposals: list[Proposal], corpus: Corpus, rows: list[int], existing: RuleSet) -> Board:
    """The matcher's claims of the proposed facts (beside the existing ones) on `rows`."""
    rules = RuleSet(
        (*existing.facts, *(p.fact for p in proposals)),
        existing.origin_groups,
        existing.noun_cutoff,
    )
    return corpus.matcher(corpus.figures.loc[rows], rules)


def _exclude_word(stranger: Item, theirs: frozenset[str], fact: Fact) -> str | None:
    """A word near the stranger and near none of the fact's own figures (`theirs`), as
    written: a year or number first ("2018"), then a word of the stranger's own clause,
    then a name, then the nearest."""
    context = {stem(w) for w in fact.context}
    excluded = {stem(w) for w in fact.exclude}
    options = [
        (cue, distance)
        for cue, distance in stranger.seen.items()
        if cue not in theirs
        and cue not in context
        and cue not in excluded
        and cue not in NOT_CUE_STEMS
        and (len(cue) > 1 or cue.isdigit())
        and not (cue.isdigit() and len(cue) < 4)
    ]
    if not options:
        return None

    def rank(option: tuple[str, int]) -> tuple[int, int, int, int, str]:
        cue, distance = option
        form = stranger.forms.get(cue, cue)
        number = 0 if form.isdigit() else 1
        own = 0 if cue in stranger.cues else 1
        name = 0 if form[:1].isupper() else 1
        return (number, own, name, distance, cue)

    cue, _ = min(options, key=rank)
    return stranger.forms.get(cue, cue)


def examples(
    proposals: list[Proposal], corpus: Corpus, existing: RuleSet, run_examples: ExampleRunner
) -> None:
    """Give each fact real sentences of the corpus: `match` with the interval the checker
    prints, `no_match` from the claims of a neighbouring fact; keep only those the rules,
    run as written, pass."""
    candidates: dict[str, list[Example]] = {}
    claimed_by = {row: p.fact.id for p in proposals for row in p.claimed}
    spread = {p.fact.id: _spread(p.claimed, corpus)[: CANDIDATES * 2] for p in proposals}
    for proposal in proposals:
        fact = proposal.fact
        found: list[Example] = []
        seen: set[str] = set()
        for row in spread[fact.id]:
            text = _example_text(corpus.sentence[row])
            if text in seen or control_character(text) is not None:
                continue
            seen.add(text)
            interval = str(hedged_interval(corpus.figure(row), fact))
            # a bound the report writes with an exponent (1e+258) is no interval a rules
            # file takes: the example then says only that the sentence matches
            found.append(Example(text, True, "" if _EXPONENT.search(interval) else interval))
            if len(found) >= CANDIDATES:
                break
        others = 0
        for row in _neighbour_rows(proposal, proposals, claimed_by, corpus, spread):
            text = _example_text(corpus.sentence[row])
            if text in seen or control_character(text) is not None:
                continue
            seen.add(text)
            found.append(Example(text, False))
            others += 1
            if others >= CANDIDATES:
                break
        candidates[fact.id] = found
    trial = RuleSet(
        (
            *existing.facts,
            *(replace(p.fact, examples=tuple(candidates[p.fact.id])) for p in proposals),
        ),
        existing.origin_groups,
        existing.noun_cutoff,
    )
    passed: dict[tuple[str, str, bool], bool] = {
        (r.fact_id, r.example.text, r.example.match): r.passed for r in run_examples(trial)
    }
    for proposal in proposals:
        kept: list[Example] = []
        matches = no_matches = 0
        for example in candidates[proposal.fact.id]:
            if not passed.get((proposal.fact.id, example.text, example.match), False):
                continue
            if example.match and matches < MATCH_EXAMPLES:
                kept.append(example)
                matches += 1
            elif not example.match and no_matches < NO_MATCH_EXAMPLES:
                kept.append(example)
                no_matches += 1
        proposal.fact = replace(proposal.fact, examples=tuple(kept))


def _example_text(sentence: str) -> str:
    return " ".join(sentence.split())


def _spread(rows: Sequence[int], corpus: Corpus) -> list[int]:
    """Rows in an order that visits each document before any second figure of one, the
    shortest sentence of each document first."""
    by_document: dict[str, list[int]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (len(corpus.sentence[r]), r)):
        by_document[corpus.sentence_of[row][0]].append(row)
    out: list[int] = []
    depth = 0
    while len(out) < len(rows):
        for document in sorted(by_document):
            if depth < len(by_document[document]):
                out.append(by_document[document][depth])
        depth += 1
    return out


def _neighbour_rows(
    proposal: Proposal,
    proposals: Sequence[Proposal],
    claimed_by: dict[int, str],
    corpus: Corpus,
    spread: dict[str, list[int]],
) -> Iterable[int]:
    """Claims of the facts nearest this one (same kind and noun first, then same kind) in
    sentences where this fact claims nothing, a few of each."""
    own_sentences = {corpus.sentence_of[r] for r in proposal.claimed}
    heads = set(proposal.group.heads)

    def nearness(other: Proposal) -> tuple[int, str]:
        same_block = other.group.block == proposal.group.block
        same_noun = bool(heads & set(other.group.heads))
        return (0 if same_noun else 1 if same_block else 2, other.fact.id)

    for other in sorted((p for p in proposals if p is not proposal), key=nearness):
        for row in spread[other.fact.id][:CANDIDATES]:
            if (
                corpus.sentence_of[row] not in own_sentences
                and claimed_by.get(row) == other.fact.id
            ):
                yield row
