"""The studio in a real terminal: tmux runs ``layout-studio edit`` at 80×24 and 120×40, ``tmux send-keys`` types
one burst (select the watermark, open its Text, type, tab to Width and Height, type numbers, enter) as a terminal
delivers type-ahead, and ``tmux capture-pane`` reads the fields back; ctrl+s and ctrl+q then end the session and
the saved file holds exactly what was typed.

Skipped only when tmux is not installed (``.ci/run`` installs it with apt). Every wait polls capture-pane against a
deadline (no fixed sleeps), so a loaded machine only makes it slower.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it with apt)")

FIXTURES = Path(__file__).parent / "fixtures"
#: How long any one step may take on a loaded 2-core machine (start-up is the slowest).
DEADLINE = 90.0

#: Typed into the watermark's Text: letters the canvas would take as keys (w adds a watermark, d duplicates), short
#: enough to show whole in the field at 80 columns.
TEXT = "Wind & dust: live"


class Pane:
    """One tmux server (its own socket, no user configuration) running one command in a ``size`` window."""

    def __init__(self, socket: Path, size: tuple[int, int], command: str) -> None:
        self.socket = socket
        self.tmux("new-session", "-d", "-s", "studio", "-x", str(size[0]), "-y", str(size[1]), command)

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [TMUX or "tmux", "-S", str(self.socket), "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=DEADLINE,
        )

    def text(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "studio").stdout

    def wait_for(self, what: str, pattern: str) -> re.Match[str]:
        """Poll the pane until ``pattern`` (a regular expression) is on it; fail naming ``what`` after DEADLINE."""
        end = time.monotonic() + DEADLINE
        screen = ""
        while time.monotonic() < end:
            screen = self.text()
            if found := re.search(pattern, screen):
                return found
            time.sleep(0.1)
        raise AssertionError(f"{what}: {pattern!r} not on the screen within {DEADLINE:.0f} s:\n{screen}")

    def send(self, *keys: str) -> None:
        """Send ``keys`` in one tmux command (one burst): ``"literal:TEXT"`` types TEXT, anything else is a tmux key
        name (``Tab``, ``Enter``, ``C-s``)."""
        args: list[str] = []
        for key in keys:
            if args:
                args.append(";")
            if key.startswith("literal:"):
                args += ["send-keys", "-t", "studio", "-l", "--", key.removeprefix("literal:")]
            else:
                args += ["send-keys", "-t", "studio", key]
        self.tmux(*args)

    def ended(self) -> bool:
        return self.tmux("has-session", "-t", "studio", check=False).returncode != 0

    def close(self) -> None:
        self.tmux("kill-server", check=False)


@pytest.fixture
def preset(tmp_path) -> Path:
    dest = tmp_path / "show.json"
    shutil.copy(FIXTURES / "two_up.json", dest)
    return dest


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_a_burst_typed_in_tmux_is_read_back_exactly_and_saved(preset, tmp_path, size):
    env = {
        "LAYOUT_STUDIO_DATA_DIR": os.environ["LAYOUT_STUDIO_DATA_DIR"],
        "LAYOUT_STUDIO_CACHE_DIR": os.environ["LAYOUT_STUDIO_CACHE_DIR"],
        "HOME": os.environ["HOME"],
        "TERM": "tmux-256color",
    }
    command = " ".join(
        ["cd", shlex.quote(str(tmp_path)), "&&", "exec", "env", *(f"{k}={shlex.quote(v)}" for k, v in env.items())]
        + [shlex.quote(sys.executable), "-m", "layout_studio", "edit", "show.json"]
    )
    pane = Pane(tmp_path / "tmux.sock", size, command)
    try:
        pane.wait_for("the studio's status line", r"show\.json │ 1280×720")
        pane.send(
            "Tab",  # select the LIVE text watermark (on top)
            "Enter",  # open its first field, Text (selected: typing replaces it)
            f"literal:{TEXT}",
            "Tab",  # apply Text, go to Width
            "literal:1920",
            "Tab",  # apply Width, go to Height
            "literal:1080",
            "Enter",  # apply Height
        )
        pane.wait_for("Height read back", r"Height\s+1080\b")
        pane.wait_for("the unsaved mark", r"show\.json ● │")
        screen = pane.text()
        assert re.search(r"Width\s+1920\b", screen), screen
        assert re.search(rf"Text\s+{re.escape(TEXT)}\s", screen), screen
        pane.send("C-s")
        pane.wait_for("saved: the unsaved mark gone", r"show\.json │ 1280×720")
        pane.send("C-q")
        end = time.monotonic() + DEADLINE
        while not pane.ended() and time.monotonic() < end:
            time.sleep(0.1)
        assert pane.ended(), pane.text()
    finally:
        pane.close()
    body = json.loads(preset.read_text())["VideoParams"]["WaterMarkList"][0]["WaterMarkText"]
    assert (body["Text"], body["WaterMarkWidth"], body["WaterMarkHeight"]) == (TEXT, 1920, 1080)
