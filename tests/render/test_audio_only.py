"""A design without VideoParams is mixed as audio only (API StartPublishCdnStream: VideoParams is required when
mixing video; the reference example "Mix Audio & Relay" has none): there is no picture. The preview, the SEI and the
contact sheet used to invent a floating layout of four simulated users for it, labelled "simulated"."""

from __future__ import annotations

import json

from PIL import ImageStat

from layout_studio.cli import main
from layout_studio.render import Renderer
from layout_studio.sei import sei_report

from ..rules.bodies import preset_from, reference


def _codes(findings):
    return {f.code if hasattr(f, "code") else f["code"] for f in findings}


def test_the_preview_of_an_audio_only_design_draws_no_invented_user():
    result = Renderer().render(preset_from("start-2"), offline=True)
    assert all(lo == hi for lo, hi in ImageStat.Stat(result.image).extrema)  # one colour: the empty canvas
    codes = _codes(result.findings)
    assert "render.audio-only" in codes
    assert not codes & {"render.dynamic.approximation", "render.canvas.missing"}


def test_the_sei_of_an_audio_only_body_has_no_regions_and_is_not_simulated():
    report = sei_report(reference("start-2"))
    assert report["SEI"]["regions"] == [] and report["Simulated"] is False
    assert "render.audio-only" in _codes(report["Findings"])


def test_the_commands_say_so(tmp_path, capsys):
    preset = tmp_path / "audio.json"
    preset.write_text(json.dumps(preset_from("start-2")))
    assert main(["render", str(preset), "-o", str(tmp_path / "a.png")]) == 0
    assert main(["sheet", str(preset), "-o", str(tmp_path / "s.png")]) == 0
    err = capsys.readouterr().err
    assert "render.audio-only" in err and "simulated" not in err
