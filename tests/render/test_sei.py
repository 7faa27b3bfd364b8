"""The LayoutVolume SEI the MCU would send (API StartPublishCdnStream (volume layout SEI); SDK models.McuLayoutVolume),
and how a simulated SEI is marked."""

from __future__ import annotations

import json

from layout_studio.cli import main
from layout_studio.sei import sei_payload

from .helpers import preset, region


def _cfg():
    cfg = preset([region(0, 0, 200, 200, "host", z=1), region(200, 0, 200, 200, "guest", z=2), region(0, 0, 50, 50)])
    cfg["SeiParams"] = {"LayoutVolume": {"AppData": "show-42", "PayloadType": 100}}
    return cfg


def test_payload_has_the_documented_shape():
    sei = sei_payload(_cfg(), ts=1648544726)
    assert set(sei) == {"app_data", "canvas", "regions", "ver", "ts"}
    assert sei["app_data"] == "show-42" and sei["canvas"] == {"w": 400, "h": 200}
    assert sei["ver"] == "1.0" and sei["ts"] == 1648544726
    assert sei["regions"][0] == {"uid": "host", "zorder": 1, "volume": 0, "x": 0, "y": 0, "w": 200, "h": 200}
    assert [r["uid"] for r in sei["regions"]] == ["host", "guest", "auto #1"]


def test_only_users_present_with_video_are_listed():
    assert [r["uid"] for r in sei_payload(_cfg(), absent=["guest"])["regions"]] == ["host", "auto #1"]
    assert [r["uid"] for r in sei_payload(_cfg(), users=1)["regions"]] == ["host"]
    assert sei_payload(_cfg(), users=0)["regions"] == []


def test_dynamic_layout_sei_lists_the_simulated_regions():
    cfg = preset([], mode=3, w=1280, h=720)
    regions = sei_payload(cfg, users=2)["regions"]
    assert [(r["x"], r["w"]) for r in regions] == [(0, 640), (640, 640)]


def test_sei_command_prints_the_json(tmp_path, capsys):
    path = tmp_path / "p.json"
    path.write_text(json.dumps(_cfg()))
    assert main(["sei", str(path), "--users", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["uid"] for r in out["regions"]] == ["host", "guest"]


def test_sei_command_notes_a_design_without_layout_sei_and_fails_cleanly_on_bad_input(tmp_path, capsys):
    path = tmp_path / "p.json"
    path.write_text(json.dumps(preset([region(0, 0, 10, 10, "a")])))
    assert main(["sei", str(path)]) == 0
    assert "LayoutVolume is not set" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    assert main(["sei", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.json:1" in err and "Traceback" not in err


def test_sei_of_an_update_body_without_canvas_warns_and_takes_canvas_option(tmp_path, reference_examples, capsys):
    path = tmp_path / "update.json"
    path.write_text(json.dumps(reference_examples["update-1-change-audio-and-layout"]))
    assert main(["sei", str(path)]) == 0
    captured = capsys.readouterr()
    assert "render.canvas.missing" in captured.err  # the canvas in the JSON is a guess: say so
    assert main(["sei", str(path), "--canvas", "1920x1080"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["canvas"] == {"w": 1920, "h": 1080}
    assert "render.canvas.missing" not in captured.err
    body = reference_examples["update-1-change-audio-and-layout"]
    assert sei_payload(body, canvas=(960, 540))["canvas"] == {"w": 960, "h": 540}


def test_sei_command_warns_about_an_absent_user_the_design_does_not_show(tmp_path, capsys):
    # render warned about `--absent gust` (a typo: guest stays in the picture); sei printed guest's region silently
    path = tmp_path / "p.json"
    path.write_text(json.dumps(_cfg()))
    assert main(["sei", str(path), "--absent", "gust"]) == 0
    captured = capsys.readouterr()
    assert "render.user.unknown" in captured.err and "'gust'" in captured.err
    assert main(["sei", str(path), "--absent", "guest"]) == 0
    assert "render.user.unknown" not in capsys.readouterr().err


def _dynamic(tmp_path):
    cfg = preset([], mode=3, w=1280, h=720)
    cfg["SeiParams"] = {"LayoutVolume": {"AppData": "grid"}}
    path = tmp_path / "dyn.json"
    path.write_text(json.dumps(cfg))
    return path


def test_sei_of_a_dynamic_layout_says_on_one_line_that_the_geometry_is_simulated(tmp_path, capsys):
    assert main(["sei", str(_dynamic(tmp_path)), "--users", "3"]) == 0
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines() if "simulated" in line]
    assert len(lines) == 1 and "MixLayoutMode 3 (grid)" in lines[0] and "render.dynamic.approximation" in lines[0]
    sei = json.loads(captured.out)
    assert set(sei) == {"app_data", "canvas", "regions", "ver", "ts"}  # the documented shape, nothing added
    custom = tmp_path / "p.json"
    custom.write_text(json.dumps(_cfg()))
    assert main(["sei", str(custom)]) == 0
    assert "simulated" not in capsys.readouterr().err


def test_sei_format_json_marks_a_simulated_sei_beside_the_documented_object(tmp_path, capsys):
    assert main(["sei", str(_dynamic(tmp_path)), "--users", "2", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"SEI", "Simulated", "Findings"} and report["Simulated"] is True
    assert set(report["SEI"]) == {"app_data", "canvas", "regions", "ver", "ts"}
    assert [(r["x"], r["w"]) for r in report["SEI"]["regions"]] == [(0, 640), (640, 640)]
    assert [f["code"] for f in report["Findings"]] == ["render.dynamic.approximation"]
    assert set(report["Findings"][0]) == {"code", "severity", "path", "message", "source", "fixes"}
    custom = tmp_path / "p.json"
    custom.write_text(json.dumps(_cfg()))
    assert main(["sei", str(custom), "--format", "json", "--absent", "gust"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["Simulated"] is False and [f["code"] for f in report["Findings"]] == ["render.user.unknown"]
    assert main(["sei", str(custom), "--format", "yaml"]) == 2


def test_sei_of_a_design_with_errors_prints_no_sei_and_exits_1(tmp_path, capsys):
    """MixLayoutMode 9 printed an SEI with the info that mode 9 "is placed by the MCU", exit 0; Width 10**30 printed
    the preview's clamped canvas {"w": 2560} as what the MCU would send."""
    mode9 = preset([])
    mode9["VideoParams"]["LayoutParams"] = {"MixLayoutMode": 9}
    wide = _cfg()
    wide["VideoParams"]["VideoEncode"]["Width"] = 10**30
    for cfg, said in ((mode9, "MixLayoutMode 9 is invalid"), (wide, "[video.encode.width-range]")):
        path = tmp_path / "p.json"
        path.write_text(json.dumps(cfg))
        assert main(["sei", str(path)]) == 1
        captured = capsys.readouterr()
        assert captured.out == "" and said in captured.err and "the MCU would send no SEI" in captured.err
        assert "is placed by the MCU" not in captured.err
        assert main(["sei", str(path), "--format", "json"]) == 1
        report = json.loads(capsys.readouterr().out)
        assert report["SEI"] is None and any(f["severity"] == "error" for f in report["Findings"])
