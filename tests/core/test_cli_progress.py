"""The batch progress display: plain lines where stderr is not a terminal, a rich bar where it is."""

from __future__ import annotations

import io

import pytest

from layout_studio.cli import progress as progress_module
from layout_studio.cli.progress import BatchProgress, duration, outcome_text, time_left


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(progress_module.time, "monotonic", c)
    return c


def test_plain_lines_at_the_first_result_every_ten_percent_and_the_end(clock):
    stream = io.StringIO()
    bar = BatchProgress(100, stream)
    for done in range(1, 101):
        clock.now += 0.2
        bar.update({"ok": done})
    bar.close()
    lines = stream.getvalue().splitlines()
    assert [line.split(" ")[1] for line in lines] == [f"{n}/100" for n in (1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100)]
    assert lines[1] == "push: 10/100 (10%): ok 10; 5.0 tasks/s; about 18 s left"
    assert lines[-1] == "push: 100/100 (100%): ok 100; 5.0 tasks/s"
    assert "\r" not in stream.getvalue() and "\x1b" not in stream.getvalue()  # readable in a CI log


def test_plain_lines_at_least_every_few_seconds_on_a_slow_batch(clock):
    stream = io.StringIO()
    bar = BatchProgress(1000, stream, every_seconds=5)
    for done in range(1, 31):
        clock.now += 1.0
        bar.update({"ok": done - 1, "error": 1})
    assert [line.split(" ")[1] for line in stream.getvalue().splitlines()] == [
        "1/1000",
        "6/1000",
        "11/1000",
        "16/1000",
        "21/1000",
        "26/1000",
    ]
    assert "error 1" in stream.getvalue().splitlines()[-1]


def test_a_burst_of_results_prints_one_line_until_a_second_has_passed(clock):
    """The tasks skipped at the start arrive all at once: not ten lines in the same instant."""
    stream = io.StringIO()
    bar = BatchProgress(100, stream)
    for done in range(1, 61):
        bar.update({"skipped": done})
    clock.now += 1.0
    bar.update({"skipped": 60, "ok": 1})
    assert stream.getvalue().splitlines() == [
        "push: 1/100 (1%): skipped 1",
        "push: 61/100 (61%): ok 1, skipped 60; 1.0 tasks/s; about 39 s left",
    ]


def test_the_rate_and_time_left_count_only_tasks_sent(clock):
    """Tasks skipped at the start (they already have the design) cost nothing: they must not inflate the rate."""
    stream = io.StringIO()
    bar = BatchProgress(100, stream)
    bar.update({"skipped": 50})
    clock.now += 10.0
    bar.update({"skipped": 50, "ok": 10})
    assert stream.getvalue().splitlines()[-1] == "push: 60/100 (60%): ok 10, skipped 50; 1.0 tasks/s; about 40 s left"


def test_close_prints_the_last_state_once(clock):
    stream = io.StringIO()
    bar = BatchProgress(100, stream)
    bar.update({"ok": 1})
    bar.update({"ok": 2, "not-sent": 3})
    bar.close()
    bar.close()
    assert stream.getvalue().splitlines()[-1].startswith("push: 5/100 (5%): ok 2, not-sent 3")
    assert len(stream.getvalue().splitlines()) == 2


def test_a_terminal_gets_a_rich_bar_with_counts_rate_and_time_left(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for name in ("TTY_COMPATIBLE", "TTY_INTERACTIVE", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "160")
    stream = Terminal()
    with BatchProgress(20, stream) as bar:
        assert bar._bar is not None
        bar.update({"skipped": 5})
        bar.update({"skipped": 5, "ok": 14, "error": 1})
    text = stream.getvalue()
    assert "20/20" in text and "ok 14 · skipped 5 · error 1" in text and "tasks/s" in text


def test_outcome_text_and_duration():
    assert outcome_text({"error": 1, "ok": 3, "zzz": 2, "skipped": 0}) == "ok 3, error 1, zzz 2"
    assert [duration(s) for s in (2.4, 65, 3725)] == ["2 s", "1 min 5 s", "1 h 2 min"]
    assert [time_left(s) for s in (0.3, 2.4)] == ["under 1 s left", "about 2 s left"]
