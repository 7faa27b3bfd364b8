"""A value of the wrong type is bad input for every command that reads a design: exit 2 with the file, the field's
path and the fix, nothing written. render, sei and sheet used to drop the value and draw without it (a region
moved to 0, the canvas replaced by 1280x720) with no word about it."""

from __future__ import annotations

import json

import pytest

from layout_studio import bundled
from layout_studio.cli import main

R0 = "VideoParams.LayoutParams.MixLayoutList[0]"


@pytest.fixture
def preset(tmp_path):
    data = json.loads(bundled.presets_dir().joinpath("two-up.json").read_text())
    data["VideoParams"]["LayoutParams"]["MixLayoutList"][0]["LocationX"] = "100"  # quoted: a string
    path = tmp_path / "quoted.json"
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["render", "{p}", "-o", "{d}/out.png", "--offline"],
        ["sei", "{p}"],
        ["sheet", "{p}", "-o", "{d}/sheet.png", "--offline"],
        ["export", "{p}", "--to", "recording"],
        ["payload", "{p}", "--action", "start"],
    ],
    ids=lambda argv: argv[0],
)
def test_a_quoted_number_is_bad_input_naming_its_path(argv, preset, tmp_path, capsys):
    args = [a.format(p=preset, d=tmp_path) for a in argv]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert str(preset) in err and f"{R0}.LocationX" in err and "without quotes (100)" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quoted.json"]
