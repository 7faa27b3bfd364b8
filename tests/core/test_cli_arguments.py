"""How ``layout-studio`` reads its command line (click): ``--version``, values that start with ``-``, mistyped
options, help sections, no command, and Ctrl-C."""

from __future__ import annotations

import pytest

import layout_studio
from layout_studio.cli import main
from layout_studio.presets import bundled_presets
from tests.conftest import REFERENCE_DIR

TWO_UP = str(next(p for p in bundled_presets() if p.stem == "two-up"))
START_5 = str(REFERENCE_DIR / "start-5-mix-av-then-feedback.json")


def test_version_prints_the_version(capsys):
    assert main(["--version"]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"layout-studio {layout_studio.__version__}\n" and captured.err == ""


def test_no_command_in_a_terminal_opens_the_studio(monkeypatch):
    import layout_studio.cli.edit as edit
    import layout_studio.tui as tui

    opened = []
    monkeypatch.setattr(edit, "needs_terminal", lambda: None)  # as in a terminal (without one: exit 2)
    monkeypatch.setattr(tui, "run", lambda preset: opened.append(preset) or 0)
    assert main([]) == 0
    assert opened == [None]


@pytest.mark.parametrize(
    "argv, named, suggested",
    [
        (["validate", TWO_UP, "--formt", "json"], "--formt", "--format"),
        (["payload", TWO_UP, "--action", "update", "--task_id", "t"], "--task_id", "--task-id"),
        (["history", "--limt", "3"], "--limt", "--limit"),
    ],
)
def test_a_mistyped_option_is_bad_usage_naming_it(argv, named, suggested, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert named in err and suggested in err and "Traceback" not in err
    assert err.splitlines()[-1].startswith(f"layout-studio {argv[0]}: error:")


def test_an_option_given_another_option_as_its_value_is_bad_usage(tmp_path, capsys):
    """`-o --force`: the output name was forgotten; click alone would write a file called --force."""
    assert main(["import", START_5, "-o", "--force"]) == 2
    err = capsys.readouterr().err
    assert "-o needs a value" in err and "--force" in err
    assert not (tmp_path / "--force").exists()


def test_a_task_id_that_is_an_option_name_can_still_be_written_with_equals(capsys):
    assert main(["payload", TWO_UP, "--action", "update", "--task-id=--force", "--sequence", "1"]) == 0
    assert '"TaskId": "--force"' in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, task",
    [
        (["history", "-m97yhZU"], "-m97yhZU"),  # holds the letters of -y and -h: not read as those flags
        (["history", "-h97"], "-h97"),
        (["history", "--", "--m97"], "--m97"),
        (["history", "--limit", "2", "-m97"], "-m97"),
    ],
)
def test_history_reads_a_dash_task_id_as_written(argv, task, tmp_path, capsys):
    assert main(["history", "--journal", str(tmp_path / "j.sqlite3"), *argv[1:]]) == 0
    assert capsys.readouterr().out == f"no requests recorded for task {task}\n"


def test_short_flags_still_work_next_to_a_dash_task_id(capsys):
    assert main(["rollback", "-h"]) == 0
    assert "Usage: layout-studio rollback" in capsys.readouterr().out


def test_a_long_option_written_with_one_dash_is_not_taken_for_a_task_id(tmp_path, capsys):
    assert main(["history", "-limit", "3", "--journal", str(tmp_path / "j.sqlite3")]) == 2
    assert "did you mean --limit?" in capsys.readouterr().err


def test_help_lists_options_by_section(capsys):
    assert main(["push", "--help"]) == 0
    out = capsys.readouterr().out
    sections = [line for line in out.splitlines() if line and not line.startswith(" ") and line.endswith(":")]
    assert sections == [
        "Positional arguments:",
        "Options:",
        "What else the update carries (default: only the design):",
        "Connection:",
    ]
    assert "--task-id T" in out and "-y, --yes" in out and "--with-transcoding / --no-with-transcoding" in out


def test_a_layout_studio_error_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["render", TWO_UP, "-o", str(tmp_path / "o.png"), "--scale", "9"]) == 2
    assert capsys.readouterr().err == "layout-studio: error: --scale 9: use a factor between 0.05 and 4\n"


def test_ctrl_c_in_a_command_exits_130_without_a_traceback(monkeypatch, capsys):
    from layout_studio import validation

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(validation, "validate", interrupted)
    assert main(["validate", TWO_UP]) == 130
    assert capsys.readouterr().err == "layout-studio: interrupted\n"
