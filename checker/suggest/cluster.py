"""Items -> Groups: the figures of a corpus gathered into candidate facts.

Never all pairs of figures: items are first blocked by what they can be compared with (kind,
currency or dimension) and their counted noun's head, then each block is split by its
*sense words* and by its values, and only then are the senses of different nouns merged.

1. **Sense words.** In a block ("people"), a cue is a sense word when figures of two or
   more documents have it near and it is not one of the corpus's topic words (in a quarter
   or more of the sentences that hold figures: "fire", "Maui"). Each figure takes the sense
   word that most documents of the block share, a predicate ("killed", "missing") counting
   double and rarer words more (inverse sentence frequency). "Figures of one noun that
   differ by verb" — 93 people *killed*, 850 people *missing* — are separate senses.
2. **Values.** A document does not contradict itself within one sense: two figures of one
   document with no common value (and neither quoted as an earlier figure nor a stated
   revision) are two facts, so the sense is cut where its values are furthest apart ("2,170
   acres" burned in Lahaina, "678 acres" burned in Kula).
3. **Merging.** Two senses of one block class are one fact when documents give the same
   specific value (two significant digits or more: 93, 850, 2,207) in both, and they share
   their noun, their sense word (or a predicate every figure of both has near), or a second
   such value: "93 people killed" and "93 people have died"; "340 homes" and "340 houses"
   damaged; "850 people unaccounted for" and "850 people missing"; "drones" and "UAVs"
   launched 170 times.
4. **Figures without a noun** ("hundreds are still missing", "down from 385") join the one
   fact whose sense word they have near; none when two facts could take them.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Final

from rapidfuzz import fuzz

from checker.suggest.cues import Item, specific
from checker.suggest.unions import Unions

# A word in this share of the sentences holding figures is what the corpus is about, not
# what tells its facts apart ("fire" in a corpus about a fire).
TOPIC_SHARE: Final = 0.25
TOPIC_MIN_SENTENCES: Final = 5  # ... and in at least this many: a small corpus repeats words
VERB_WEIGHT: Final = 2.0  # a predicate says what happened to what is counted
# Documents that write one shared value, across two groups, for it to merge them alone.
SHARED_DOCUMENTS: Final = 3
NOUN_SIMILARITY: Final = 85.0  # rapidfuzz ratio of two heads that are one noun spelled two ways
MAGNITUDE: Final = math.log(10)  # the widest gap a noun alone ties figures across
ADOPT_DOCUMENTS: Final = 3  # a group of this many documents takes other nouns' figures


@dataclass(slots=True)
class Group:
    """Items that the suggestion takes for one fact."""

    block: str  # 'count', 'percent', 'money:USD', 'measure:area'
    items: list[Item]
    senses: list[str] = field(default_factory=list)  # sense words (stems), strongest first
    heads: list[str] = field(default_factory=list)  # heads of its counted nouns, most first
    # figures no sense of their noun took: kept only if merging gives them to a fact
    leftover: bool = False

    @property
    def documents(self) -> list[str]:
        return sorted({i.document for i in self.items})


@dataclass(frozen=True, slots=True)
class Weights:
    """How telling each cue is: its inverse sentence frequency; topic words weigh 0."""

    idf: dict[str, float]

    def of(self, cue: str) -> float:
        return self.idf.get(cue, 0.0)


def weigh(counted: Counter[str], total: int) -> Weights:
    """Inverse sentence frequency of every stem over the corpus's sentences, from the
    number of sentences each stem stands in (`counted`) and of all sentences (`total`)."""
    idf: dict[str, float] = {}
    for cue, n in counted.items():
        topic = n >= TOPIC_MIN_SENTENCES and n >= TOPIC_SHARE * total
        idf[cue] = 0.0 if topic else math.log((total + 1) / n)
    return Weights(idf)


def _overlap(a: Item, b: Item) -> bool:
    return a.low <= b.high and b.low <= a.high


def _sense_words(block: list[Item], weights: Weights) -> dict[str, float]:
    """Cue -> weight, for the cues figures of two or more documents of the block have."""
    documents: dict[str, set[str]] = defaultdict(set)
    for item in block:
        for cue in item.cues:
            documents[cue].add(item.document)
    return {
        cue: len(docs) * weights.of(cue)
        for cue, docs in documents.items()
        if len(docs) >= 2 and weights.of(cue) > 0
    }


def _sense(item: Item, words: dict[str, float]) -> str | None:
    """The item's strongest sense word: most weight, a predicate counting double, then the
    nearest, then alphabetical."""
    found = [
        (-(words[c] * (VERB_WEIGHT if c in item.verbal else 1.0)), item.cues[c], c)
        for c in item.cues
        if c in words
    ]
    return min(found)[2] if found else None


def split_senses(block: list[Item], weights: Weights) -> list[Group]:
    """One block (one kind and noun) -> its senses (see the module docstring, step 1).

    A sense whose word is no predicate ("wildfire", "toll") joins a sense its values fall
    within, unless one document gives figures of both that cannot both be true: "99
    deaths … the wildfire" is the toll that "the toll stood at 93" gives. Items with no
    sense word join the one sense whose specific value they share; the block is one sense
    ('') when no sense word exists."""
    words = _sense_words(block, weights)
    senses: dict[str, list[Item]] = defaultdict(list)
    loose: list[Item] = []
    for item in block:
        sense = _sense(item, words)
        if sense is None:
            loose.append(item)
        else:
            senses[sense].append(item)
    if not senses:
        return [Group(block[0].block, list(block), [])]
    # figures of a sense word keep it; a figure without one joins the one sense whose
    # specific value it shares (another document's "544 structures")
    groups = [Group(items[0].block, items, [sense]) for sense, items in sorted(senses.items())]
    if block[0].head:
        # one noun says the senses may be one thing; a percent or an amount says nothing
        groups = _absorb(groups)
    # the groups that write each specific value, and in which documents: looked up, never
    # compared with every figure of every group
    writers: dict[tuple[str, float], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))

    def index(item: Item, g: int) -> None:
        key = _value_key(item)
        if key is not None:
            writers[key][g].add(item.document)

    for g, group in enumerate(groups):
        for member in group.items:
            index(member, g)
    left: list[Item] = []
    for item in loose:
        key = _value_key(item)
        found = writers.get(key, {}) if key is not None else {}
        joined = [g for g, documents in found.items() if documents - {item.document}]
        if len(joined) == 1:
            groups[joined[0]].items.append(item)
            index(item, joined[0])
        else:
            left.append(item)
    if left:
        # figures no sense of their own noun takes ("340 houses were damaged" where the
        # houses' one sense is 'destroyed') stay a group of their own: merging may give
        # them to another noun's fact that writes their value with their verb
        groups.append(Group(left[0].block, left, [], leftover=True))
    return groups


def _predicate(group: Group) -> bool:
    """Whether the group's sense word reads as a predicate in most of its figures."""
    sense = group.senses[0] if group.senses else ""
    return 2 * sum(1 for i in group.items if sense in i.verbal) >= len(group.items)


def _absorb(groups: list[Group]) -> list[Group]:
    """Senses whose word is no predicate join the largest sense of the block whose values
    they fall within and from which no document tells them apart."""
    ordered = sorted(groups, key=lambda g: (-len({i.document for i in g.items}), g.senses))
    kept: list[Group] = []
    for group in ordered:
        host = None
        if not _predicate(group):
            low, high = _hull(group)
            host = next(
                (
                    k
                    for k in kept
                    if _hull(k)[0] <= low
                    and high <= _hull(k)[1]
                    and not _distinct(k.items, group.items)
                ),
                None,
            )
        if host is None:
            kept.append(group)
        else:
            host.items.extend(group.items)
    return kept


def _hull(group: Group) -> tuple[float, float]:
    """The lowest and highest place of the group's figures on a log scale."""
    places = [position(i) for i in group.items]
    return min(places), max(places)


def _distinct(a: list[Item], b: list[Item]) -> bool:
    """Whether one document gives a figure of each that cannot both be true (neither an
    earlier figure quoted again): then they are two facts."""
    by_document: dict[str, list[Item]] = defaultdict(list)
    for x in a:
        if not x.earlier:
            by_document[x.document].append(x)
    return any(
        not _overlap(x, y) for y in b if not y.earlier for x in by_document.get(y.document, ())
    )


def _value_key(item: Item) -> tuple[str, float] | None:
    """The specific value a figure writes, with its kind: two documents writing one ("at
    least 115" and "115") as one kind of figure ("a fourth" is a share, not the percent
    "25 percent") tie their figures; None for a value too common to tie anything."""
    value = item.written
    if value is None or not specific(value):
        return None
    return (item.kind, round(value, 6))


def _clash(a: Item, b: Item) -> bool:
    """Two current figures of one document that cannot both be true, unless two speakers
    it quotes give them (a document reporting a dispute does not contradict itself)."""
    return (
        a.document == b.document
        and not _overlap(a, b)
        and not (a.origin and b.origin and a.origin != b.origin)
    )


def split_values(group: Group) -> list[Group]:
    """Cut a group where one document gives two values that cannot both be true (see the
    module docstring, step 2), between the two values furthest apart (on a log scale)
    that such a pair straddles."""
    by_document: dict[str, list[Item]] = defaultdict(list)
    for item in group.items:
        if not item.earlier and not item.revision:
            by_document[item.document].append(item)
    clashes = [
        (min(a.place, b.place), max(a.place, b.place))
        for figures in by_document.values()
        for n, a in enumerate(figures)
        for b in figures[n + 1 :]
        if _clash(a, b)
    ]
    if not clashes:
        return [group]
    lows = sorted(low for low, _ in clashes)
    highs = sorted(high for _, high in clashes)
    ordered = sorted(group.items, key=position)
    best: tuple[int, float, int] | None = None
    for cut in range(1, len(ordered)):
        below, above = ordered[cut - 1].place, ordered[cut].place
        if above <= below:
            continue
        # the clashes this cut parts: one value below it, the other at or above it
        parted = bisect.bisect_left(lows, above) - bisect.bisect_left(highs, above)
        key = (parted, above - below, -cut)
        if best is None or key > best:
            best = key
    if best is None or best[0] == 0:
        return [group]
    cut = -best[2]
    out: list[Group] = []
    for part in (ordered[:cut], ordered[cut:]):
        out.extend(
            split_values(Group(group.block, part, list(group.senses), leftover=group.leftover))
        )
    return out


def position(item: Item) -> float:
    """Where a figure sits on a log scale (see Item.place)."""
    return item.place


def merge_groups(groups: list[Group]) -> list[Group]:
    """Merge the groups of one block class that documents show to be one fact (see the
    module docstring, step 3)."""
    unions = Unions(range(len(groups)))
    shared = _shared_values(groups)
    # each group's nouns and predicates, read once: a group shares values with many others
    heads = [_heads(g) for g in groups]
    verbs = [_verbs(g) for g in groups]
    for (a, b), (values, documents) in sorted(shared.items()):
        ga, gb = groups[a], groups[b]
        same_noun = bool(set(heads[a]) & set(heads[b])) or _similar_heads(heads[a], heads[b])
        same_sense = bool(set(ga.senses) & set(gb.senses)) or bool(verbs[a] & verbs[b])
        if len(values) >= 2 or len(documents) >= SHARED_DOCUMENTS or same_noun or same_sense:
            unions.join(a, b)
    out = []
    for members in unions.sets():
        items = [item for i in members for item in groups[i].items]
        senses = [s for i in members for s in groups[i].senses]
        leftover = all(groups[i].leftover for i in members)
        if not leftover:
            out.append(Group(groups[members[0]].block, items, list(dict.fromkeys(senses))))
    return out


def _verbs(group: Group) -> set[str]:
    """The predicates its figures have near ("damaged"), that no figure of it lacks."""
    verbs = [i.verbal & set(i.cues) for i in group.items]
    return set.intersection(*verbs) if verbs else set()


def _heads(group: Group) -> list[str]:
    return sorted({i.head for i in group.items if i.head})


def _similar_heads(a: list[str], b: list[str]) -> bool:
    """Whether two groups' heads hold one noun spelled two ways."""
    return any(fuzz.ratio(x, y) >= NOUN_SIMILARITY for x in a for y in b if x != y)


def _shared_values(groups: list[Group]) -> dict[tuple[int, int], tuple[set[float], set[str]]]:
    """(group, group) -> the specific values both write, from different documents, and the
    documents that write them: figures are indexed by their written value, never compared
    in all pairs."""
    by_value: dict[tuple[str, float], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for g, group in enumerate(groups):
        for item in group.items:
            key = _value_key(item)
            if key is not None:
                by_value[key][g].add(item.document)
    out: dict[tuple[int, int], tuple[set[float], set[str]]] = {}
    for (_, value), found in by_value.items():
        ordered = sorted(found)
        for n, a in enumerate(ordered):
            for b in ordered[n + 1 :]:
                documents = found[a] | found[b]
                if len(documents) < 2:
                    continue  # one document writing it twice shows nothing
                values, seen = out.setdefault((a, b), (set(), set()))
                values.add(value)
                seen.update(documents)
    return out


def join_nounless(groups: list[Group], nounless: list[Item]) -> None:
    """Each figure without a counted noun joins the one count group whose sense word it has
    near ("hundreds are still missing" joins the missing); none when several could."""
    by_sense: dict[str, set[int]] = defaultdict(set)
    for g, group in enumerate(groups):
        if group.block == "count":
            for sense in group.senses:
                by_sense[sense].add(g)
    for item in nounless:
        fits = {g for cue in item.cues for g in by_sense.get(cue, ())}
        if len(fits) == 1:
            groups[fits.pop()].items.append(item)


def split_magnitudes(group: Group) -> list[Group]:
    """A group that only its noun ties (no sense word) holds one quantity within an order
    of magnitude: "around 10 rockets" in a salvo and "about 450 rockets" that misfired
    since October are two facts, cut where their values are furthest apart."""
    if group.senses or len(group.items) < 2:
        return [group]
    ordered = sorted(group.items, key=position)
    gaps = [
        (position(b) - position(a), n + 1) for n, (a, b) in enumerate(itertools.pairwise(ordered))
    ]
    widest, cut = max(gaps)
    if widest <= MAGNITUDE:
        return [group]
    return [
        part
        for items in (ordered[:cut], ordered[cut:])
        for part in split_magnitudes(Group(group.block, items, [], leftover=group.leftover))
    ]


def split_strangers(group: Group, weights: Weights) -> list[Group]:
    """A group that only its noun ties (no sense word) holds the documents that share a
    telling word near its figures or a specific value with one another: "Destroyers took
    out more than 80 drones" and "none of the 170 drones that Iran launched" share no word
    but the noun, so nothing shows them to be one fact. Each such set of documents is a
    group of its own (one document's figures alone are then too few to propose)."""
    documents = sorted({i.document for i in group.items})
    if group.senses or len(documents) < 2:
        return [group]
    unions = Unions(documents)
    first: dict[object, str] = {}  # a telling word or value -> the first document with it
    for item in group.items:
        keys: list[object] = [c for c in item.cues if weights.of(c) > 0]
        value = _value_key(item)
        if value is not None:
            keys.append(value)
        for key in keys:
            seen = first.setdefault(key, item.document)
            unions.join(item.document, seen)
    parts: dict[str, list[Item]] = defaultdict(list)
    for item in group.items:
        parts[unions.find(item.document)].append(item)
    if len(parts) == 1:
        return [group]
    return [replace(group, items=items) for _, items in sorted(parts.items())]


def adopt(groups: list[Group]) -> None:
    """A figure of a small group (fewer than ADOPT_DOCUMENTS documents) joins the one
    larger count group whose sense word it has near and whose values it falls within:
    "it killed more than 500 Palestinians" joins the people killed. Figures of different
    nouns with the same verb and values are one fact's."""
    large = [
        g for g in groups if g.block == "count" and g.senses and len(g.documents) >= ADOPT_DOCUMENTS
    ]
    if not large:
        return
    hulls = {id(g): (min(map(position, g.items)), max(map(position, g.items))) for g in large}
    for group in groups:
        if group.block != "count" or len(group.documents) >= ADOPT_DOCUMENTS:
            continue
        for item in list(group.items):
            if item.head.endswith("ed"):
                continue  # "300 wounded": the noun is its own predicate, not the verb near
            place = position(item)
            homes = [
                g
                for g in large
                if any(s in item.cues for s in g.senses)
                and hulls[id(g)][0] <= place <= hulls[id(g)][1]
            ]
            if len(homes) == 1:
                group.items.remove(item)
                homes[0].items.append(item)


def group_items(items: list[Item], weights: Weights) -> list[Group]:
    """Every candidate item -> the groups a rules file can propose (see the docstring)."""
    blocks: dict[tuple[str, str], list[Item]] = defaultdict(list)
    nounless: list[Item] = []
    for item in items:
        if item.elsewhere:
            continue
        if item.block == "count" and not item.head:
            nounless.append(item)
        else:
            blocks[(item.block, item.head)].append(item)
    by_class: dict[str, list[Group]] = defaultdict(list)
    for (block, _), members in sorted(blocks.items()):
        for sense in split_senses(members, weights):
            for part in split_values(sense):
                for step in split_magnitudes(part):
                    by_class[block].extend(split_strangers(step, weights))
    groups: list[Group] = []
    for block in sorted(by_class):
        groups.extend(merge_groups(by_class[block]))
    adopt(groups)
    groups = [g for g in groups if g.items]
    join_nounless(groups, nounless)
    for group in groups:
        counted = Counter(i.head for i in group.items if i.head)
        group.heads = [h for h, _ in sorted(counted.items(), key=lambda hc: (-hc[1], hc[0]))]
        group.items.sort(key=lambda i: i.row)
    return groups
