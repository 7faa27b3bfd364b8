"""The contact sheet: one image of captioned tiles (each the draft render of its room state), red where flagged,
the library call and the ``sheet`` command, and PNG snapshots of two sheets (reviewed by eye)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

import layout_studio
from layout_studio.cli import main
from layout_studio.mix import coerce
from layout_studio.presets import bundled_presets, load_preset
from layout_studio.render import Renderer
from layout_studio.sheet import build_sheet, contact_sheet
from layout_studio.sheet.compose import FLAG, TEXT

from ..render.helpers import png_bytes, preset, region
from .designs import portrait_small_screen, sharing_without_max_video_user

SCREEN_SHARE = next(p for p in bundled_presets() if p.stem == "screen-share")


@pytest.fixture(autouse=True)
def bundled_font_only(no_cjk_font):
    """Captions and watermarks drawn with the bundled font whatever the machine has installed."""


def test_the_library_call_returns_the_sheet_image_and_is_exported_lazily():
    image = layout_studio.contact_sheet(sharing_without_max_video_user(), users=(1, 3), offline=True)
    assert isinstance(image, Image.Image) and image.mode == "RGB"
    assert image.tobytes() == contact_sheet(sharing_without_max_video_user(), users=(1, 3), offline=True).tobytes()


def test_each_tile_is_the_render_of_its_room_state():
    cfg = sharing_without_max_video_user()
    sheet = build_sheet(cfg, users=(2, 4), offline=True, clean=True)
    assert [t.state.users for t in sheet.tiles] == [2, 3, 4]
    renderer = Renderer()
    for t in sheet.tiles:
        x, y, w, h = t.box
        assert (w, h) == (320, 180)
        alone = renderer.render(cfg, users=t.state.users, scale=320 / 1280, draft=True, clean=True, offline=True)
        assert sheet.image.crop((x, y, x + w, y + h)).tobytes() == alone.image.tobytes()


def test_flagged_tiles_have_a_red_caption_and_frame_the_others_do_not():
    sheet = build_sheet(portrait_small_screen(), offline=True)
    assert [t.flagged for t in sheet.tiles] == [True, True, True]
    fine = build_sheet(preset([region(0, 0, 200, 200, "a"), region(200, 0, 200, 200, "b")]), offline=True)
    assert [t.flagged for t in fine.tiles] == [False, True, True]  # a or b absent: their region is empty
    for sheet_, tile in ((sheet, sheet.tiles[0]), (fine, fine.tiles[0])):
        x, y, w, h = tile.box
        caption = {sheet_.image.getpixel((cx, cy)) for cx in range(x, x + w) for cy in range(y + h + 4, y + h + 20)}
        frame = sheet_.image.getpixel((x - 1, y + h // 2))
        if tile.flagged:
            assert FLAG in caption and frame == FLAG
        else:
            assert TEXT in caption and FLAG not in caption and frame != FLAG
    assert len(sheet.flagged) == 3 and fine.flagged == fine.tiles[1:]


def test_a_dynamic_sheet_says_once_that_its_geometry_is_simulated():
    sheet = build_sheet(sharing_without_max_video_user(), users=(1, 4), offline=True)
    notes = [f for f in sheet.findings if f.code == "render.dynamic.approximation"]
    assert len(notes) == 1 and "every tile" in notes[0].message
    assert not [f for f in build_sheet(load_preset(SCREEN_SHARE), offline=True).findings if "simulated" in f.message]


def test_clean_tiles_have_no_badge():
    cfg = sharing_without_max_video_user()
    badge, clean = (build_sheet(cfg, users=(1, 1), offline=True, clean=c) for c in (False, True))
    x, y, _, _ = badge.tiles[0].box
    top = [(x + dx, y + dy) for dx in range(4, 150) for dy in range(4, 14)]
    assert (255, 214, 0) in {badge.image.getpixel(p) for p in top}
    assert (255, 214, 0) not in {clean.image.getpixel(p) for p in top}


def test_tile_size_and_columns_are_options():
    sheet = build_sheet(coerce(sharing_without_max_video_user()), users=(1, 5), tile=160, columns=2, offline=True)
    assert [t.box[2:] for t in sheet.tiles] == [(160, 90)] * 5
    assert len({t.box[1] for t in sheet.tiles}) == 3
    portrait = build_sheet(portrait_small_screen(), tile=160, offline=True)
    assert portrait.tiles[0].box[2:] == (90, 160)
    with pytest.raises(layout_studio.LayoutStudioError, match="40..1920"):
        build_sheet(portrait_small_screen(), tile=10)


def test_png_snapshot_of_a_custom_layout_sheet_with_both_sources(png_snapshot):
    sheet = build_sheet(load_preset(SCREEN_SHARE), sources="both", offline=True)
    assert len(sheet.tiles) == 6 and not sheet.flagged
    assert png_bytes(sheet.image) == png_snapshot


def test_png_snapshot_of_a_flagged_dynamic_layout_sheet(png_snapshot):
    sheet = build_sheet(sharing_without_max_video_user(), users=(1, 6), offline=True)
    assert len(sheet.flagged) == 6
    assert png_bytes(sheet.image) == png_snapshot


def _write(tmp_path, data, name="p.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def test_sheet_command_writes_the_png_and_lists_flagged_tiles(tmp_path, capsys):
    src = _write(tmp_path, portrait_small_screen())
    out = tmp_path / "sheet.png"
    assert main(["sheet", str(src), "-o", str(out), "--offline", "--tile", "160"]) == 0
    with Image.open(out) as im:
        assert im.format == "PNG" and im.width > 3 * 90
    err = capsys.readouterr().err
    assert "flagged: everyone: shared screen #1 deck smaller than a thumbnail" in err
    assert "3 room states, 3 flagged" in err


def test_sheet_command_options(tmp_path, capsys):
    src = _write(tmp_path, sharing_without_max_video_user())
    out = tmp_path / "s.png"
    assert main(["sheet", str(src), "-o", str(out), "--users", "2-3", "--sources", "both", "--clean"]) == 0
    assert "4 room states" in capsys.readouterr().err
    for bad in (["--users", "0-17"], ["--users", "5-2"], ["--sources", "square"], ["--tile", "5"]):
        assert main(["sheet", str(src), "-o", str(out), *bad]) == 2
        err = capsys.readouterr().err
        assert "error" in err and "Traceback" not in err
    assert main(["sheet", str(src), "-o", str(src)]) == 2  # never overwrites the preset
    assert json.loads(src.read_text())["Name"] == "Screen sharing, no MaxVideoUser"


def test_sheet_writes_the_format_its_extension_names_and_refuses_others(tmp_path, capsys):
    """-o sheet.jpg wrote PNG bytes; -o sheet.txt too."""
    src = _write(tmp_path, sharing_without_max_video_user())
    assert main(["sheet", str(src), "-o", str(tmp_path / "s.jpg"), "--offline", "--tile", "80"]) == 0
    with Image.open(tmp_path / "s.jpg") as im:
        assert im.format == "JPEG" and im.mode == "RGB"
    assert main(["sheet", str(src), "-o", str(tmp_path / "s.txt"), "--offline"]) == 2
    err = capsys.readouterr().err.splitlines()[-1]
    assert "s.txt" in err and ".png, .jpg, .jpeg, .webp" in err
    assert not (tmp_path / "s.txt").exists()


def test_the_readme_and_help_give_the_users_range_the_command_accepts(tmp_path, capsys):
    """The README's sheet row said `--users 1-16`; the command takes 0-16 (0: the empty room)."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    [row] = [line for line in readme.splitlines() if line.startswith("| `layout-studio sheet ")]
    assert "--users 1-16" not in row and "within 0-16" in row
    assert main(["sheet", "--help"]) == 0
    assert "within 0-16" in " ".join(capsys.readouterr().out.split())
    src = _write(tmp_path, sharing_without_max_video_user())
    assert main(["sheet", str(src), "-o", str(tmp_path / "s.png"), "--users", "0", "--offline", "--tile", "80"]) == 0
    assert main(["sheet", str(src), "-o", str(tmp_path / "s.png"), "--users", "17"]) == 2
    assert "0-16" in capsys.readouterr().err
