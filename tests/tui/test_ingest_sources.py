"""Ingest sources in the studio: a region whose user is one of the Target's IngestSources says so (canvas label,
inspector line with the StreamUrl, redacted), and the preview draws the source's picture when the StreamUrl is a
local image file."""

from __future__ import annotations

import asyncio
import json

from PIL import Image

from layout_studio.editing import EditSession, ElementRef
from layout_studio.editing.ingest import ingest_line, preview_sources
from layout_studio.tui.app import StudioApp
from layout_studio.tui.widgets.canvas import CanvasView
from layout_studio.tui.widgets.preview import PreviewPane

SECRET = "0123456789abcdef0123456789abcdef"


def _preset_with_sources(raw, tmp_path):
    (tmp_path / "cards").mkdir()
    Image.new("RGB", (64, 64), (0, 200, 0)).save(tmp_path / "cards" / "intro.png")
    raw["Target"] = {
        "RoomId": "295066",
        "IngestSources": [
            {"UserId": "bob", "StreamUrl": "cards/intro.png"},
            {"UserId": "alice", "StreamUrl": f"rtmp://live.example.com/app/clip?txSecret={SECRET}&txTime=5F"},
        ],
    }
    path = tmp_path / "ingest.json"
    path.write_text(json.dumps(raw))
    return path


def test_the_editing_side_names_the_source_and_finds_its_picture(raw, tmp_path):
    session = EditSession.open(_preset_with_sources(raw, tmp_path))
    assert ingest_line(session, ElementRef("region", 1)) == "ingest source: cards/intro.png (previewed)"
    line = ingest_line(session, ElementRef("region", 0))
    assert line.startswith("ingest source: rtmp://live.example.com/app/clip") and SECRET not in line
    assert ingest_line(session, ElementRef("watermark", 0)) is None
    assert preview_sources(session) == {"bob": str(tmp_path / "cards" / "intro.png")}  # a stream is not previewed
    (tmp_path / "cards" / "intro.png").unlink()
    assert ingest_line(session, ElementRef("region", 1)).endswith("(picture not found)")
    assert preview_sources(session) == {}


def test_the_studio_marks_ingest_regions_and_previews_their_picture(raw, tmp_path):
    app = StudioApp(EditSession.open(_preset_with_sources(raw, tmp_path)), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            canvas = app.screen.query_one(CanvasView)
            text = "\n".join(strip.text for strip in canvas._draw(canvas.size.width, canvas.size.height))
            assert "#1 bob z0 ingest" in text and "#0 alice z0 ingest" in text
            await pilot.press("tab", "tab")  # bob (#1)
            await pilot.pause()
            note = app.screen.query_one("#element-note")
            assert note.display and "ingest source: cards/intro.png (previewed)" in str(note.render())
            await pilot.press("tab")  # alice (#0): a stream, its txSecret masked
            await pilot.pause()
            shown = str(app.screen.query_one("#element-note").render())
            assert "rtmp://live.example.com" in shown and SECRET not in shown
            await pilot.press("tab")  # the watermark: no line
            await pilot.pause()
            assert not app.screen.query_one("#element-note").display
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            image = app.screen.query_one(PreviewPane).image
            k = image.width / 1280
            assert image.getpixel((int(960 * k), int(360 * k)))[:3] == (0, 200, 0)  # bob's region: the picture

    asyncio.run(scenario())
