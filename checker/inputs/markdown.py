"""A Markdown file -> one Document: the words a reader sees, placed in the file.

Parsed by markdown-it-py (CommonMark, with GitHub's tables and strikethrough). What a reader
does not see is not text: fenced and indented code blocks, HTML blocks and comments
(``<!-- 999 drones -->``), inline HTML, images, link destinations, and the YAML front matter
(read as provenance). Emphasis and link markup are dropped and the words kept ("**more than
300** [drones](https://…)" reads "more than 300 drones"); escapes and entities are the
character they stand for. Each block (heading, paragraph, list item, table row) is a
paragraph of its own; a table row's cells are joined by " | ". Inline code keeps its words:
in "the `drones` table lists 300 rows" it is part of the sentence.

Every character of the text keeps its place in the file (``checker.inputs.place``), so a
figure's ``line:col`` is where it is written, markup and front matter included.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Final

from checker.inputs import Source
from checker.inputs.common import load_text_file
from checker.inputs.place import TextBuilder
from checker.model import Document, InputProblem, SourceMap

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["load", "markdown_text"]

# blocks that are never text, whatever they hold
_SKIPPED_BLOCKS: Final = frozenset({"fence", "code_block", "html_block"})
_LINE: Final = re.compile("\n")


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # keep escapes and entities as tokens of their own, with the source they were written as
    parser.disable("text_join")
    return parser


def load(source: Source) -> Iterator[Document | InputProblem]:
    """The Markdown file's text without its markup, placed in the file."""
    return load_text_file(source, markdown_text)


def markdown_text(body: str, first_line: int = 1) -> tuple[str, SourceMap]:
    """The words of Markdown `body` and their SourceMap; `first_line` is the file's line of
    the body's first line (after front matter)."""
    starts = [0, *(m.end() for m in _LINE.finditer(body))]
    walker = _Walker(body, starts, first_line)
    tokens = _parser().parse(body)
    row: list[Token] = []
    in_table = False
    for token in tokens:
        kind = token.type
        if kind in _SKIPPED_BLOCKS:
            continue
        if kind in ("table_open", "table_close"):
            in_table = kind == "table_open"
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            walker.block(row, separator=" | ")
        elif kind == "inline" and token.map is not None:
            if in_table:
                row.append(token)
            else:
                walker.block([token])
    return walker.builder.build()


class _Walker:
    """Walks the inline tokens of each block through the body, adding their words."""

    def __init__(self, body: str, starts: list[int], first_line: int) -> None:
        self.body = body
        self.starts = starts
        self.first_line = first_line
        self.builder = TextBuilder()

    def place(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + self.first_line, offset - self.starts[line] + 1

    def block(self, cells: Sequence[Token], separator: str = "") -> None:
        if not cells:
            return
        if self.builder.length:
            self.builder.gap("\n\n")
        first = cells[0].map
        assert first is not None
        cursor = self.starts[min(first[0], len(self.starts) - 1)]
        for n, token in enumerate(cells):
            if n:
                self.builder.gap(separator)
                cursor = self._find("|", cursor)  # the next cell starts after its bar
            cursor = self.inline(token, cursor)

    def _find(self, text: str, cursor: int) -> int:
        found = self.body.find(text, cursor)
        return cursor if found < 0 else found

    def inline(self, token: Token, cursor: int) -> int:
        """Add the words of one inline token, read from `cursor` on; the cursor after it."""
        for child in token.children or []:
            kind = child.type
            if kind == "image":
                # alt text is no prose: step over it
                cursor = self._find(child.content, cursor) + len(child.content)
                continue
            if kind in ("text", "code_inline"):
                at = self._find(child.content, cursor)
                if self.body.startswith(child.content, at):
                    self.builder.add(child.content, *self.place(at))
                    cursor = at + len(child.content)
                else:  # a code span over a line break: its content has a space there
                    self.builder.add_at(child.content, *self.place(cursor), width=0)
            elif kind == "text_special":
                at = self._find(child.markup, cursor)
                self.builder.add_at(child.content, *self.place(at), width=len(child.markup))
                cursor = at + len(child.markup)
            elif kind in ("softbreak", "hardbreak"):
                at = self.body.find("\n", cursor)
                cursor = cursor if at < 0 else at + 1
                self.builder.gap("\n")
            elif kind == "html_inline":
                cursor = self._find(child.content, cursor) + len(child.content)
            elif kind == "link_close":
                cursor = self._past_destination(cursor)
        return cursor

    def _past_destination(self, cursor: int) -> int:
        """After a link's text: past its ']' and its '(destination "title")' or '[label]',
        so the words after the link are never looked for inside its address."""
        body = self.body
        close = body.find("]", cursor)
        if close < 0:
            return cursor
        after = close + 1
        if body.startswith("(", after):
            depth = 0
            for i in range(after, len(body)):
                if body[i] == "\\":
                    continue
                if body[i] == "(":
                    depth += 1
                elif body[i] == ")":
                    depth -= 1
                    if depth == 0:
                        return i + 1
            return after
        if body.startswith("[", after):
            end = body.find("]", after)
            return after if end < 0 else end + 1
        return after
