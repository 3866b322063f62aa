"""What a folder scan leaves out: the default excludes, the config's, and what git ignores.

``check .`` in a real repository must not read ``.venv`` (thousands of packages' READMEs) or
``node_modules``, nor the reports a previous run wrote there. So a scan of a folder (or a
glob) skips:

- ``DEFAULT_EXCLUDE``: version control, virtual environments, package and build folders,
  tool caches (the list ruff and Semgrep skip, and factcheck's own cache);
- the config's ``exclude`` patterns (gitignore syntax, relative to the project folder);
- whatever the ``.gitignore`` files of the folder, of every folder below it and of its
  parents up to the repository's root ignore, and ``.git/info/exclude``, read with pathspec's
  gitignore rules (a deeper file's pattern wins, a later line wins, ``!`` re-includes);

A file named on the command line is always read: excludes are for discovery, as in ruff. The
run's own outputs are not left out: a report path that is also a document is refused before
the run (``checker.output``), so a document is never written over. Keep reports in a folder
the scan leaves out (``exclude: [reports/]``, as ``factcheck init`` writes it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Final

import pathspec

from checker.files import LIMITS, FileProblem, read_text

DEFAULT_EXCLUDE: Final = (
    ".git/", ".hg/", ".svn/", ".bzr/", ".jj/",
    ".venv/", "venv/", ".tox/", ".nox/", ".direnv/", "__pypackages__/", "site-packages/",
    "node_modules/", "bower_components/",
    "__pycache__/", "build/", "dist/", "_build/", "buck-out/", ".eggs/", "*.egg-info/",
    ".mypy_cache/", ".pytest_cache/", ".ruff_cache/", ".ipynb_checkpoints/",
    ".factcheck-cache/",
)  # fmt: skip
GITIGNORE: Final = ".gitignore"

__all__ = ["DEFAULT_EXCLUDE", "Ignore"]


# the .gitignore specs that apply in a folder, deepest first; None outside a git repository
_Chain = tuple[tuple[Path, pathspec.GitIgnoreSpec], ...] | None


def _spec(lines: list[str]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _probe(test: Callable[[], bool]) -> bool:
    """A file test that is False where the system cannot answer (a path too long to name):
    the scan reports that path itself when it reads it."""
    try:
        return test()
    except OSError:
        return False


class Ignore:
    """Decides, for each file and folder a scan meets, whether it is left out."""

    def __init__(
        self,
        exclude: tuple[str, ...] = (),
        root: Path | None = None,
        gitignore: bool = True,
    ) -> None:
        self.cwd = Path.cwd()
        self.root = (root or Path()).absolute()
        self.defaults = _spec(list(DEFAULT_EXCLUDE))
        # every default is a folder pattern ('build/'): a file is never left out by one
        self.defaults_for_files = any(not p.endswith("/") for p in DEFAULT_EXCLUDE)
        self.excludes = _spec(list(exclude)) if exclude else None
        self.gitignore = gitignore
        self._chains: dict[Path, _Chain] = {}
        self.skipped = 0  # files and folders left out, for `--verbose`

    def _folder_spec(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        lines: list[str] = []
        files = [folder / GITIGNORE]
        if _probe((folder / ".git").is_dir):
            files.append(folder / ".git" / "info" / "exclude")
        for file in files:
            if _probe(file.is_file):
                try:
                    lines += read_text(file, LIMITS["config"]).splitlines()
                except FileProblem:
                    continue  # an unreadable .gitignore ignores nothing, as in git
        return _spec(lines) if lines else None

    def _chain(self, folder: Path) -> _Chain:
        """The .gitignore specs that apply in `folder`, deepest first, up to the top of its
        git repository; None outside a repository, where git reads none either."""
        pending: list[Path] = []
        here = folder
        while here not in self._chains:
            pending.append(here)
            if _probe((here / ".git").exists) or here.parent == here:
                break
            here = here.parent
        below: _Chain = self._chains.get(here)
        for at in reversed(pending):
            is_top = _probe((at / ".git").exists)
            parent = () if is_top else below
            if parent is None and not is_top:
                self._chains[at] = None
            else:
                spec = self._folder_spec(at)
                own = ((at, spec),) if spec is not None else ()
                self._chains[at] = own + (parent or ())
            below = self._chains[at]
        return self._chains[folder]

    def _git_ignored(self, path: Path, is_dir: bool) -> bool:
        chain = self._chain(path.parent)
        for folder, spec in chain or ():
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            result = spec.check_file(relative + ("/" if is_dir else ""))
            if result.include is not None:
                return bool(result.include)
        return False

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """Whether the scan leaves `path` out (and does not look inside it, for a folder)."""
        full = path if path.is_absolute() else self.cwd / path
        out = (
            (
                (is_dir or self.defaults_for_files)
                and self.defaults.match_file(full.name + ("/" if is_dir else ""))
            )
            or (self.excludes is not None and self._excluded(full, is_dir))
            or (self.gitignore and self._git_ignored(full, is_dir))
        )
        if out:
            self.skipped += 1
        return out

    def _excluded(self, full: Path, is_dir: bool) -> bool:
        assert self.excludes is not None
        relative = os.path.relpath(full, self.root).replace(os.sep, "/")
        if relative.startswith("../"):
            relative = full.name  # outside the project: the patterns match names alone
        return self.excludes.match_file(relative + ("/" if is_dir else ""))
