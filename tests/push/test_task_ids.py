"""TaskIds as the user gives them — a task list (``push --task-ids-from FILE``) or ``--task-id`` — pass one validator
(layout_studio.values.parse_task_id) before anything is sent: one TaskId a line, ``#`` starts a comment only at the
beginning of a line, and a TaskId with control or invisible characters, escapes, whitespace inside, a ``#`` or more
than 256 characters is an error naming the file and line (or the option), shown escaped, exit 2."""

from __future__ import annotations

import pytest

from layout_studio.errors import LayoutStudioError
from layout_studio.push.batch import read_task_ids
from layout_studio.values import MAX_TASK_ID, ValueFormatError, parse_task_id
from tests.push.conftest import OTHER

BAD = {
    "hash inside": ("T-h1#x", "'#'"),
    "NUL": ("T-h1\x00x", "U+0000"),
    "zero-width space": ("T-h1\u200bx", "U+200B"),
    "BOM inside": ("T-h1\ufeffx", "U+FEFF"),
    "ANSI escape": ("T-h1\x1b[31mred", "U+001B"),
    "space inside": ("T-h1 x", "whitespace"),
    "tab inside": ("T-h1\tx", "whitespace"),
    "no-break space": ("T-h1\u00a0x", "U+00A0"),
    "form feed": ("T-h1\x0cx", "U+000C"),
    "line separator": ("T-h1\u2028x", "U+2028"),
    "non-ASCII letter": ("T-h\u00e91", "U+00E9"),
    "too long": ("T" * (MAX_TASK_ID + 1), f"at most {MAX_TASK_ID}"),
    "5,000 characters": ("T" * 5000, f"at most {MAX_TASK_ID}"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_line_of_a_task_list_names_the_file_and_line_escaped(tmp_path, name):
    value, words = BAD[name]
    path = tmp_path / "ids.txt"
    path.write_text(f"# tonight's show\ntask-1\n{value}\ntask-3\n", encoding="utf-8", newline="")
    with pytest.raises(LayoutStudioError) as caught:
        read_task_ids(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:3: ") and words in message, message
    assert message.isascii() and message.isprintable(), message  # escaped for the terminal
    assert len(message) < 400  # a 5,000-character line is not printed whole


def test_comments_start_a_line_and_the_rest_is_read_as_written(tmp_path):
    path = tmp_path / "ids.txt"
    path.write_bytes(
        "\ufeff# a comment\r\n  # an indented comment\r\n\r\n-m97l2ZU7vxyBSmXYsRx1X+4pycoZ/Q==..\r\n"
        "  task-2\t\r\ntask-1\r\n-m97l2ZU7vxyBSmXYsRx1X+4pycoZ/Q==..\r\n".encode()
    )
    assert read_task_ids(path) == ["-m97l2ZU7vxyBSmXYsRx1X+4pycoZ/Q==..", "task-2", "task-1"]


@pytest.mark.parametrize("name", ["hash inside", "ANSI escape", "5,000 characters", "zero-width space"])
def test_a_batch_with_a_bad_task_list_sends_nothing_and_exits_2(cli, fake, tmp_path, name):
    value, words = BAD[name]
    path = tmp_path / "ids.txt"
    path.write_text(f"task-1\n{value}\n", encoding="utf-8")
    code, out, err = cli("push", str(OTHER), "--task-ids-from", str(path), "--sdk-app-id", "1400188366", "--yes")
    assert code == 2 and f"{path}:2:" in err and words in err, err
    assert "\x1b" not in out + err and "\u200b" not in out + err and "T" * 300 not in err
    assert fake.seen() == []


@pytest.mark.parametrize("name", ["hash inside", "ANSI escape", "too long", "zero-width space", "space inside"])
@pytest.mark.parametrize("command", ["plan", "push", "stop", "rollback", "history", "payload"])
def test_every_task_id_option_and_argument_is_checked_the_same_way(cli, fake, name, command):
    value, words = BAD[name]
    argv = {
        "plan": ["plan", str(OTHER), "--task-id", value],
        "push": ["push", str(OTHER), "--task-id", value, "--yes"],
        "stop": ["stop", "--task-id", value, "--yes"],
        "rollback": ["rollback", value, "--yes"],
        "history": ["history", value],
        "payload": ["payload", str(OTHER), "--action", "update", "--task-id", value],
    }[command]
    code, out, err = cli(*argv)
    assert code == 2 and words in err, err
    assert "\x1b" not in out + err and "\u200b" not in out + err and "T" * 300 not in err
    assert fake.seen() == []


def test_the_validator_keeps_what_the_api_writes_and_strips_only_the_line_around_it():
    for good in ("-m97l2ZU7vxyBSmXYsRx1Xy9Kf4bVVfbbhSKC4K-4pycoZWKv542xbi139uTvGt1zAHoAQ..", "1234", "a+b/c=d_e.f"):
        assert parse_task_id(good) == good
        assert parse_task_id(f" {good}\t\r\n") == good
    with pytest.raises(ValueFormatError, match="empty"):
        parse_task_id(" \t")


def test_the_studio_push_screen_checks_the_task_id_the_same_way(tmp_path):
    import asyncio

    from textual.widgets import Button

    from layout_studio.editing import EditSession
    from layout_studio.tui.app import StudioApp
    from tests.push.conftest import PRESET

    app = StudioApp(EditSession.open(PRESET), offer_recovery=False)
    said: list[str] = []

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await app.editor.run_action("push")
            await pilot.pause()
            app.screen.query_one("#push-task").value = "T-h1\x1b[31m"
            await pilot.press("f5")
            await pilot.pause()
            said.append(str(app.screen.query_one("#push-outcome").render()))
            assert app.screen.plan is None and app.screen.query_one("#push", Button).disabled

    asyncio.run(scenario())
    assert "cannot plan" in said[0] and "U+001B" in said[0] and "\x1b" not in said[0]
