"""``layout-studio render``: PNG written atomically, options, warnings on stderr, exit codes, no tracebacks."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from layout_studio.cli import main
from layout_studio.errors import LayoutStudioError
from layout_studio.render import Renderer

from .helpers import BG_RGB, color_of, preset, quadrants, region


def _write(tmp_path, data, name="p.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def test_render_writes_a_png_of_canvas_size_times_scale(tmp_path, capsys):
    src = _write(tmp_path, preset([region(0, 0, 100, 100, "alice")]))
    out = tmp_path / "out.png"
    assert main(["render", str(src), "-o", str(out), "--scale", "0.5"]) == 0
    with Image.open(out) as im:
        assert im.size == (200, 100) and im.format == "PNG"
    assert not list(tmp_path.glob("*.tmp"))


def test_absent_source_and_users_options(tmp_path):
    photo = tmp_path / "q.png"
    quadrants((200, 100)).save(photo)
    src = _write(
        tmp_path,
        preset([region(0, 0, 100, 50, "alice"), region(200, 0, 100, 50, "bob"), region(300, 100, 100, 50, "carol")]),
    )
    out = tmp_path / "out.png"
    assert (
        main(["render", str(src), "-o", str(out), "--source", f"alice={photo}", "--absent", "bob", "--users", "2"]) == 0
    )
    with Image.open(out) as im:
        assert im.getpixel((2, 2)) == (255, 0, 0)
        assert im.getpixel((202, 2)) == BG_RGB  # bob absent, no placeholder
        assert im.getpixel((302, 102)) == BG_RGB  # carol is the third user: not in the room


def test_source_can_pick_a_built_in_card(tmp_path):
    src = _write(tmp_path, preset([region(0, 0, 160, 90, "alice")]))
    out = tmp_path / "out.png"
    assert main(["render", str(src), "-o", str(out), "--source", "alice=card:screen"]) == 0
    with Image.open(out) as im:
        assert im.getpixel((2, 2)) == color_of(preset([region(0, 0, 160, 90, "alice")]), "alice")


def test_request_body_renders_and_overlay_draws(tmp_path, reference_examples):
    body = reference_examples["start-6-mix-av-relay-with-layout"]
    src = _write(tmp_path, body)
    plain, over = tmp_path / "a.png", tmp_path / "b.png"
    assert main(["render", str(src), "-o", str(plain), "--offline"]) == 0
    assert main(["render", str(src), "-o", str(over), "--offline", "--overlay"]) == 0
    with Image.open(plain) as a, Image.open(over) as b:
        assert a.size == b.size == (1280, 720) and a.tobytes() != b.tobytes()


def test_failed_image_is_a_warning_on_stderr_and_exit_0(tmp_path, capsys):
    cfg = preset(
        [],
        watermarks=[
            {
                "WaterMarkImage": {
                    "WaterMarkUrl": "https://img.invalid/x.png?txSecret=s3cr3t",
                    "WaterMarkWidth": 20,
                    "WaterMarkHeight": 20,
                    "LocationX": 0,
                    "LocationY": 0,
                }
            }
        ],
    )
    src = _write(tmp_path, cfg)
    assert main(["render", str(src), "-o", str(tmp_path / "o.png"), "--offline"]) == 0
    err = capsys.readouterr().err
    assert "warning: VideoParams.WaterMarkList[0].WaterMarkImage.WaterMarkUrl" in err
    assert "s3cr3t" not in err


def test_update_body_without_canvas_renders_with_a_warning(tmp_path, reference_examples, capsys):
    src = _write(tmp_path, reference_examples["update-1-change-audio-and-layout"])
    assert main(["render", str(src), "-o", str(tmp_path / "o.png"), "--offline"]) == 0
    assert "render.canvas.missing" in capsys.readouterr().err


def test_unreadable_input_and_bad_options_exit_2_without_traceback(tmp_path, capsys):
    good = _write(tmp_path, preset([]))
    bad = tmp_path / "bad.json"
    bad.write_text('{"VideoParams": [1,}')
    cases = [
        ["render", str(tmp_path / "missing.json"), "-o", str(tmp_path / "o.png")],
        ["render", str(bad), "-o", str(tmp_path / "o.png")],
        ["render", str(good), "-o", str(tmp_path / "no" / "dir" / "o.png")],
        ["render", str(good), "-o", str(tmp_path / "o.png"), "--source", "alice"],
        ["render", str(good), "-o", str(tmp_path / "o.png"), "--scale", "0"],
    ]
    for argv in cases:
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.startswith("layout-studio: error:") and "Traceback" not in err
    assert not (tmp_path / "o.png").exists()


def test_missing_source_file_is_a_finding_not_a_crash(tmp_path, capsys):
    src = _write(tmp_path, preset([region(0, 0, 100, 100, "alice")]))
    assert main(["render", str(src), "-o", str(tmp_path / "o.png"), "--source", f"alice={tmp_path / 'nope.png'}"]) == 0
    assert "no such file" in capsys.readouterr().err


def test_canvas_option_sizes_an_update_body(tmp_path, reference_examples, capsys):
    src = _write(tmp_path, reference_examples["update-1-change-audio-and-layout"])
    out = tmp_path / "o.png"
    # the body's 1280x720 regions do not fit the 640x360 canvas: errors (exit 1), and the preview is written anyway
    assert main(["render", str(src), "-o", str(out), "--offline", "--canvas", "640x360"]) == 1
    err = capsys.readouterr().err
    assert "render.canvas.missing" not in err and "(--canvas 640x360) [layout.region.outside-canvas]" in err
    with Image.open(out) as im:
        assert im.size == (640, 360)


def test_source_or_absent_for_a_user_the_design_does_not_show_is_a_warning(tmp_path, capsys):
    # a typo in a user id must not silently leave the built-in card in place
    src = _write(tmp_path, preset([region(0, 0, 100, 100, "alice")]))
    photo = tmp_path / "q.png"
    quadrants((200, 100)).save(photo)
    assert (
        main(["render", str(src), "-o", str(tmp_path / "o.png"), "--source", f"Alice={photo}", "--absent", "bob"]) == 0
    )
    err = capsys.readouterr().err
    assert "render.user.unknown" in err and "'Alice'" in err and "'bob'" in err and "alice" in err
    assert main(["render", str(src), "-o", str(tmp_path / "o.png"), "--source", f"alice={photo}"]) == 0
    assert "render.user.unknown" not in capsys.readouterr().err


def test_output_to_a_pipe_or_device_writes_into_it_and_leaves_it_in_place(tmp_path):
    # -o /dev/null or a named pipe: the atomic writer replaced the special file with a regular one (as root,
    # /dev/null itself became a PNG file); a non-root user got "Permission denied" from the temporary file
    import os
    import stat

    src = _write(tmp_path, preset([region(0, 0, 10, 10, "alice")], w=40, h=20))
    fifo = tmp_path / "preview.png"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waiting, as `display < fifo` would be
    try:
        assert main(["render", str(src), "-o", str(fifo)]) == 0
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        assert os.read(reader, 1 << 20).startswith(b"\x89PNG")
    finally:
        os.close(reader)


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path):
    src = _write(tmp_path, preset([region(0, 0, 10, 10, "alice")], w=40, h=20))
    (tmp_path / "shots").mkdir()
    target = tmp_path / "shots" / "latest.png"
    target.write_bytes(b"old")
    link = tmp_path / "preview.png"
    link.symlink_to(target)
    assert main(["render", str(src), "-o", str(link)]) == 0
    assert link.is_symlink() and target.read_bytes().startswith(b"\x89PNG")


def test_an_unknown_built_in_card_names_the_cards_there_are(tmp_path, capsys):
    # --source alice=card:laptop was read as a file path: "card:laptop: no such file" and a hatched box
    src = _write(tmp_path, preset([region(0, 0, 160, 90, "alice")]))
    assert main(["render", str(src), "-o", str(tmp_path / "o.png"), "--source", "alice=card:laptop"]) == 2
    err = capsys.readouterr().err
    assert "card:laptop" in err and "card:camera" in err and "card:screen" in err and "Traceback" not in err
    assert not (tmp_path / "o.png").exists()


def test_output_over_the_input_file_is_refused(tmp_path, capsys):
    # `render show.json -o show.json` (a completion slip) replaced the preset with its own preview
    src = _write(tmp_path, preset([region(0, 0, 10, 10, "alice")], w=40, h=20))
    before = src.read_text()
    link = tmp_path / "same.json"
    link.symlink_to(src)
    for out in (src, link):
        assert main(["render", str(src), "-o", str(out)]) == 2
        err = capsys.readouterr().err
        assert "input" in err and str(out) in err and "Traceback" not in err
    assert src.read_text() == before


def _dynamic_with_moving_watermark():
    cfg = preset([], w=640, h=360, mode=3)
    del cfg["VideoParams"]["LayoutParams"]["MixLayoutList"]
    cfg["VideoParams"]["WaterMarkList"] = [
        {
            "WaterMarkType": 1,
            "WaterMarkText": {
                "Text": "x",
                "FontSize": 20,
                "WaterMarkWidth": 100,
                "WaterMarkHeight": 40,
                "LocationX": 500,
                "LocationY": 300,
                "DynamicPosType": 1,
            },
        }
    ]
    return cfg


def test_clean_render_draws_no_badge_and_no_marker_the_default_keeps_them(tmp_path, capsys):
    from layout_studio.render.watermarks import MARKER

    src = _write(tmp_path, _dynamic_with_moving_watermark())
    default, clean = tmp_path / "d.png", tmp_path / "c.png"
    assert main(["render", str(src), "-o", str(default), "--users", "1"]) == 0
    assert main(["render", str(src), "-o", str(clean), "--users", "1", "--clean"]) == 0
    with Image.open(default) as d, Image.open(clean) as c:
        badge = {d.getpixel((x, y)) for x in range(4, 200) for y in range(4, 20)}
        assert (0, 0, 0) in badge and (255, 214, 0) in badge  # the "simulated" badge, black with yellow text
        assert d.getpixel((598, 302)) == MARKER  # the moving watermark's badge
        card = {c.getpixel((x, y)) for x in range(4, 200) for y in range(4, 20)}
        assert (0, 0, 0) not in card and (255, 214, 0) not in card  # the user's card, nothing drawn over it
        assert MARKER not in {c.getpixel((x, y)) for x in range(500, 600) for y in range(300, 340)}
        assert c.getpixel((300, 200)) == d.getpixel((300, 200))  # the same frame under the marks
    err = capsys.readouterr().err
    assert err.count("simulated") == 2  # said on stderr either way, one line per render
    assert all(line.count("simulated") <= 1 for line in err.splitlines())


def test_clean_and_overlay_exclude_each_other(tmp_path, capsys):
    src = _write(tmp_path, _dynamic_with_moving_watermark())
    assert main(["render", str(src), "-o", str(tmp_path / "o.png"), "--clean", "--overlay"]) == 2
    err = capsys.readouterr().err
    assert "--clean" in err and "--overlay" in err and "Traceback" not in err
    assert not (tmp_path / "o.png").exists()
    with pytest.raises(LayoutStudioError, match="clean or overlay"):
        Renderer().render(_dynamic_with_moving_watermark(), clean=True, overlay=True)


def test_render_of_a_custom_layout_says_nothing_about_simulation(tmp_path, capsys):
    src = _write(tmp_path, preset([region(0, 0, 100, 100, "alice")]))
    assert main(["render", str(src), "-o", str(tmp_path / "o.png")]) == 0
    assert "simulated" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "name, fmt, mode",
    [("x.jpg", "JPEG", "RGB"), ("x.JPEG", "JPEG", "RGB"), ("x.webp", "WEBP", None), ("x.png", "PNG", None)],
)
def test_the_output_is_written_in_the_format_its_extension_names(tmp_path, name, fmt, mode):
    """-o x.jpg wrote PNG bytes into x.jpg."""
    src = _write(tmp_path, preset([region(0, 0, 100, 100, "alice")]))
    out = tmp_path / name
    assert main(["render", str(src), "-o", str(out), "--offline"]) == 0
    with Image.open(out) as im:
        assert im.format == fmt and (mode is None or im.mode == mode)


@pytest.mark.parametrize("name", ["g.txt", "x.gif", "noext"])
def test_an_output_extension_that_names_no_written_format_is_refused_before_drawing(
    tmp_path, name, capsys, monkeypatch
):
    src = _write(tmp_path, preset([region(0, 0, 100, 100, "alice")]))
    drawn = []
    monkeypatch.setattr(Renderer, "render", lambda *a, **k: drawn.append(1))
    assert main(["render", str(src), "-o", str(tmp_path / name), "--offline"]) == 2
    err = capsys.readouterr().err
    assert name in err and ".png, .jpg, .jpeg, .webp" in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / name).exists() and drawn == []


def test_a_design_with_errors_is_drawn_and_exits_1_naming_what_is_drawn(tmp_path, capsys):
    """MixLayoutMode 9 exited 0 with an info that mode 9 "is placed by the MCU ... simulated"."""
    cfg = preset([])
    cfg["VideoParams"]["LayoutParams"] = {"MixLayoutMode": 9}
    src, out = _write(tmp_path, cfg), tmp_path / "o.png"
    assert main(["render", str(src), "-o", str(out), "--offline"]) == 1
    err = capsys.readouterr().err
    assert "error: VideoParams.LayoutParams.MixLayoutMode: MixLayoutMode 9 is invalid" in err
    assert "the preview draws it as floating (mode 1)" in err and "[layout.mix-layout-mode]" in err
    assert "is placed by the MCU" not in err and out.exists()
