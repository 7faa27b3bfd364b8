"""The studio needs a terminal: ``layout-studio`` with no command, and ``layout-studio edit [PRESET]``, print the usage
and exit 2 when stdin, stdout or stderr is not a terminal (a script, a pipe, cron), instead of starting an app
that waits for keys that never come."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from tests.conftest import ROOT

#: Far more than the command needs; a studio started without a terminal would never end on its own.
DEADLINE = 60


def layout_studio(*args: str, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "layout_studio", *args],
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        cwd=ROOT,
    )


def test_no_command_without_a_terminal_prints_the_usage_and_exits_2():
    done = layout_studio()
    assert done.returncode == 2
    assert "Usage: layout-studio" in done.stderr and "validate" in done.stderr  # the commands are listed
    assert "needs a terminal" in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize("args", [["edit"], ["edit", "presets/two-up.json"], ["edit", "no-such-new.json"]])
def test_edit_without_a_terminal_prints_its_usage_and_exits_2(args):
    done = layout_studio(*args)
    assert done.returncode == 2
    assert "Usage: layout-studio edit" in done.stderr and "needs a terminal" in done.stderr
    assert not (ROOT / "no-such-new.json").exists()


def test_a_terminal_on_stdin_alone_is_not_enough():
    """Keys could be read, but the output goes to a pipe: nobody would see the studio."""
    leader, follower = pty.openpty()
    try:
        done = layout_studio("edit", stdin=follower)
    finally:
        os.close(leader)
        os.close(follower)
    assert done.returncode == 2 and "needs a terminal" in done.stderr
