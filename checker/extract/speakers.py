"""One document's sentences -> the speaker of each figure, across sentences.

The cues of a figure's own sentence come first (``checker.extract.attribution``). A figure
with none takes the speaker of the quote it stands in (named once in its paragraph: "“We
counted 300. Then 40 more came,” said Okafor"), else the speaker an earlier sentence of its
paragraph names: news attributes once a paragraph ("The IDF set out the sequence of events.
At 6:59 pm, Islamic Jihad launched around 10 rockets"). Pronouns ("he said", "It estimated")
and short references ("the ministry said", "the official said") stand for the nearest
earlier speaker that fits: a person for 'he' and 'she', an organisation for 'it' and 'its',
a speaker with that head noun for "the ministry"; never one further back than
``LOOKBACK`` sentences, and never one that does not fit. A paragraph that opens on what the
one before reported ("These numbers…", "The maps also cover…") goes on with its speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Final

from checker.extract.attribution import Cue, Speaker, cues, head_noun, speaker_of

# How many sentences back a pronoun may look for the speaker it stands for: a news paragraph
# is one to three sentences, and a pronoun rarely reaches past the paragraph before its own.
LOOKBACK: Final = 6
# Sentences longer than this are not searched for attribution cues (a Markdown table read as
# one sentence, a wall of numbers): their figures stay unattributed. Real sentences with a
# speaker are far shorter; the bound keeps attribution linear in the length of a document.
MAX_SENTENCE_CHARS: Final = 2_000


# "SAKUR:", "DR. VIDAL (on tape):": a name in capitals opening a transcript's line
_LABEL: Final = re.compile(
    r"\W{0,3}(?P<who>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2})(?:\s*\([^()\n]{1,24}\))?:\s"
)


@dataclass
class Speakers:
    """The speakers of one document, sentence by sentence, computed as they are asked for."""

    text: str
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    _cues: dict[int, list[Cue]] = field(default_factory=dict)
    _named: dict[int, Speaker | None] = field(default_factory=dict)
    _quoted: dict[int, Speaker | None] = field(default_factory=dict)
    _paragraph_starts: list[int] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)
    _acronyms: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._paragraph_starts = [start for start, _ in self.paragraphs]
        self._sentence_starts = [start for start, _ in self.sentences]

    def sentence_cues(self, index: int) -> list[Cue]:
        if index not in self._cues:
            start, end = self.sentences[index]
            sentence = self.text[start:end]
            found = cues(sentence) if end - start <= MAX_SENTENCE_CHARS else []
            label = self._transcript_label(sentence)
            self._cues[index] = [label, *found] if label is not None else found
        return self._cues[index]

    def _transcript_label(self, sentence: str) -> Cue | None:
        """A transcript's speaker label: "SAKUR: More than 180 people…", "VIDAL (on tape):
        …". The name in capitals is a speaker only when the document writes it elsewhere as
        a name ("Governor Sakur"), so "UPDATE:" or "BREAKING:" is none."""
        if ":" not in sentence[:60]:
            return None
        match = _LABEL.match(sentence)
        if match is None:
            return None
        name = " ".join(w.capitalize() for w in match.group("who").split())
        if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self.text):
            return None
        return Cue(0, match.end(), Speaker(name, person=True), 1, strength=2)

    def _paragraph(self, pos: int) -> tuple[int, int]:
        return self.paragraphs[bisect.bisect_right(self._paragraph_starts, pos) - 1]

    def named(self, index: int) -> Speaker | None:
        """The speaker sentence `index` names (resolved), for the sentences after it."""
        if index not in self._named:
            self._named[index] = None  # no cycle through a pronoun chain
            found = [c.speaker for c in self.sentence_cues(index)]
            for speaker in found:
                resolved = self.resolve(speaker, index)
                if resolved is not None and not resolved.anonymous:
                    self._named[index] = resolved
                    break
        return self._named[index]

    def resolve(self, speaker: Speaker, index: int) -> Speaker | None:
        """A pronoun or short reference -> the earlier speaker it stands for, or None; a
        full name is itself. 'I' and 'we' in a quote are the quote's speaker."""
        if not speaker.unresolved:
            return speaker
        if speaker.pronoun in ("i", "we", "me", "us"):
            return self.quote_speaker(self.sentences[index][0])
        for back in range(index - 1, max(-1, index - 1 - LOOKBACK), -1):
            earlier = self.named(back)
            if earlier is not None and speaker.pronoun in ("it", "its") and earlier.person:
                earlier = _owner_of_role(earlier) or earlier
            if earlier is None or not _fits(speaker, earlier):
                continue
            if speaker.pronoun in ("its", "their", "his", "her", "our") and speaker.name:
                # "its analysts": the analysts of the body named before
                return replace(earlier, role=speaker.name, relay=speaker.relay or earlier.relay)
            if speaker.reference and speaker.person is False and earlier.person:
                body = _body_of(earlier, speaker.reference)
                if body is not None:
                    return replace(body, relay=speaker.relay or earlier.relay)
            return replace(earlier, relay=speaker.relay or earlier.relay)
        if speaker.reference and not speaker.pronoun:
            return replace(speaker, reference="")  # "the agency", named nowhere before
        return None

    def speaker(self, index: int, start: int, end: int) -> Speaker | None:
        """The speaker of the figure text[start:end] in sentence `index`, or None; an
        acronym the document spells out elsewhere is named in full, the acronym kept ("By
        HRW's account" after "Human Rights Watch said": "Human Rights Watch (HRW)")."""
        found = self._speaker(index, start, end)
        if found is None or not _ACRONYM.fullmatch(found.name):
            return found
        if found.name not in self._acronyms:
            full = spelled_out(self.text, found.name)
            self._acronyms[found.name] = f"{full} ({found.name})" if full else found.name
        return replace(found, name=self._acronyms[found.name])

    def _speaker(self, index: int, start: int, end: int) -> Speaker | None:
        s_start, _ = self.sentences[index]
        s_end = self.sentences[index][1]
        cue = speaker_of(
            self.sentence_cues(index), start - s_start, end - s_start, self.text[s_start:s_end]
        )
        para_start, para_end = self._paragraph(start)
        quoted = _in_quote(self.text, para_start, min(start, para_end))
        if cue is not None:
            resolved = self.resolve(cue.speaker, index)
            if resolved is not None and resolved.anonymous:
                return resolved  # "according to the latest information": no origin
            if resolved is not None or not quoted:
                return resolved  # a pronoun that stands for nobody near is nobody
        if quoted:
            # a quote runs over sentences and lines: its speaker is named once in the paragraph
            return self.quote_speaker(start)
        # news attributes once a paragraph: an earlier sentence of it names the speaker, or,
        # when none does, a later one that closes on its speaker ("… Islamic Jihad launched
        # about ten missiles. … One of the rockets malfunctioned, Hagari said."), never one
        # that opens a statement of its own ("Straight away, Hamas said an Israeli air
        # strike …"); else the paragraph before, when this one opens by pointing back at
        # what it reported ("These numbers are far larger …")
        for back in range(index - 1, max(-1, index - 1 - LOOKBACK), -1):
            b_start, _ = self.sentences[back]
            if b_start < para_start:
                break
            named = self.named(back)
            if named is not None:
                return named
        for ahead in range(index + 1, min(len(self.sentences), index + 1 + LOOKBACK)):
            if self.sentences[ahead][0] >= para_end:
                break
            if any(c.scope < 0 for c in self.sentence_cues(ahead)):
                named = self.named(ahead)
                if named is not None:
                    return named
                break
            if self.sentence_cues(ahead):
                break
        return self._continued(para_start)

    def _continued(self, para_start: int) -> Speaker | None:
        """The speaker of the paragraph before, when this one opens by pointing back at what
        that speaker published ("These numbers are far larger than…", "The maps also cover
        the fire in Kula", "The report adds…"): the paragraph goes on with their figures."""
        first = bisect.bisect_left(self._sentence_starts, para_start)
        if first >= len(self.sentences) or not _POINTS_BACK.match(
            self.text, self.sentences[first][0]
        ):
            return None
        for back in range(first - 1, max(-1, first - 1 - LOOKBACK), -1):
            named = self.named(back)
            if named is not None:
                return named
        return None

    def quote_speaker(self, pos: int) -> Speaker | None:
        """The speaker of the quotes of the paragraph at `pos`: the one named after a quote
        ("…,” said Okafor", "…,” she said") or before it ("Okafor said: “…”")."""
        para_start, para_end = self._paragraph(pos)
        if para_start in self._quoted:
            return self._quoted[para_start]
        self._quoted[para_start] = None  # no cycle through "we" inside the quote
        first = bisect.bisect_left(self._sentence_starts, para_start)
        for i in range(first, len(self.sentences)):
            if self.sentences[i][0] >= para_end:
                break
            for cue in self.sentence_cues(i):
                if cue.speaker.pronoun in ("i", "we", "me", "us"):
                    continue
                if cue.strength >= 2 or cue.scope < 0:
                    resolved = self.resolve(cue.speaker, i)
                    if resolved is not None:
                        self._quoted[para_start] = resolved
                        return resolved
        return None


_ACRONYM: Final = re.compile(r"[A-Z]{2,8}")
# A paragraph that opens on what the one before reported: a demonstrative or definite
# document noun as its first words.
_POINTS_BACK: Final = re.compile(
    r"""\s*(?:These|Those|The|Such)\s+(?:\w+\s+)?(?:numbers|figures|estimates|maps|map
        |report|reports|assessment|assessments|data|findings|document|analysis|review
        |survey|study|tally|count|statistics)\b""",
    re.VERBOSE,
)
_LINKS: Final = r"(?:\s+(?:of|for|and|on|de|du|des|the|&))*\s+"


def _in_quote(text: str, start: int, end: int) -> bool:
    """attribution.in_quote(text[start:], end - start), counted in place: no copy of the
    paragraph for each of its figures."""
    opened = text.count("“", start, end) - text.count("”", start, end)
    return opened > 0 or text.count('"', start, end) % 2 == 1


def spelled_out(text: str, acronym: str) -> str | None:
    """The capitalised name whose initials spell `acronym` in `text` ("Human Rights Watch"
    for HRW, "Federal Emergency Management Agency" for FEMA), or None."""
    words = [rf"{letter}[a-z]+" for letter in acronym]
    found = re.search(r"\b" + _LINKS.join(words) + r"\b", text)
    return found.group(0) if found else None


def _owner_of_role(person: Speaker) -> Speaker | None:
    """The body whose title a person holds: "It said" after "Brightwell's security chief,
    Daniel Osei, said" goes on with Brightwell."""
    owner = person.role.split()[0] if person.role else ""
    if not owner.endswith(("'s", "’s")) or not owner[:1].isupper():
        return None
    return replace(person, name=owner[:-2], role="", person=False, gender="")


def _body_of(person: Speaker, head: str) -> Speaker | None:
    """The body a person speaks for, when a short reference names it: "the ministry" after
    "the health ministry spokesman" is the health ministry, not its spokesman (so "It added"
    goes on with the ministry)."""
    words = person.name.split()
    at = [i for i, w in enumerate(words) if w.lower().strip("'’") in (head, f"{head}s")]
    if not at or (at[-1] == len(words) - 1 and not person.role):
        return None
    name = " ".join(words[: at[-1] + 1])
    return replace(person, name=name, role="", person=False, gender="")


def _fits(reference: Speaker, earlier: Speaker) -> bool:
    """Whether an earlier speaker can be what a pronoun or short reference stands for."""
    pronoun = reference.pronoun
    if pronoun in ("he", "she", "his", "her"):
        wanted = "m" if pronoun in ("he", "his") else "f"
        return earlier.person is not False and earlier.gender in ("", wanted)
    if pronoun in ("it", "its"):
        return earlier.person is False
    if pronoun in ("they", "their"):
        return True
    if reference.reference:
        words = {w.lower().strip("'’") for w in (earlier.name + " " + earlier.role).split()}
        head = reference.reference
        if head in words or f"{head}s" in words or head_noun(earlier.name) == head:
            return True
        if head in GENERIC_BODIES:
            return earlier.person is False  # "the agency", "the group": the body named before
        # "the official", "the spokesman": the person named before; "the minister" is
        # nobody but a minister ("the governor" named before is someone else)
        return head in GENERIC_PEOPLE and reference.person is True and earlier.person is True
    return False


# Words that stand for any person named before: "the official said", "the spokeswoman added".
GENERIC_PEOPLE: Final = frozenset(
    "official spokesman spokeswoman spokesperson representative source aide person".split()
)
# Words that stand for any organisation named before: "according to the agency".
GENERIC_BODIES: Final = frozenset(
    "agency group organisation organization body institution authority service".split()
)
