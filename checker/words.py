"""Rule words -> matches in text: whole words with their inflections, not raw prefixes.

A fact's `context`, `context_all` and `exclude` words match whole words of the text by
their Snowball (Porter2) English stem, so "kill" matches "killed", "killing" and "kills";
"again" never matches "against" and "fire" never matches "firefighters". A phrase matches
its words in a row ("shot down"), a number only itself ("October 7" is not "October 70"),
and a word ending in `*` matches as a prefix, as before ("evacu*" for evacuate, evacuees,
evacuation). The stemmer comes from snowballstemmer, the maintained Python port of the
Snowball project, rather than a suffix list of our own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import snowballstemmer

# letters (any script) with an inner apostrophe, or a run of digits; hyphens split words
_TOKEN: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")
_STEMMER: Final = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball English stem of a word, lower-cased: 'Killed' -> 'kill'."""
    lower = word.lower().replace("’", "'")
    if lower.isdigit():
        return lower
    return str(_STEMMER.stemWord(lower))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word and number of `text`."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True, slots=True)
class _Part:
    stem: str
    prefix: bool  # "evacu*": the word starts with it


def _parts(phrase: str) -> tuple[_Part, ...]:
    out = []
    for word in phrase.split():
        prefix = word.endswith("*")
        bare = word.rstrip("*")
        for piece in _TOKEN.findall(bare):
            out.append(_Part(piece.lower() if prefix else stem(piece), prefix))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    text: str  # the words of the text that matched: "killed"


class WordMatcher:
    """Finds a rule's words in text, by stem (see the module docstring).

    Phrases are indexed by the stem of their first word, so a text is read once, word by
    word, whatever the number of phrases; a text's words and stems are computed once and
    kept for the next matcher that reads it (every fact reads the same sentences)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(p for p in phrases if p.strip())
        self._parts = [p for p in (_parts(phrase) for phrase in self.phrases) if p]
        self._by_first: dict[str, list[tuple[_Part, ...]]] = {}
        self._prefixed: list[tuple[_Part, ...]] = []  # a first word ending in '*'
        for parts in self._parts:
            if parts[0].prefix:
                self._prefixed.append(parts)
            else:
                self._by_first.setdefault(parts[0].stem, []).append(parts)

    def __bool__(self) -> bool:
        return bool(self._parts)

    def finditer(self, text: str) -> Iterator[Found]:
        """Every match of any phrase in `text`, left to right."""
        words, stems, lowers = _analysed(text)
        if not words:
            return
        by_first, prefixed, parts_in_order = self._by_first, self._prefixed, self._parts
        for i in range(len(words)):
            candidates = by_first.get(stems[i])
            if candidates is None and not prefixed:
                continue
            matched = None
            for parts in parts_in_order if prefixed else candidates or ():
                if i + len(parts) > len(words):
                    continue
                if all(
                    (lowers[i + k].startswith(p.stem) if p.prefix else stems[i + k] == p.stem)
                    for k, p in enumerate(parts)
                ):
                    matched = parts
                    break
            if matched is not None:
                start, end = words[i][0], words[i + len(matched) - 1][1]
                yield Found(start, end, text[start:end])

    def search(self, text: str) -> Found | None:
        """The first match in `text`, or None."""
        return next(self.finditer(text), None)


@lru_cache(maxsize=8_192)
def _analysed(text: str) -> tuple[list[tuple[int, int, str]], list[str], list[str]]:
    """A text's words, their stems and their lower-case forms."""
    words = tokens(text)
    return words, [stem(w) for _, _, w in words], [w.lower() for _, _, w in words]


__all__ = ["Found", "WordMatcher", "stem", "tokens"]
