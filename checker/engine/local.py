"""The local engine: tasks in this process while the input is small, then a process pool.

Below ``PARALLEL_MIN_CHARS`` of text one process is quicker (starting workers and sending
results back costs more than the work it shares out), so the default (``jobs=0``) runs tasks
in this process until the stream has shown it is large, then starts one worker per core. The
stream counts the batches the cache gives back too: on a re-run of a large corpus the parent
is busy reading them, and the few batches to do again go to a worker meanwhile.
``jobs=1`` never starts a worker; ``jobs>1`` starts them at the first task. Results come back
in task order, at most two tasks per worker in flight.

Workers never outlive the run: they ignore Ctrl-C (the parent handles it and shuts the pool
down), and each watches its parent, exiting as soon as the parent is gone, even after a
SIGKILL that gave the parent no chance to clean up.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Final, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# bench/speed.py --jobs 2 on a 0.5 MB corpus: below this, one process is quicker.
PARALLEL_MIN_CHARS: Final = 500_000
# How often a worker checks that its parent is still there (seconds).
PARENT_POLL: Final = 0.2

__all__ = ["PARALLEL_MIN_CHARS", "LocalEngine", "available_cores", "parallel"]


def available_cores() -> int:
    """The cores this process may run on (a container's or taskset's share, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity mask
        return os.cpu_count() or 1


def parallel(jobs: int, workers: int, chars: int) -> bool:
    """Whether to use worker processes, `chars` of text having been seen: always when asked
    for several, never with one, by default once the input is large."""
    return workers > 1 and (jobs > 1 or chars >= PARALLEL_MIN_CHARS)


def _watch_parent(parent: int) -> None:
    """In a worker: exit at once when the parent process is gone (it was killed)."""
    while True:
        if os.getppid() != parent:
            os._exit(1)
        threading.Event().wait(PARENT_POLL)


def _start_worker(parent: int) -> None:
    """Initialise a worker: Ctrl-C is the parent's to handle, SIGTERM kills, the parent is
    watched (a fork copies the parent's handlers, which would turn SIGTERM into Ctrl-C here)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _pool(workers: int) -> ProcessPoolExecutor:
    # fork where there is one: workers start at once with the compiled patterns already in
    # memory; elsewhere the platform's default start method imports them afresh
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    )


class LocalEngine:
    """Tasks in this process, or across `jobs` worker processes (0: one per core)."""

    def __init__(self, jobs: int = 0) -> None:
        self.jobs = jobs
        self.workers = available_cores() if jobs <= 0 else jobs
        self._pool: ProcessPoolExecutor | None = None

    def map(self, work: Callable[[T], R], tasks: Iterable[tuple[T, int]]) -> Iterator[R]:
        pending: deque[Future[R]] = deque()
        seen = 0
        for task, chars in tasks:
            # `chars`: the text streamed since the task before, this one's included (and, on
            # a re-run, the cached batches between them: a large corpus mostly read back still
            # has the parent busy, so the batches to do go to workers)
            seen += chars
            if self._pool is None and parallel(self.jobs, self.workers, seen):
                self._pool = _pool(self.workers)
            if self._pool is None:
                yield work(task)
                continue
            pending.append(self._pool.submit(work, task))
            while len(pending) > 2 * self.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    @property
    def started(self) -> bool:
        """Whether worker processes were started."""
        return self._pool is not None

    def close(self, abort: bool = False) -> None:
        if self._pool is None:
            return
        if abort:
            # Ctrl-C or SIGTERM: stop the batches being extracted instead of waiting for them
            # (the executor has no public way to; its worker processes are in _processes)
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()
        self._pool.shutdown(wait=not abort, cancel_futures=True)
        self._pool = None
