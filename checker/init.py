"""``factcheck init``: a project's first config and rules file, commented for a newcomer.

Writes ``factcheck.yaml`` (every key explained, the optional ones commented out) and a rules
file whose facts list is empty, with a worked example fact in comments to copy. Existing
files are never written over: ``init`` says which exist and writes nothing (all or nothing),
unless asked to with ``force``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from checker.config import CONFIG_FILE
from checker.errors import CheckerError
from checker.files import shown_path

__all__ = ["CONFIG_TEMPLATE", "RULES_FILE", "RULES_TEMPLATE", "Written", "init_project"]

RULES_FILE: Final = Path("rules") / "facts.yaml"

CONFIG_TEMPLATE: Final = """\
# factcheck's project config: what `factcheck check` (and extract, explain, baseline) read
# and write when run without arguments, from this folder or any folder below it. Paths are
# relative to this file. Every key is optional; factcheck's docs/config.md explains each.

# The documents: files, folders or globs. A folder is scanned for .txt, .md, .html, .pdf,
# .jsonl, .csv and .parquet files, leaving out .git, .venv, node_modules, build folders,
# what .gitignore ignores, and the `exclude` patterns below.
paths: [.]

# The rules: files or folders of facts (the schema: `factcheck rules lint` checks it).
rules: [{rules}]

# Patterns (as in .gitignore) the scan leaves out besides the defaults. Keep the reports'
# folder here: a report is never read back as a document, and never written over one.
exclude: [reports/]

# Reports every `check` writes, FORMAT: PATH (csv, json, sarif, junit, markdown, html,
# github, concise, terminal). `check --no-outputs` writes none of them.
# outputs:
#   csv: reports/discrepancies.csv
#   sarif: reports/factcheck.sarif

# Which field of a JSONL, CSV or Parquet export's records holds what (default: the same
# name). A dotted name reaches into nested objects.
# fields:
#   text: body
#   id: article_id
#   published: date
#   outlet: source.name
#   url: link

# Defaults for every rules file (a rules file's own defaults win).
# defaults:
#   tolerance: 2%          # relative; 3 would be absolute
#   discrepancy: error     # error fails CI; warning is shown; off is hidden
#   single_source: warning
"""

RULES_TEMPLATE: Final = """\
# The facts factcheck compares across your documents. For each fact, factcheck finds the
# figures about it in every document and says whether the documents agree, contradict each
# other, or rest on a single source. Check this file with `factcheck rules lint`, run each
# fact's examples with `factcheck rules test`, and see which figures a fact caught and which
# it nearly caught with `factcheck explain FACT-ID`.
version: 1

defaults:
  tolerance: 2%          # how far apart two figures may be and still agree
  discrepancy: error     # error fails CI; warning is shown; off is hidden
  single_source: warning # a fact only one origin reports

# Names that stand for one originator: two outlets quoting one ministry are one origin.
origins: {}
#   Health ministry: [health ministry, ministry of health, the ministry]

facts: []
# Replace `facts: []` with your facts. An example, to copy and change:
#
# facts:
#   - id: people-evacuated            # a short name, used in reports and `explain`
#     title: People evacuated from the valley
#     kind: count                     # count, percent, money, or a measure
#     counts: [people, residents]     # the nouns the figure counts (inflections match)
#     context: [evacuated, fled]      # words that must be near the figure
#     changes_over_time: increasing   # a toll that may rise from one report to the next
#     examples:                       # phrasings it must and must not match
#       match:
#         - {text: "More than 1,200 residents were evacuated overnight.", interval: "(1200, inf)"}
#       no_match:
#         - "The shelter has room for 300 people."
"""


@dataclass(frozen=True, slots=True)
class Written:
    config: Path
    rules: Path


def init_project(folder: Path, force: bool = False) -> Written:
    """Write factcheck.yaml and rules/facts.yaml in `folder`; CheckerError naming the files
    that exist already (nothing is written then), unless `force`."""
    config = folder / CONFIG_FILE
    rules = folder / RULES_FILE
    existing = [p for p in (config, rules) if p.exists() or p.is_symlink()]
    if existing and not force:
        named = ", ".join(shown_path(p).as_posix() for p in existing)
        raise CheckerError(f"{named}: already there, nothing written (--force writes over it)")
    try:
        rules.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(CONFIG_TEMPLATE.format(rules=RULES_FILE.parent.as_posix()), "utf-8")
        rules.write_text(RULES_TEMPLATE, "utf-8")
    except OSError as error:
        where = shown_path(Path(error.filename)) if error.filename else shown_path(folder)
        raise CheckerError(f"{where.as_posix()}: cannot write: {error.strerror}") from None
    return Written(shown_path(config), shown_path(rules))
