"""The contact sheet itself: each room state rendered small, captioned, flagged in red, on one image.

Layout: a header line (the design's name, canvas, layout mode, tile and flag counts), then the tiles row by row,
each a render of the design in one room state (:mod:`.states`) at ``tile`` pixels on its longer side, with its
caption below (white; red, with the reasons and a red frame, when :func:`~.flags.tile_flags` flags it).

Every tile is rendered by one :class:`~layout_studio.render.Renderer` (pass the studio's to share its caches), at
the tile's scale, offline when asked; the renderer's findings are gathered once for the whole sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PIL import Image, ImageDraw

from ..findings import Finding, Severity, sort_findings
from ..fonts import drawable, get_font
from ..mix import MODE_NAMES, Design, coerce
from ..mix.dynamic import INVALID_MODE_CODE, SIMULATED_CODE, SOURCE_DYNAMIC, invalid_mode_finding
from ..render import Renderer
from .flags import tile_flags
from .states import RoomState, room_states, source_map

#: Default length of a tile's longer side (pixels).
TILE = 320
#: Sheet colours: background, caption text, flagged caption and frame, header text.
BACKGROUND = (24, 24, 28)
TEXT = (230, 230, 230)
FLAG = (255, 72, 72)
HEADER = (255, 214, 0)
GAP = 12
#: Caption lines under a tile: the room state, then up to two lines of reasons when it is flagged.
CAPTION_LINES = 3


@dataclass
class Tile:
    """One state of the sheet: its ``state``, the reasons it is flagged (``flags``, empty when fine), and where
    its picture sits on the sheet (``box``: x, y, width, height in sheet pixels)."""

    state: RoomState
    flags: list[str]
    box: tuple[int, int, int, int]

    @property
    def flagged(self) -> bool:
        """True when the tile has a red caption."""
        return bool(self.flags)


@dataclass
class Sheet:
    """A contact sheet: the ``image`` (RGB), its ``tiles`` in order, and the renderer's ``findings`` for the whole
    sheet (each once; a dynamic layout's simulated geometry said once)."""

    image: Image.Image
    tiles: list[Tile]
    findings: list[Finding] = field(default_factory=list)

    @property
    def flagged(self) -> list[Tile]:
        """The tiles with a red caption."""
        return [t for t in self.tiles if t.flagged]


def _fit(text: str, font: Any, width: int) -> str:
    """``text`` cut with an ellipsis to fit ``width`` pixels in ``font``."""
    text = drawable(text)
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _wrap(text: str, font: Any, width: int, lines: int) -> list[str]:
    """``text`` broken into at most ``lines`` lines of ``width`` pixels (the last cut with an ellipsis)."""
    out: list[str] = []
    words = drawable(text).split(" ")
    while words and len(out) < lines:
        line = words.pop(0)
        while words and font.getlength(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words:
        out[-1] = _fit(f"{out[-1]} {' '.join(words)}", font, width)
    return [_fit(line, font, width) for line in out]


def _tile_size(canvas: tuple[int, int], tile: int) -> tuple[int, int, float]:
    scale = tile / max(canvas)
    return max(1, round(canvas[0] * scale)), max(1, round(canvas[1] * scale)), scale


def _simulated_note(design: Design) -> Finding:
    if design.mode not in MODE_NAMES:
        return invalid_mode_finding(design, "in every tile")
    name = MODE_NAMES[design.mode]
    return Finding(
        SIMULATED_CODE,
        Severity.INFO,
        "VideoParams.LayoutParams.MixLayoutMode",
        f"MixLayoutMode {design.mode} ({name}) is placed by the MCU: the geometry of every tile is simulated from "
        "the documented template and Layout Studio's assumptions (README: Dynamic layouts)",
        SOURCE_DYNAMIC,
    )


def build_sheet(
    config: Any,
    *,
    users: tuple[int, int] | None = None,
    sources: str | None = None,
    clean: bool = False,
    offline: bool = False,
    canvas: tuple[int, int] | None = None,
    tile: int = TILE,
    columns: int | None = None,
    renderer: Renderer | None = None,
) -> Sheet:
    """The contact sheet of ``config`` (a Preset, request model, raw dict or Design).

    ``users``: (low, high) user counts (dynamic layouts: default 1-16; custom layouts: default everyone, each named
    user absent, an unnamed region unfilled); ``sources``: None (cards by region shape), ``landscape``,
    ``portrait`` or ``both``; ``clean``: tiles without the "simulated" badge and moving-watermark markers;
    ``offline``: images from the cache only; ``canvas``: (w, h) for an update body without VideoEncode; ``tile``:
    pixels of a tile's longer side (40..1920); ``columns``: tiles per row (default 4, 6 for a portrait canvas);
    ``renderer``: the Renderer to use (its caches are shared). Raises LayoutStudioError for a config of another
    type or a bad option; never for the config's content.
    """
    from ..errors import LayoutStudioError

    if not 40 <= tile <= 1920:
        raise LayoutStudioError(f"tile {tile}: give the tile's longer side in pixels, 40..1920")
    design = coerce(config, canvas)
    states = room_states(design, users=users, sources=sources)
    renderer = renderer or Renderer()
    tw, th, scale = _tile_size(design.canvas, tile)
    cols = max(1, min(len(states), columns or (6 if design.canvas[1] > design.canvas[0] else 4)))
    rows = -(-len(states) // cols)
    font = get_font(12)
    title_font = get_font(15)
    line = 16
    head = 30
    cell_w, cell_h = tw, th + 6 + CAPTION_LINES * line
    sheet = Image.new("RGB", (GAP + cols * (cell_w + GAP), head + GAP + rows * (cell_h + GAP)), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    tiles: list[Tile] = []
    found: list[Finding] = [f for f in design.findings if f.code.startswith("render.")]
    for k, state in enumerate(states):
        result = renderer.render(
            design,
            users=state.users,
            absent=state.absent,
            sources=source_map(design, state),
            clean=clean,
            scale=scale,
            offline=offline,
            draft=True,
        )
        for f in result.findings:
            if f.code not in (SIMULATED_CODE, INVALID_MODE_CODE) and f not in found:
                found.append(f)
        flags = tile_flags(design, result.slots, result.image, scale, state.source)
        r, c = divmod(k, cols)
        x, y = GAP + c * (cell_w + GAP), head + GAP + r * (cell_h + GAP)
        sheet.paste(result.image, (x, y))
        if flags:
            draw.rectangle((x - 2, y - 2, x + tw + 1, y + th + 1), outline=FLAG, width=2)
        color = FLAG if flags else TEXT
        draw.text((x, y + th + 5), _fit(state.caption, font, tw), font=font, fill=color)
        for n, text in enumerate(_wrap("! " + "; ".join(flags), font, tw, CAPTION_LINES - 1) if flags else []):
            draw.text((x, y + th + 5 + (n + 1) * line), text, font=font, fill=FLAG)
        tiles.append(Tile(state, flags, (x, y, tw, th)))
    simulated = not (design.custom or design.audio_only)
    if simulated:
        found.append(_simulated_note(design))
    name = "audio only, no" if design.audio_only else MODE_NAMES.get(design.mode, f"mode {design.mode}")
    flagged = sum(1 for t in tiles if t.flags)
    header = (
        f"{design.canvas[0]}x{design.canvas[1]}, {name} layout"
        + (" (simulated)" if simulated else "")
        + f": {len(tiles)} room states, {flagged} flagged"
    )
    title = getattr(config, "name", None) or (config.get("Name") if isinstance(config, dict) else None)
    if isinstance(title, str) and title:
        header = f"{title} — {header}"
    draw.text((GAP, 8), _fit(header, title_font, sheet.width - 2 * GAP), font=title_font, fill=HEADER)
    return Sheet(sheet, tiles, sort_findings(found))


def contact_sheet(config: Any, **options: Any) -> Image.Image:
    """The contact sheet of ``config`` as an RGB image (options as :func:`build_sheet`)."""
    return build_sheet(config, **options).image
