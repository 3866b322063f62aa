"""A Suggestion -> the text of a rules file: YAML with a comment above each fact, or JSON.

The text is written, not dumped, so the order of keys, the quoting and the comments are
the same on every run; `checker.rules.load_rules` reads it back as the same facts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from checker.model import Example, Fact, Location, OriginGroup

# Plain scalars YAML reads as themselves: a word or phrase of letters, digits, spaces,
# dots, apostrophes and hyphens that is no YAML keyword.
_PLAIN: Final = re.compile(r"[A-Za-z][A-Za-z0-9 .'’-]*")
_KEYWORDS: Final = frozenset("y n yes no on off true false null".split())
# What a YAML stream may not hold as written (the YAML reader's printable set): C0 and C1
# controls, surrogates, U+FFFE and U+FFFF. Documents may hold them; the file escapes them.
_UNPRINTABLE: Final = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _escaped(text: str) -> str:
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when that reads back the same, else double-quoted
    (JSON's escapes are YAML's)."""
    if _PLAIN.fullmatch(text) and text.lower() not in _KEYWORDS and not text.endswith((" ", ".")):
        return text
    return _escaped(json.dumps(text, ensure_ascii=False))


def flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def comment(text: str, indent: str) -> list[str]:
    """`text` as comment lines of at most 92 characters after the indent."""
    words = " ".join(_escaped(text).split()).split(" ")
    lines: list[str] = []
    line = ""
    for word in words:
        if line and len(line) + 1 + len(word) > 92:
            lines.append(f"{indent}# {line}")
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(f"{indent}# {line}")
    return lines


def fact_lines(fact: Fact) -> list[str]:
    """The YAML of one fact, first line '  - id: …'."""
    lines = [
        f"  - id: {fact.id}",
        f"    title: {scalar(fact.title)}",
        f"    kind: {fact.kind.value}",
    ]
    if fact.unit:
        lines.append(f"    unit: {scalar(fact.unit)}")
    if fact.counts:
        lines.append(f"    counts: {flow(fact.counts)}")
    if fact.context:
        lines.append(f"    context: {flow(fact.context)}")
    if fact.exclude:
        lines.append(f"    exclude: {flow(fact.exclude)}")
    if fact.window is not None:
        lines.append(f"    window: {fact.window}")
    if fact.changes_over_time is not None:
        lines.append(f"    changes_over_time: {fact.changes_over_time.value}")
    matches = [e for e in fact.examples if e.match]
    others = [e for e in fact.examples if not e.match]
    if matches or others:
        lines.append("    examples:")
    if matches:
        lines.append("      match:")
        lines.extend(f"        - {_example(e)}" for e in matches)
    if others:
        lines.append("      no_match:")
        lines.extend(f"        - {scalar(e.text)}" for e in others)
    return lines


def _example(example: Example) -> str:
    if not example.interval:
        return scalar(example.text)
    text = scalar(example.text) if example.text else '""'
    text = text if text.startswith('"') else json.dumps(example.text, ensure_ascii=False)
    return f"{{text: {text}, interval: {json.dumps(example.interval)}}}"


def render_yaml(
    header: Sequence[str],
    groups: Sequence[tuple[OriginGroup, str]],
    facts: Sequence[tuple[Fact, str]],
    path: Path,
) -> tuple[str, dict[str, Location]]:
    """The rules file, and where each fact's id stands in it (for reports that name the
    rule of a finding). `groups` and `facts` come with the comment each is written under."""
    lines = [*(f"# {line}".rstrip() for line in header), "version: 1"]
    if groups:
        lines += ["", "origins:"]
        for group, why in groups:
            lines += comment(why, "  ")
            lines.append(f"  {scalar(group.name)}: {flow(group.aliases)}")
    lines += ["", "facts:"]
    where: dict[str, Location] = {}
    for n, (fact, why) in enumerate(facts):
        if n:
            lines.append("")
        lines += comment(why, "  ")
        where[fact.id] = Location(path, len(lines) + 1, len("  - id: ") + 1)
        lines += fact_lines(fact)
    if not facts:
        lines[-1] = "facts: []"
    return "\n".join(lines) + "\n", where


def render_json(groups: Sequence[OriginGroup], facts: Sequence[Fact]) -> str:
    """The same rules as JSON (YAML reads JSON, so it is a rules file too), no comments."""
    rules: dict[str, object] = {"version": 1}
    if groups:
        rules["origins"] = {g.name: list(g.aliases) for g in groups}
    rules["facts"] = [_fact_record(f) for f in facts]
    return json.dumps(rules, ensure_ascii=False, indent=2) + "\n"


def _fact_record(fact: Fact) -> dict[str, object]:
    out: dict[str, object] = {"id": fact.id, "title": fact.title, "kind": fact.kind.value}
    if fact.unit:
        out["unit"] = fact.unit
    for key in ("counts", "context", "exclude"):
        if getattr(fact, key):
            out[key] = list(getattr(fact, key))
    if fact.window is not None:
        out["window"] = fact.window
    if fact.changes_over_time is not None:
        out["changes_over_time"] = fact.changes_over_time.value
    matches = [
        {"text": e.text, "interval": e.interval} if e.interval else e.text
        for e in fact.examples
        if e.match
    ]
    others = [e.text for e in fact.examples if not e.match]
    if matches or others:
        examples: dict[str, object] = {}
        if matches:
            examples["match"] = matches
        if others:
            examples["no_match"] = others
        out["examples"] = examples
    return out
