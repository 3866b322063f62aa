"""Documents -> the figures DataFrame (columns in ``checker.model.FIGURE_COLUMNS``).

One scan per document finds number mentions (``numbers``); each is then read on a small
window: the hedge before or after it (``hedges``), its kind, unit and counted noun
(``units``), and who stated it (``attribution``). Dates, times, years, ordinals, ages and
identifiers keep their kind and are never compared as counts.

The package's own namespace stays light: ``checker.rules`` and the config import the
extractor's word lists (``checker.extract.numbers``, ``units``) on every run, and a re-run
whose every document is cached never extracts; so the extraction (``document``, which
compiles the patterns of every stage) is imported on first use of its names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.extract.document import extract_figures, figures_in_text, sentence_spans

__all__ = ["extract_figures", "figures_in_text", "sentence_spans"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from checker.extract import document

        return getattr(document, name)
    raise AttributeError(f"module 'checker.extract' has no attribute {name!r}")
