"""Engines: Dask workers give the local engine's outputs; workers never outlive the run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import checker.stream
from checker.cli import app
from checker.engine import EngineName
from checker.pipeline import Execution, run_check, run_explain, run_extract

distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")

STORIES = [
    "Iran launched 170 drones and more than 30 cruise missiles, the IDF said.",
    "Some 99% of the projectiles were intercepted, according to the Pentagon.",
    "“We counted over 300 projectiles,” said Hagari. Dozens of rockets followed.",
    "Iran launched 185 drones at Israel overnight, officials in Washington said.",
    "IDF spokesman Daniel Hagari spoke first.\n\nHe said 99% of the drones were downed.",
]


def _corpus(folder: Path, documents: int, paragraphs: int) -> Path:
    folder.mkdir()
    for n in range(documents):
        text = "\n\n".join(
            STORIES[(n + k) % len(STORIES)] + f" Item {n}-{k}." for k in range(paragraphs)
        )
        (folder / f"doc{n:04d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster of 2 worker processes, as a real cluster is reached: by its address."""
    from distributed import LocalCluster

    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        yield str(cluster.scheduler_address)
    finally:
        cluster.close()


def test_dask_workers_give_the_local_engine_outputs(
    tmp_path: Path, scheduler: str, in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checker.stream, "BATCH_DOCUMENTS", 3)  # 4 batches over 2 workers
    monkeypatch.setattr(checker.stream, "WINDOW_CHARS", 400)  # and a document in windows
    corpus = _corpus(tmp_path / "news", 11, 3)
    (corpus / "long.txt").write_text("\n\n".join(STORIES * 6) + "\n", encoding="utf-8")
    dask = Execution(engine=EngineName.DASK, scheduler=scheduler)
    local = Execution(jobs=1)
    assert run_check([corpus], execution=dask).to_records() == (
        run_check([corpus], execution=local).to_records()
    )
    pd.testing.assert_frame_equal(
        run_extract([corpus], all_kinds=True, execution=dask).figures,
        run_extract([corpus], all_kinds=True, execution=local).figures,
    )
    assert run_explain("drones-launched", [corpus], execution=dask) == run_explain(
        "drones-launched", [corpus], execution=local
    )


def test_the_cli_runs_on_a_dask_scheduler_with_the_cache(
    tmp_path: Path, scheduler: str, in_root: Path
) -> None:
    corpus = _corpus(tmp_path / "news", 6, 3)
    base = ["check", str(corpus), "--no-csv", "--format", "json"]
    local = CliRunner().invoke(app, [*base, "--no-cache"])
    cache = ["--cache-dir", str(tmp_path / "cache")]
    for _ in range(2):  # cold, then every batch from the cache
        remote = CliRunner().invoke(app, [*base, "--scheduler", scheduler, *cache])
        assert (remote.exit_code, remote.stdout) == (local.exit_code, local.stdout)
    assert json.loads(local.stdout)["summary"]["documents"] == 6


def test_an_unreachable_scheduler_is_a_run_error(
    free_port: str, in_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checker.engine.dask

    monkeypatch.setattr(checker.engine.dask, "CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(app, ["check", "--no-csv", "--scheduler", free_port])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cannot reach the Dask scheduler at {free_port}: ")


@pytest.fixture
def free_port() -> str:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"tcp://127.0.0.1:{port}"


def test_workers_of_another_version_are_refused(
    scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    import checker.engine.dask
    from checker import __version__
    from checker.errors import CheckerError

    monkeypatch.setattr(checker.engine.dask, "__version__", "9.9.9")
    installed = re.escape(__version__)
    with pytest.raises(CheckerError, match=rf"runs factcheck {installed} .*, this run 9\.9\.9"):
        checker.engine.dask.DaskEngine(scheduler)


def test_the_config_picks_the_engine(tmp_path: Path, scheduler: str) -> None:
    from checker.config import load_config

    (tmp_path / "factcheck.yaml").write_text(f"scheduler: {scheduler}\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert (config.engine, config.scheduler) == (None, scheduler)
    (tmp_path / "factcheck.yaml").write_text("engine: dusk\n", encoding="utf-8")
    with pytest.raises(Exception, match="engine 'dusk' is not one of: local, dask"):
        load_config(tmp_path)


# Workers must die with their parent, whatever kills it.


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize(
    "sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["SIGTERM", "SIGINT", "SIGKILL"]
)
def test_no_worker_outlives_its_parent(tmp_path: Path, sig: signal.Signals) -> None:
    corpus = _corpus(tmp_path / "news", 300, 40)
    command = [sys.executable, "-c", "from checker.cli import main; main()"]
    command += ["check", str(corpus), "--no-csv", "--no-cache", "--jobs", "2"]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2 and run.poll() is None:
        workers = _children(run.pid)
        time.sleep(0.02)
    assert len(workers) == 2, "the run started its two workers"
    os.kill(run.pid, sig)
    _, err = run.communicate(timeout=60)
    if sig is signal.SIGTERM:
        assert (run.returncode, err) == (143, "factcheck: terminated\n")
    elif sig is signal.SIGINT:
        assert (run.returncode, err) == (130, "factcheck: interrupted\n")
    else:
        assert run.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert [w for w in workers if _alive(w)] == []
