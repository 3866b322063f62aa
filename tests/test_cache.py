"""The figures cache: re-runs read unchanged documents back, outputs never change."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import checker.stream
from checker.cache import DATABASE, FigureCache, open_cache, source_version
from checker.cli import app
from checker.pipeline import Execution, run_check

STORIES = [
    "Iran launched 170 drones and more than 30 cruise missiles, the IDF said.",
    "Some 99% of the projectiles were intercepted, according to the Pentagon.",
    "“We counted over 300 projectiles,” said Hagari. Dozens of rockets followed.",
    "Iran launched 185 drones at Israel overnight, officials in Washington said.",
    "The ministry said nearly 34,000 people were killed in Gaza.",
]
FORMATS = ("json", "csv", "sarif", "junit", "github", "markdown", "terminal")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(12):
        text = "\n\n".join(STORIES[(n + k) % len(STORIES)] for k in range(3))
        text += f"\n\nStory {n} ends here.\n"  # no two documents alike
        (folder / f"story{n:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def _reports(corpus: Path, *options: str) -> dict[str, str]:
    out = {}
    for fmt in FORMATS:
        result = CliRunner().invoke(
            app, ["check", str(corpus), "--no-csv", "--format", fmt, "--color", "never", *options]
        )
        assert result.exit_code == 1, result.output
        out[fmt] = result.stdout
    return out


def test_outputs_are_byte_identical_with_and_without_the_cache(
    corpus: Path, tmp_path: Path, in_root: Path
) -> None:
    cache = tmp_path / "cache"
    without = _reports(corpus, "--no-cache")
    cold = _reports(corpus, "--cache-dir", str(cache))
    warm = _reports(corpus, "--cache-dir", str(cache))
    assert cold == without
    assert warm == without
    assert (cache / DATABASE).is_file()
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_no_cache_writes_no_cache(corpus: Path, tmp_path: Path, in_root: Path) -> None:
    cache = tmp_path / "cache"
    _reports(corpus, "--no-cache", "--cache-dir", str(cache))
    assert not cache.exists()


def _counts(corpus: Path, folder: Path) -> tuple[int, int, dict[str, object]]:
    cache = open_cache(folder)
    try:
        records = run_check([corpus], jobs=1, execution=Execution(jobs=1, cache=cache))
    finally:
        cache.close()
    return cache.hits, cache.misses, records.to_records()


def test_a_re_run_extracts_only_the_changed_document(
    corpus: Path, tmp_path: Path, in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checker.stream, "BATCH_DOCUMENTS", 1)  # a batch per document
    folder = tmp_path / "cache"
    hits, misses, first = _counts(corpus, folder)
    assert (hits, misses) == (0, 24), "each batch's claims and its document's figures"
    hits, misses, again = _counts(corpus, folder)
    assert (hits, misses) == (12, 0), "every batch's claims read back"
    assert again == first
    (corpus / "story03.txt").write_text(STORIES[3] + "\n", encoding="utf-8")
    hits, misses, changed = _counts(corpus, folder)
    assert (hits, misses) == (11, 2), "one batch's claims and one document's figures"
    assert changed == run_check([corpus], jobs=1).to_records()


def test_documents_with_the_same_text_share_their_figures(
    tmp_path: Path, in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checker.stream, "BATCH_DOCUMENTS", 1)
    folder = tmp_path / "copies"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(STORIES[0] + "\n", encoding="utf-8")
    hits, misses, records = _counts(folder, tmp_path / "cache")
    assert (hits, misses) == (2, 4), "3 new batches; b and c take a's figures"
    assert records == run_check([folder], jobs=1).to_records()


def test_new_rules_reuse_the_figures(
    corpus: Path, tmp_path: Path, in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checker.stream, "BATCH_DOCUMENTS", 1)
    folder = tmp_path / "cache"
    _counts(corpus, folder)
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "facts:\n  - id: drones\n    title: Drones\n    kind: count\n    counts: [drones]\n",
        encoding="utf-8",
    )
    cache = open_cache(folder)
    try:
        result = run_check([corpus], [rules], execution=Execution(jobs=1, cache=cache))
    finally:
        cache.close()
    assert (cache.hits, cache.misses) == (12, 12), "new claims, every figure from the cache"
    assert result.to_records() == run_check([corpus], [rules], jobs=1).to_records()


def test_the_version_follows_every_byte_of_the_extractor(tmp_path: Path) -> None:
    source = Path(checker.stream.__file__).resolve().parent / "extract"
    copy = tmp_path / "extract"
    copy.mkdir()
    for path in source.glob("*.py"):
        (copy / path.name).write_bytes(path.read_bytes())
    before = source_version(copy)
    assert before == source_version(source)
    hedges = copy / "hedges.py"
    hedges.write_bytes(hedges.read_bytes() + b"\n")
    assert source_version(copy) != before


def _damage(folder: Path, payload: bytes, keep_digest: bool) -> int:
    db = sqlite3.connect(folder / DATABASE)
    with db:
        if keep_digest:
            import hashlib

            digest = hashlib.sha256(payload).hexdigest()
            changed = db.execute("UPDATE figures SET payload = ?, digest = ?", (payload, digest))
        else:
            changed = db.execute("UPDATE figures SET payload = substr(payload, 1, 10)")
    db.close()
    return changed.rowcount


@pytest.mark.parametrize("keep_digest", [False, True], ids=["torn", "checksum-valid garbage"])
def test_a_damaged_entry_is_recomputed(
    corpus: Path, tmp_path: Path, in_root: Path, keep_digest: bool
) -> None:
    folder = tmp_path / "cache"
    _, _, first = _counts(corpus, folder)
    assert _damage(folder, b"not a payload", keep_digest) == 13, "12 documents, 1 batch"
    hits, misses, again = _counts(corpus, folder)
    assert again == first
    # a torn entry fails its checksum; a whole one that is no payload fails to decode
    assert (hits, misses) == ((13, 0) if keep_digest else (0, 13))
    _, _, third = _counts(corpus, folder)
    assert third == first


def test_a_file_that_is_no_database_is_replaced(
    corpus: Path, tmp_path: Path, in_root: Path
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / DATABASE).write_bytes(b"this is not SQLite" * 100)
    _, misses, records = _counts(corpus, folder)
    assert misses == 13
    assert records == run_check([corpus], jobs=1).to_records()
    assert _counts(corpus, folder)[:2] == (1, 0)


def test_an_unusable_cache_folder_is_a_warning(corpus: Path, tmp_path: Path, in_root: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would go", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", str(corpus), "--no-csv", "--format", "json", "--cache-dir", str(blocked)]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"warning: {blocked.as_posix()}: cannot use the cache: ")
    assert result.stderr.endswith("; running without the cache\n")
    assert result.stdout == _reports(corpus, "--no-cache")["json"]


def test_the_cache_prunes_the_least_recently_used(tmp_path: Path) -> None:
    cache = FigureCache(tmp_path, limit=800)  # past 800 bytes, prune to 600
    cache.put_many([("old", b"x" * 300), ("mid", b"y" * 300)])
    cache.close()
    time.sleep(1.1)
    cache = FigureCache(tmp_path, limit=800)
    assert cache.get("old") == b"x" * 300
    cache.put_many([("new", b"z" * 300)])
    cache.close()
    cache = FigureCache(tmp_path, limit=800)
    kept = [key for key in ("old", "mid", "new") if cache.get(key) is not None]
    cache.close()
    assert kept == ["old", "new"], "'mid' was used least recently"


def _big_corpus(folder: Path, documents: int) -> Path:
    folder.mkdir()
    for n in range(documents):
        text = "\n\n".join(STORIES[(n + k) % len(STORIES)] + f" Item {n}-{k}." for k in range(40))
        (folder / f"doc{n:04d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def _factcheck(*args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", "from checker.cli import main; main()", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_runs_at_once_share_the_cache(tmp_path: Path, in_root: Path) -> None:
    corpus = _big_corpus(tmp_path / "news", 40)
    args = ("check", str(corpus), "--no-csv", "--format", "json", "--jobs", "1")
    cached = (*args, "--cache-dir", str(tmp_path / "cache"))
    runs = [_factcheck(*cached), _factcheck(*cached)]
    outputs = [run.communicate(timeout=300) for run in runs]
    expected = _factcheck(*args, "--no-cache").communicate(timeout=300)[0]
    assert [run.returncode for run in runs] == [1, 1]
    assert [out for out, _ in outputs] == [expected, expected]
    assert [err for _, err in outputs] == ["", ""]
    assert _factcheck(*cached).communicate(timeout=300)[0] == expected


def test_a_run_killed_half_way_leaves_a_usable_cache(tmp_path: Path, in_root: Path) -> None:
    corpus = _big_corpus(tmp_path / "news", 120)
    folder = tmp_path / "cache"
    args = ("check", str(corpus), "--no-csv", "--format", "json", "--jobs", "1")
    run = _factcheck(*args, "--cache-dir", str(folder))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _entries(folder) < 4:
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.communicate()
    assert run.returncode == -signal.SIGKILL
    stored = _entries(folder)
    assert stored >= 4
    again = _factcheck(*args, "--cache-dir", str(folder)).communicate(timeout=300)[0]
    assert again == _factcheck(*args, "--no-cache").communicate(timeout=300)[0]
    assert _entries(folder) > stored


def _entries(folder: Path) -> int:
    if not (folder / DATABASE).exists():
        return 0
    try:
        db = sqlite3.connect(folder / DATABASE, timeout=5)
        try:
            return int(db.execute("SELECT count(*) FROM figures").fetchone()[0])
        finally:
            db.close()
    except sqlite3.OperationalError:
        return 0


def test_a_changed_declared_origin_is_no_stale_verdict(tmp_path: Path, in_root: Path) -> None:
    """Front matter's `origin:` is no part of the text, but it decides the claims' origins:
    the cached claims of the run before must not be reused once it changes."""
    from tests.helpers import RULES

    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("---\norigin: Reuters\n---\nIran launched 170 drones.\n", encoding="utf-8")
    b.write_text("---\norigin: Reuters\n---\nIran launched 170 drones at night.\n", "utf-8")
    argv = ["check", str(a), str(b), "-r", str(tmp_path / "rules.yaml"), "--no-csv"]
    argv += ["--cache-dir", str(tmp_path / "cache"), "--format", "concise"]
    first = CliRunner().invoke(app, argv)
    assert "single-source: 2 documents, 1 origin (Reuters)" in first.stdout
    b.write_text("---\norigin: AP\n---\nIran launched 170 drones at night.\n", "utf-8")
    second = CliRunner().invoke(app, argv)
    assert second.stdout.splitlines()[-1] == (
        "factcheck: 0 discrepancy, 0 evolving, 0 single-source, 1 agreement; "
        "✓ no finding at error severity"
    )


def test_markdown_claims_come_back_from_the_cache_placed_in_the_file(
    tmp_path: Path, in_root: Path
) -> None:
    """A Markdown document's claims are stored placed; an edit of its markup alone (the text
    the extractor reads unchanged) is another key, so the figure moves with the edit."""
    from tests.helpers import RULES

    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("Iran launched [170](https://x.example/a) drones, the IDF said.\n", "utf-8")
    b.write_text("Iran launched 185 drones, the Pentagon said.\n", "utf-8")
    argv = ["check", str(a), str(b), "-r", str(tmp_path / "rules.yaml"), "--no-csv"]
    argv += ["--cache-dir", str(tmp_path / "cache"), "--format", "concise"]
    cold = CliRunner().invoke(app, argv)
    warm = CliRunner().invoke(app, argv)
    assert cold.stdout == warm.stdout
    assert cold.stdout.startswith(f"{a.as_posix()}:1:16: error: drones-launched: discrepancy")
    with sqlite3.connect(tmp_path / "cache" / DATABASE) as db:
        (entries,) = db.execute("SELECT count(*) FROM figures").fetchone()
    assert entries == 3  # two documents' figures and the batch's claims
    a.write_text("Iran launched **[170](https://x.example/a)** drones, the IDF said.\n", "utf-8")
    edited = CliRunner().invoke(app, argv)
    assert edited.stdout.startswith(f"{a.as_posix()}:1:18: error: drones-launched: discrepancy")
