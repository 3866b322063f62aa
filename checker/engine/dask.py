"""The Dask engine: batches run on the workers of a Dask cluster.

With a scheduler address (``--scheduler tcp://host:8786``) the engine connects to a running
cluster; without one it starts a local cluster of ``jobs`` worker processes (0: one per core)
and stops it at the end. Batches are submitted as futures, a few per worker thread in flight,
and gathered in submission order, so the client never holds more than that many batches and
the outputs are the same as the local engine's for any number of workers. (A ``dask.bag``
would need every batch, text included, in the client's graph before the first one runs.)

A scheduler started elsewhere keeps its own message log: start it with
``DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH=0`` so that it does not hold the last 1,000
batches' text.

What crosses the network: each batch's documents (the text of those the cache does not hold,
the cached figures of the others) and the rules go out; claims and counts come back, plus the
figures of newly extracted documents when the cache is on, and the figures themselves for
``extract``. Workers need the same factcheck installed: the engine checks its version and the
extractor's on every worker before the first batch, since other code could give other figures.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, TypeVar

from checker import __version__
from checker.cache import extractor_version
from checker.engine.local import available_cores
from checker.errors import CheckerError

T = TypeVar("T")
R = TypeVar("R")

CONNECT_TIMEOUT: Final = "10s"
LOG_LENGTH: Final = "distributed.admin.low-level-log-length"
# Batches in flight per worker thread: one running, one queued behind it.
IN_FLIGHT_PER_THREAD: Final = 2

__all__ = ["DaskEngine"]


def _versions() -> tuple[str, str]:
    """What a worker runs: factcheck's version and the extractor's (see checker.cache)."""
    return __version__, extractor_version()


class DaskEngine:
    """Tasks on the workers of the Dask scheduler at `scheduler`, or of a local cluster."""

    def __init__(self, scheduler: str | None = None, jobs: int = 0) -> None:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError as error:
            raise CheckerError(
                "the dask engine needs Dask: pip install 'factcheck-figures[dask]'"
            ) from error
        # Dask keeps the last 1,000 messages of every connection for debugging, and a message
        # that sends a batch holds its text: 200 MB at 200 KB a batch (the client's memory
        # grew 5 MB per MB of text). This run's client and local cluster keep none.
        dask.config.set({LOG_LENGTH: 0})
        self._cluster: Any = None
        if scheduler:
            try:
                self._client: Any = Client(scheduler, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError) as error:
                raise CheckerError(
                    f"cannot reach the Dask scheduler at {scheduler}: {error}"
                ) from error
            self._check_workers(scheduler)
        else:
            self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=jobs if jobs > 0 else available_cores(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self._client = Client(self._cluster)  # type: ignore[no-untyped-call]
        threads = sum(self._client.nthreads().values())
        self.in_flight = IN_FLIGHT_PER_THREAD * max(1, threads)

    def _check_workers(self, scheduler: str) -> None:
        found = self._client.run(_versions)
        if not found:
            self.close()
            raise CheckerError(f"the Dask scheduler at {scheduler} has no workers")
        mine = _versions()
        other = {worker: v for worker, v in found.items() if tuple(v) != mine}
        if other:
            worker, (version, extractor) = sorted(other.items())[0]
            self.close()
            raise CheckerError(
                f"Dask worker {worker} runs factcheck {version} (extractor {extractor[:12]}), "
                f"this run {mine[0]} (extractor {mine[1][:12]}): install the same factcheck on "
                "every worker, or its figures would differ"
            )

    def map(self, work: Callable[[T], R], tasks: Iterable[tuple[T, int]]) -> Iterator[R]:
        pending: deque[Any] = deque()
        try:
            for task, _ in tasks:
                pending.append(self._client.submit(work, task, pure=False))
                while len(pending) > self.in_flight:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

    def close(self, abort: bool = False) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
