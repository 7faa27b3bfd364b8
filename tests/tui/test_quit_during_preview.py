"""Pilot test: quitting never waits for a preview render still in progress (a render can block for up to 15 s
fetching a placeholder or watermark image: connect timeout 5 s + read timeout 10 s, layout_studio.fetch)."""

from __future__ import annotations

import asyncio
import shutil
import threading
from pathlib import Path

from layout_studio.editing import EditSession
from layout_studio.render import Renderer
from layout_studio.tui.app import StudioApp
from layout_studio.tui.widgets.preview import PreviewPane

FIXTURES = Path(__file__).parent / "fixtures"


def test_quit_while_the_preview_is_rendering_does_not_wait_for_it(tmp_path, monkeypatch):
    shutil.copy(FIXTURES / "two_up.json", tmp_path / "two_up.json")
    started, release, finished = threading.Event(), threading.Event(), threading.Event()

    def slow_render(self, config, **options):  # stands in for a render stuck on a slow image download
        started.set()
        release.wait(timeout=3)
        finished.set()
        raise RuntimeError("released")

    monkeypatch.setattr(Renderer, "render", slow_render)
    app = StudioApp(EditSession.open(tmp_path / "two_up.json"), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("r")
            assert await asyncio.to_thread(started.wait, 3)
            assert "rendering" in str(app.screen.query_one(PreviewPane).query_one("#preview-caption").render())
            await pilot.press("ctrl+q")  # nothing changed: quits at once
            await pilot.pause()

    try:
        asyncio.run(scenario())
        # The app has exited (and asyncio.run has shut its executor down) while the render is still blocked.
        assert app.return_code == 0
        assert not finished.is_set()
    finally:
        release.set()
