"""Pages extracted on every core: work done in worker processes, results taken in input order.

Extraction is a pure function of a page's bytes, so the records are the same whatever the
number of processes; the caller stores them in page order from its own process. At most
`jobs × AHEAD` items are in flight, so memory stays bounded however long the batch.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies
AHEAD = 4  # items in flight per worker: enough to keep it busy, few enough to bound memory


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def in_order(work: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    """work(item) for each item, in the items' order, on `jobs` processes (1: in this one).
    Workers are forked, so they share what this process has set up (the holiday calendar). A
    worker that dies (killed, out of memory) loses nothing: what it held is done here instead."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(work, items)
        return
    source = iter(items)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_start, initargs=(os.getpid(),))
    with pool:
        flight: deque[tuple[T, Future | None]] = deque()  # in input order; popped once its result is had
        try:
            for item in source:
                flight.append((item, None))
                flight[-1] = (item, pool.submit(work, item))
                while len(flight) >= jobs * AHEAD:
                    yield _next(flight)
            while flight:
                yield _next(flight)
        except BrokenProcessPool:
            for item, _ in flight:
                yield work(item)
            yield from map(work, source)


def _worker_start(parent: int) -> None:
    """A worker dies with the run that started it (killed, it must not go on holding the run's
    output open), and leaves Ctrl-C to the run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl: not Linux
        pass
    if os.getppid() != parent:  # the run died before the line above
        os._exit(1)


def _next(flight: deque) -> R:
    result = flight[0][1].result()
    flight.popleft()
    return result
