"""Figures -> the independent origin of each: who its statement goes back to, corpus-wide.

The speaker a sentence names is not yet an origin: "Pelletier", "Police Chief John
Pelletier" and "Maui County Police Chief John Pelletier" are one man; "the PDC", "Pacific
Disaster Center (PDC)" and "the PDC's assessments" one body; two outlets printing one wire
story one origin, though neither names a source. In order:

1. a rules ``origins`` group whose alias the speaker contains, as a whole word ("IDF
   spokesperson Daniel Hagari" counts for ``Israel``);
2. the variants of one person's name across the corpus: a surname, the full name, the name
   with a title ("Hagari", "Rear Adm. Daniel Hagari"; a spelling one letter apart, "Hagri",
   is the same surname), unless two different first names share the surname; and a title
   without a name ("the fire chief") when the corpus names one person with it ("fire chief
   Lena Ortiz");
3. one organisation's acronym and possessives: "Pacific Disaster Center (PDC)", "PDC", "the
   PDC's assessments";
4. an unattributed figure counts for its document's source (front matter ``origin:``, else
   the outlet); documents that carry one wire copy (near-identical sentences around the same
   figure, compared with rapidfuzz) share the earliest copy's source.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from rapidfuzz import fuzz, process

from checker.extract.lexicon import (
    DOCUMENT_NOUNS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    RANK_ABBREVIATIONS,
)
from checker.model import FIGURE_KINDS, Claim, Figure, OriginGroup, RuleSet

if TYPE_CHECKING:
    import pandas as pd

# Two sentences around the same figure this similar (rapidfuzz ratio, 0-100) are one copy.
COPY_SIMILARITY: Final = 90.0
# Two surnames this similar are one surname spelled two ways ("Hagari", "Hagri").
SURNAME_SIMILARITY: Final = 85.0
# How an origin was made, for `factcheck origins`.
HOW: Final = {
    "rules": "a rules origins group",
    "names": "one name written several ways",
    "speaker": "a speaker as the text names it",
    "source": "the document's source (its origin: or outlet), for unattributed figures",
    "wire": "one wire copy carried by several documents",
}
_ACRONYM_IN_PARENS: Final = re.compile(r"\((?P<acronym>[A-Z][A-Z0-9&.-]{1,9})\)")
_POSSESSIVE: Final = re.compile(r"^(?P<owner>.+?)(?:'s|’s)\s+(?P<rest>.+)$")


@dataclass(frozen=True, slots=True)
class Origins:
    """The origin of every figure row, and how speakers were grouped into origins."""

    by_row: dict[int, str]  # row label -> origin
    copies: dict[str, str]  # document -> the first document of the wire copy it carries
    members: dict[str, tuple[str, ...]]  # origin -> the speakers (as written) it stands for
    how: dict[str, str]  # origin -> how it was made: see HOW


def group_patterns(groups: Iterable[OriginGroup]) -> dict[str, re.Pattern[str]]:
    """Each rules origin group as one pattern of its aliases, whole words, any case."""
    return {
        g.name: re.compile(r"\b(?:" + "|".join(re.escape(a) for a in g.aliases) + r")\b", re.I)
        for g in groups
    }


def _personal_name(speaker: str) -> list[str]:
    """The personal name at the end of a speaker ('Maui County Police Chief John Pelletier'
    -> ['John', 'Pelletier']), or [] for an organisation ('Maui County police', 'the PDC')."""
    words = speaker.replace("(", " ( ").split()
    for i, word in enumerate(words):
        if i > 0 and word.lower() in ("of", "in", "at", "from", "for", "with", "on", "to"):
            words = words[:i]  # "officials in Washington": the head is 'officials'
            break
    name: list[str] = []
    for word in reversed(words):
        bare = word.strip(",'’")
        lower = bare.lower()
        if lower in RANK_ABBREVIATIONS:
            break  # "Hawaii Gov. Josh Green": the name is "Josh Green"
        bare = bare.rstrip(".")
        lower = bare.lower()
        if not bare[:1].isupper() or bare.isupper() or lower in PERSON_NOUNS:
            break
        if (
            lower in ORGANISATION_NOUNS
            or lower in DOCUMENT_NOUNS
            or lower.rstrip("s") in (ORGANISATION_NOUNS)
        ):
            return []
        name.insert(0, bare)
    if len(name) > 4:
        return []  # "Pacific Disaster Center …": a long run of capitals names a body
    return name


def _surname_key(surname: str, keys: dict[str, str]) -> str:
    """The surname a spelling stands for, among those seen so far (fuzzy, same initial)."""
    lower = surname.lower()
    if lower in keys:
        return keys[lower]
    candidates = [k for k in keys.values() if k[:1] == lower[:1]]
    best = process.extractOne(lower, candidates, scorer=fuzz.ratio) if candidates else None
    key = best[0] if best is not None and best[1] >= SURNAME_SIMILARITY else lower
    keys[lower] = key
    return key


def name_groups(speakers: Iterable[str]) -> dict[str, str]:
    """Each speaker -> the name of the person or body it stands for, within one corpus.

    'Hagari', 'Daniel Hagari', 'Rear Adm. Daniel Hagri' -> 'Daniel Hagari'; 'PDC', 'Pacific
    Disaster Center (PDC)', "PDC's assessments" -> 'Pacific Disaster Center (PDC)'. A
    speaker that is neither keeps its own name. A person's name is the full form used most
    often (each speaker as often as `speakers` repeats it), then the longest, then the first
    in alphabetical order.
    """
    counted = Counter(s for s in speakers if s)
    distinct = sorted(counted)
    out = {s: s for s in distinct}
    # one speaker written in two cases ("Police said", "…, police said"): the form used most
    # often, then the one not capitalised by a sentence's start
    cased: dict[str, list[str]] = defaultdict(list)
    for speaker in distinct:
        cased[speaker.casefold()].append(speaker)
    for forms in cased.values():
        if len(forms) > 1:
            chosen = min(forms, key=lambda f: (-counted[f], f[:1].isupper(), f.isupper(), f))
            for form in forms:
                out[form] = chosen
    # organisations: an acronym in parentheses names the body wherever it appears
    acronyms: dict[str, str] = {}
    for speaker in distinct:
        for match in _ACRONYM_IN_PARENS.finditer(speaker):
            acronyms.setdefault(match.group("acronym"), speaker)
    for speaker in distinct:
        owner = _POSSESSIVE.match(speaker)
        if owner and _document_or_role(owner.group("rest")):
            # "the PDC's assessments", "the ministry's spokesman": the owner's word
            out[speaker] = owner.group("owner")
    for speaker in distinct:
        for word in re.findall(r"[A-Z][A-Z0-9&-]{1,9}", out[speaker]):
            if word in acronyms and (out[speaker] == word or speaker != acronyms[word]):
                out[speaker] = acronyms[word]
                break
    # people: the variants of one name share a surname and agree on the first name
    keys: dict[str, str] = {}
    by_surname: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for speaker in distinct:
        name = _personal_name(out[speaker])
        if name:
            by_surname[_surname_key(name[-1], keys)].append((speaker, name))
    for members in by_surname.values():
        firsts = {n[0] for _, n in members if len(n) > 1}
        if len(firsts) > 1:
            continue  # "John Smith" and "Jane Smith": two people, a bare "Smith" is either
        uses = Counter[str]()
        for speaker, name in members:
            uses[" ".join(name)] += counted[speaker]
        longest = max(len(n) for _, n in members)
        full = min(
            {" ".join(n) for _, n in members if len(n) == longest},
            key=lambda n: (-uses[n], n),
        ).split()
        for speaker, _ in members:
            out[speaker] = " ".join(full)
    # a role without a name ("the fire chief") is the one person the corpus names with it
    # ("fire chief Lena Ortiz"); two people with one title leave the role as it is
    titled: dict[str, set[str]] = defaultdict(set)
    for speaker in distinct:
        name = _personal_name(speaker)
        title = _role_words(speaker.split()[: len(speaker.split()) - len(name)]) if name else ""
        if title:
            titled[title].add(out[speaker])
    for speaker in distinct:
        role = _role_words(speaker.split())
        people = titled.get(role, set()) if out[speaker] == speaker else set()
        if role and not _personal_name(speaker) and len(people) == 1:
            out[speaker] = next(iter(people))
    # a body by its bare noun ("the commission said") is the one body of that noun the corpus
    # names in full ("the electoral commission"); two such bodies leave the bare noun apart
    bodies: dict[str, set[str]] = defaultdict(set)
    for speaker in distinct:
        words = speaker.lower().split()
        words = words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words
        if (
            len(words) > 1
            and words[-1] in ORGANISATION_NOUNS
            and words[-1] != "state"  # "the state" is no short form of "Islamic State"
            and "of" not in words
        ):
            bodies[words[-1]].add(out[speaker])
    for speaker in distinct:
        bare = speaker.lower().split()
        if bare[:1] == ["the"]:
            bare = bare[1:]
        named = bodies.get(bare[0], set()) if len(bare) == 1 and out[speaker] == speaker else set()
        if len(named) == 1:
            out[speaker] = next(iter(named))
    return out


def _role_words(words: list[str]) -> str:
    """A title as one lower-case phrase, ending on a person noun ("Fire Chief" -> 'fire
    chief'), or '' for anything else ("officials in Washington", "Maui County")."""
    lower = [w.lower().strip(",'’") for w in words]
    while lower and lower[0] in ("the", "a", "an"):
        lower = lower[1:]
    if not lower or lower[-1] not in PERSON_NOUNS or any(w in RANK_ABBREVIATIONS for w in lower):
        return ""
    return " ".join(lower)


def _document_or_role(rest: str) -> bool:
    words = rest.lower().split()
    if not words:
        return False
    head = words[-1].rstrip("s") if words[-1] not in DOCUMENT_NOUNS else words[-1]
    return words[-1] in DOCUMENT_NOUNS or head in DOCUMENT_NOUNS or head in PERSON_NOUNS


# The columns of the figures frame that origins are resolved from.
ORIGIN_COLUMNS: Final = (
    "document", "outlet", "origin", "source", "published", "kind", "text", "sentence",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Rows:
    """The columns origins are resolved from (ORIGIN_COLUMNS), one list each, and the row
    label of each figure: read off a figures frame, or made from claims without pandas (a
    run whose every batch is cached never imports it)."""

    labels: list[int]
    document: list[str]
    outlet: list[str]
    origin: list[str]
    source: list[str]
    published: list[str]
    kind: list[str]
    text: list[str]
    sentence: list[str]

    @classmethod
    def of_frame(cls, figures: pd.DataFrame) -> _Rows:
        def column(name: str) -> list[str]:
            return ["" if v is None or v != v else str(v) for v in figures[name].tolist()]

        labels = [int(label) for label in figures.index]
        return cls(labels, *(column(name) for name in ORIGIN_COLUMNS))


_FIGURE_KIND_VALUES: Final = frozenset(k.value for k in FIGURE_KINDS)


def wire_copies(rows: _Rows, dates: Mapping[str, str] | None = None) -> dict[str, str]:
    """Documents that print unattributed figures in near-identical sentences -> the document
    whose copy came first (by published date, then id), or the one with an origin of its
    own; that one maps to itself.

    Figures are blocked by kind and text as written ("170 drones" in both), so only a few
    sentences are ever compared; within a block, rapidfuzz scores every pair of sentences
    from different documents, and pairs at COPY_SIMILARITY or above are one copy.
    """
    blocks: dict[str, list[int]] = {}
    pinned: set[str] = set()
    for n, (origin, kind) in enumerate(zip(rows.origin, rows.kind, strict=True)):
        if origin or kind not in _FIGURE_KIND_VALUES:
            continue
        blocks.setdefault(kind + "\x00" + rows.text[n].lower(), []).append(n)
        # a document with an origin of its own (an `origin:`, an agency's dateline) is never
        # relabelled; its copies take its origin
        if rows.source[n] != rows.outlet[n] and rows.source[n] != rows.document[n]:
            pinned.add(rows.document[n])
    parent: dict[str, str] = {}

    def find(doc: str) -> str:
        while parent.get(doc, doc) != doc:
            doc = parent[doc]
        return doc

    def first(doc: str) -> tuple[str, str]:
        published = dates.get(doc, "") if dates else ""
        return (published or "9999", doc)

    for block in blocks.values():
        documents = [rows.document[n] for n in block]
        if len(set(documents)) < 2:
            continue
        sentences = [rows.sentence[n] for n in block]
        scores = process.cdist(
            sentences, sentences, scorer=fuzz.ratio, score_cutoff=COPY_SIMILARITY
        )
        for i in range(len(sentences)):
            for j in range(i + 1, len(sentences)):
                if scores[i][j] and documents[i] != documents[j]:
                    a, b = find(documents[i]), find(documents[j])
                    if a == b or (a in pinned and b in pinned):
                        continue  # two documents with origins of their own stay apart
                    if a in pinned or b in pinned:
                        low, high = (a, b) if a in pinned else (b, a)
                    else:
                        low, high = sorted((a, b), key=first)
                    parent[high] = low
    copied = {doc: find(doc) for doc in parent}
    return copied | {root: root for root in copied.values()}


def resolve_claim_origins(claims: Sequence[Claim], rules: RuleSet) -> list[Claim]:
    """Claims made batch by batch, their origins resolved across all of them: a speaker's
    name variants and the copies of one wire story are one origin wherever the batches were
    cut. Each figure counts once, however many facts claimed it."""
    if not claims:
        return []
    by_key: dict[tuple[str, str, int, int], Figure] = {}
    for claim in claims:
        by_key.setdefault(_figure_key(claim.figure), claim.figure)
    rows = {key: n for n, key in enumerate(by_key)}
    figures = list(by_key.values())
    origins = _resolve(
        _Rows(
            list(range(len(figures))),
            [f.document for f in figures],
            [f.outlet for f in figures],
            [f.origin for f in figures],
            [f.source for f in figures],
            [f.published for f in figures],
            [f.kind.value for f in figures],
            [f.text for f in figures],
            [f.sentence for f in figures],
        ),
        rules,
    )
    out = []
    for claim in claims:
        figure = claim.figure
        origin = origins.by_row[rows[_figure_key(figure)]]
        copy_of = "" if figure.origin else origins.copies.get(figure.document, "")
        if (origin, copy_of) != (claim.origin, claim.copy_of):
            claim = replace(claim, origin=origin, copy_of=copy_of)
        out.append(claim)
    return out


def _figure_key(figure: Figure) -> tuple[str, str, int, int]:
    return (figure.document, figure.path.as_posix(), figure.line, figure.column)


def resolve_origins(figures: pd.DataFrame, rules: RuleSet) -> Origins:
    """The origin of every row of the figures frame (see the module docstring)."""
    return _resolve(_Rows.of_frame(figures), rules)


def _resolve(rows: _Rows, rules: RuleSet) -> Origins:
    groups = group_patterns(rules.origin_groups)
    speakers = rows.origin
    names = name_groups(speakers)
    by_speaker: dict[str, str] = {}
    how: dict[str, str] = {}

    def grouped_as(name: str) -> str | None:
        return next((g for g, p in groups.items() if p.search(name)), None)

    for speaker in names:
        # "Price" is in no group, but the "Dana Price" it stands for may be
        grouped = grouped_as(speaker) or grouped_as(names[speaker])
        by_speaker[speaker] = grouped or names[speaker]
        if grouped:
            how[grouped] = "rules"
        elif names[speaker] != speaker or how.get(names[speaker]) == "names":
            how[names[speaker]] = "names"
        else:
            how.setdefault(speaker, "speaker")
    dates = dict(zip(rows.document, rows.published, strict=True))
    copies = wire_copies(rows, dates)
    sources = dict(zip(rows.document, rows.source, strict=True))
    outlets = dict(zip(rows.document, rows.outlet, strict=True))
    # a document's source joins a group: a declared `origin:` as a speaker does (by an alias
    # it contains), an outlet only when a group names it exactly ("Times of Israel" is no
    # Israeli statement; an outlet the rules list as an alias is the group's own release)
    exact = {a.casefold(): g.name for g in rules.origin_groups for a in (g.name, *g.aliases)}

    def source_origin(document: str) -> str:
        source = sources[document]
        if source not in (outlets[document], document):
            return grouped_as(source) or source
        return exact.get(source.casefold(), source)

    by_row: dict[int, str] = {}
    members: dict[str, set[str]] = defaultdict(set)
    for label, speaker, document in zip(rows.labels, speakers, rows.document, strict=True):
        if speaker:
            origin = by_speaker[speaker]
            members[origin].add(speaker)
        else:
            root = copies.get(document, "")
            origin = source_origin(root or document)
            members.setdefault(origin, set())
            if origin != sources[root or document]:
                how[origin] = "rules"
            elif origin not in how or how[origin] == "source":
                how[origin] = "wire" if root else "source"
        by_row[label] = origin
    return Origins(by_row, copies, {o: tuple(sorted(s)) for o, s in sorted(members.items())}, how)
