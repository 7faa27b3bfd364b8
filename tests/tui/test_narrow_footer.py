"""Pilot tests: at 80 and 120 columns the footer fits in every area of the editor (the QA report: "^q Q" cut off at
80), and the preview's caption puts its render notes first, where they are not cut off."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from layout_studio.editing import EditSession
from layout_studio.tui.app import StudioApp

from .keys import settle


def visible_keys(app) -> set[str]:
    """The footer's keys that are wholly on screen, left of the palette key docked at the right (when shown)."""
    footer = app.screen.query_one(Footer)
    keys = [k for k in footer.query(FooterKey) if k.key != "ctrl+p"]
    right = min([k.region.x for k in footer.query(FooterKey) if k.key == "ctrl+p"] or [footer.region.right])
    return {k.key for k in keys if k.region.width and k.region.right <= right}


def all_keys(app) -> set[str]:
    return {k.key for k in app.screen.query_one(Footer).query(FooterKey) if k.key != "ctrl+p"}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_every_area_footer_fits(preset_file, size):
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    seen: dict[str, tuple[set[str], set[str]]] = {}

    async def scenario():
        async with app.run_test(size=size) as pilot:
            for area, keys in (
                ("canvas", ["tab"]),
                ("preview", ["v"]),
                ("canvas again", ["v"]),
                ("elements", ["e"]),
                ("findings", ["f"]),
                ("field", ["escape", "enter"]),
            ):
                await pilot.press(*keys)
                await settle(pilot)
                for _ in range(5):
                    await pilot.pause(0.05)
                seen[area] = (visible_keys(app), all_keys(app))

    asyncio.run(scenario())
    for area, (visible, every) in seen.items():
        assert "ctrl+q" in visible, (area, sorted(every))
        assert visible == every, (area, sorted(every - visible))  # nothing cut off at the right edge


def test_the_preview_caption_says_its_render_notes_first(preset_file):
    from PIL import Image as PILImage

    from layout_studio.findings import Finding, Severity
    from layout_studio.tui.widgets.preview import PreviewPane

    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)
    url = "https://example-1304449343.cos.ap-beijing.myqcloud.com/test/mark/37f9eb62-ca72-430e.png"
    note = Finding("R1", Severity.WARNING, "WaterMarkList[0]", f"watermark image not drawn: {url}: timed out", "")
    lines: list[str] = []

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("v")
            await settle(pilot)
            pane = app.screen.query_one(PreviewPane)
            pane.show_result(PILImage.new("RGB", (64, 36)), [note], 12.0, (1280, 720))
            await settle(pilot)
            caption = app.screen.query_one("#preview-caption")
            lines.extend(caption.render_line(y).text for y in range(caption.size.height))

    asyncio.run(scenario())
    shown = " ".join(line.strip() for line in lines)
    # a URL is shortened to its last part, so that the reason shows
    assert shown.startswith("1 render note: watermark image not drawn: …/37f9eb62-ca72-430e.png: timed out"), lines
    assert "1280×720" in shown, lines
