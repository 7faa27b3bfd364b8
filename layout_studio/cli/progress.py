"""The progress of ``push PRESET --task-ids-from FILE`` on stderr: a rich progress bar on a terminal, plain lines
elsewhere.

On a terminal (stderr is a TTY and rich finds it interactive: not ``TERM=dumb``, not ``TTY_INTERACTIVE=0``) one
line is redrawn in place: bar, tasks done of total, the count of each outcome (``ok 12 · skipped 3 · error 1``),
tasks a second, time elapsed and an estimate of the time left. Anywhere else (a pipe, a file, a CI log) nothing is
redrawn: a plain line ``push: 12/25 (48%): ok 12; 4.1 tasks/s; about 3 s left`` is printed at the first result,
every 10 % and at least every 5 seconds while results come in (never twice within a second), and at the end.

The rate counts only tasks sent (a task skipped because it already has the design costs no request), so the time
left is not thrown off by the skipped tasks counted at the start. rich is imported only when a bar is drawn.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Any, TextIO

#: Outcomes in the order they are shown; any other status follows, alphabetically.
ORDER = ("ok", "skipped", "dry-run", "error", "unknown", "not-sent")

SKIPPED = "skipped"


def outcome_text(counts: dict[str, int], separator: str = ", ") -> str:
    """``"ok 12, skipped 3"``: the non-zero counts, known outcomes first."""
    names = sorted((str(k) for k, v in counts.items() if v), key=lambda k: (ORDER.index(k) if k in ORDER else 99, k))
    by_name = {str(k): v for k, v in counts.items()}
    return separator.join(f"{name} {by_name[name]}" for name in names)


def rate_and_left(sent: int, remaining: int, elapsed: float) -> tuple[float | None, float | None]:
    """(tasks a second, seconds left) from ``sent`` tasks in ``elapsed`` seconds; None while unknown."""
    if sent <= 0 or elapsed <= 0:
        return None, None
    rate = sent / elapsed
    return rate, remaining / rate


def time_left(seconds: float) -> str:
    """``"under 1 s left"``, ``"about 3 s left"``, ``"about 2 min 5 s left"``, ``"about 1 h 4 min left"``."""
    if seconds < 0.5:
        return "under 1 s left"
    return f"about {duration(seconds)} left"


def duration(seconds: float) -> str:
    """``"3 s"``, ``"2 min 5 s"``, ``"1 h 4 min"``."""
    whole = int(round(seconds))
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60} s"
    return f"{whole // 3600} h {whole % 3600 // 60} min"


class BatchProgress:
    """The progress of ``total`` tasks on ``stream`` (default stderr). :meth:`update` is ``run_batch``'s
    ``progress`` callback (status -> number of tasks so far); :meth:`close` ends the display (idempotent)."""

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        *,
        every_seconds: float = 5.0,
        every_percent: int = 10,
        min_seconds: float = 1.0,
        interactive: bool | None = None,
    ) -> None:
        self.total = max(total, 1)
        self.stream = stream or sys.stderr
        self.every_seconds = every_seconds
        self.every_percent = every_percent
        self.min_seconds = min_seconds
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}
        self._printed: tuple[int, float, int] | None = None  # (done, when, percent bucket) of the last plain line
        self._closed = False
        self._bar: Any = None
        self._task: Any = None
        if interactive is None:
            interactive = _is_terminal(self.stream)
        if interactive:
            self._start_bar()

    def _start_bar(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(file=self.stream)
        if not console.is_interactive:
            return
        self._bar = Progress(
            TextColumn("push"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[outcomes]}"),
            _rate_column(),
            TimeElapsedColumn(),
            console=console,
            redirect_stdout=False,
            redirect_stderr=True,
        )
        self._task = self._bar.add_task("push", total=self.total, outcomes="", sent=0)
        self._bar.start()

    def update(self, counts: dict[str, int]) -> None:
        """Show ``counts`` (status -> tasks with that outcome so far)."""
        with self._lock:
            if self._closed:
                return
            self._counts = dict(counts)
            done = sum(self._counts.values())
            if self._bar is not None:
                sent = done - self._counts.get(SKIPPED, 0)
                outcomes = outcome_text(self._counts, " · ")
                self._bar.update(self._task, completed=done, outcomes=outcomes, sent=sent)
            elif self._due(done):
                self._print_line(done)

    def close(self) -> None:
        """Stop redrawing (the bar stays on screen), or print the last plain line if it was not printed."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._bar is not None:
                self._bar.stop()
                return
            done = sum(self._counts.values())
            if done and (self._printed is None or self._printed[0] != done):
                self._print_line(done)

    def __enter__(self) -> BatchProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _due(self, done: int) -> bool:
        """True when a plain line is due: the first result, the last, or (``min_seconds`` after the last line, so a
        burst of skipped tasks prints one line) a new ``every_percent`` step or ``every_seconds`` since the last."""
        if self._printed is None or done >= self.total:
            return True
        last_done, when, bucket = self._printed
        since = time.monotonic() - when
        if done == last_done or since < self.min_seconds:
            return False
        return self._bucket(done) != bucket or since >= self.every_seconds

    def _bucket(self, done: int) -> int:
        return done * 100 // self.total // max(self.every_percent, 1)

    def _print_line(self, done: int) -> None:
        now = time.monotonic()
        sent = done - self._counts.get(SKIPPED, 0)
        rate, left = rate_and_left(sent, self.total - done, now - self.started)
        line = f"push: {done}/{self.total} ({done * 100 // self.total}%)"
        outcomes = outcome_text(self._counts)
        if outcomes:
            line += f": {outcomes}"
        if rate is not None:
            line += f"; {rate:.1f} tasks/s"
            if left is not None and done < self.total:
                line += f"; {time_left(left)}"
        self.stream.write(line + "\n")
        self.stream.flush()
        self._printed = (done, now, self._bucket(done))


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed
        return False


def _rate_column() -> Any:
    """A rich column: tasks sent a second and the time left, recomputed at every redraw."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """``4.1 tasks/s, about 3 s left`` from the task's ``sent`` field and its elapsed time."""

        def render(self, task: Any) -> Text:
            remaining = int(task.total or 0) - int(task.completed)
            rate, left = rate_and_left(task.fields.get("sent", 0), remaining, task.elapsed or 0.0)
            if rate is None:
                return Text("")
            text = f"{rate:.1f} tasks/s"
            if left is not None and remaining > 0:
                text += f", {time_left(left)}"
            return Text(text)

    return RateColumn()
