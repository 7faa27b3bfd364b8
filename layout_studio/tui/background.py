"""Blocking work off the UI thread that quitting never waits for.

A Textual thread worker runs in the event loop's executor, whose threads the interpreter joins at exit: a render
stuck on an image download (up to 15 s: :mod:`layout_studio.fetch`) would hold the studio open after ctrl+q.
:func:`wait_for` runs the job in a daemon thread instead and has the worker that calls it wait, checking every
50 ms whether the worker was cancelled (a newer render, quitting): then it returns at once and the job's result is
dropped. Files are written atomically (:mod:`layout_studio.atomic`), so an abandoned job leaves no half-written file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from textual.worker import get_current_worker

T = TypeVar("T")


class Done(Generic[T]):
    """The end of a job: its ``value``, or the ``error`` it raised."""

    def __init__(self, value: T | None = None, error: BaseException | None = None) -> None:
        self.value, self.error = value, error


def wait_for(job: Callable[[], T], name: str = "layout-studio-job") -> Done[T] | None:
    """Run ``job`` in a daemon thread named ``name`` and wait for it from the current (thread) worker; None when the
    worker was cancelled meanwhile (the job goes on alone and its result is dropped)."""
    worker = get_current_worker()
    outcome: list[Done[T]] = []
    done = threading.Event()

    def run() -> None:
        try:
            outcome.append(Done(job()))
        except Exception as err:  # noqa: BLE001 - the caller reports it; the studio never crashes on it
            outcome.append(Done(error=err))
        finally:
            done.set()

    threading.Thread(target=run, name=name, daemon=True).start()
    while not done.wait(0.05):
        if worker.is_cancelled:
            return None
    return None if worker.is_cancelled else outcome[0]
