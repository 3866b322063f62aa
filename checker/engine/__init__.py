"""Tasks -> their results, in order: on this machine (``local``) or on a Dask cluster (``dask``).

An engine runs one picklable function over a stream of tasks (batches of documents, see
``checker.stream``) and yields each result in the order of its task, with only a few tasks in
flight, so memory stays flat however long the stream is and every output is the same whatever
the engine or the number of workers:

    with open_engine(EngineName.LOCAL, jobs=2) as engine:
        for outcome in engine.map(run_batch, tasks):   # tasks: (task, characters) pairs
            ...

The local engine is a process pool on this machine (``--jobs``); the Dask engine sends the
same tasks to the workers of a Dask scheduler (``--engine dask --scheduler ADDRESS``), or to a
local cluster it starts. Nothing here imports pandas or dask until an engine is opened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["Engine", "EngineName", "open_engine"]


class EngineName(StrEnum):
    """Where batches run: worker processes on this machine, or the workers of a Dask cluster."""

    LOCAL = "local"
    DASK = "dask"


class Engine(Protocol):
    """Runs `work` over tasks and yields the results in task order, a few tasks in flight."""

    def map(self, work: Callable[[T], R], tasks: Iterable[tuple[T, int]]) -> Iterator[R]:
        """`tasks` are (task, characters of text streamed since the task before, its own
        included); the sizes decide when to go parallel."""
        ...

    def close(self, abort: bool = False) -> None:
        """Stop the workers this engine started (a cluster it only connected to keeps going);
        `abort` (Ctrl-C, SIGTERM, an error) stops them without finishing their batches."""
        ...


@contextmanager
def open_engine(
    name: EngineName = EngineName.LOCAL, jobs: int = 0, scheduler: str | None = None
) -> Iterator[Engine]:
    """The engine `name`, closed on the way out (also on an error or Ctrl-C).

    `jobs` is the number of workers to start (0: one per core); `scheduler` the address of a
    running Dask scheduler (``tcp://host:8786``), for the Dask engine only.
    """
    engine: Engine
    if name is EngineName.DASK:
        from checker.engine.dask import DaskEngine

        engine = DaskEngine(scheduler, jobs)
    else:
        from checker.engine.local import LocalEngine

        engine = LocalEngine(jobs)
    try:
        yield engine
    except BaseException:
        engine.close(abort=True)
        raise
    engine.close()
