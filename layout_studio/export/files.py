"""Writing an export: the body as JSON and the text watermarks as PNG files beside it.

A text watermark (McuWaterMarkText) is drawn by the preview's own renderer
(:func:`layout_studio.render.watermarks.watermark_tile`: the box in its BackGroundColor, or transparent, the text
in FontColor at FontSize, the bundled font for ``Tencent``), still (a DynamicPosType is not drawn), at
WaterMarkWidth x WaterMarkHeight pixels. What the drawing meets (a glyph the font lacks) is added to the result's
findings. The body and the PNG files are written all or nothing (:func:`layout_studio.atomic.atomic_write_all`):
every picture is drawn first, and a file that cannot be written leaves none of them changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import atomic_write_all, png_bytes
from ..findings import Finding

if TYPE_CHECKING:
    from PIL import Image

    from .base import ExportResult, TextAsset


def draw_text(asset: TextAsset) -> tuple[Image.Image | None, list[Finding]]:
    """The PNG picture of a text watermark asset (RGBA), and the renderer's findings about it."""
    from ..render.cache import LRUCache
    from ..render.context import RenderContext
    from ..render.watermarks import watermark_tile

    mark = asset.watermark.model_copy(deep=True)
    if mark.water_mark_text is not None:
        mark.water_mark_text.dynamic_pos_type = None
    ctx = RenderContext(LRUCache(4), LRUCache(4), offline=True)
    tile = watermark_tile(mark, asset.path, ctx)
    return (tile.convert("RGBA") if tile is not None else None), ctx.findings


def body_text(result: ExportResult) -> str:
    """The body as JSON text (2-space indent, UTF-8, trailing newline)."""
    return json.dumps(result.body, indent=2, ensure_ascii=False) + "\n"


def write_export(result: ExportResult, path: Path) -> list[Path]:
    """Write ``result``'s body to ``path`` and its text watermarks next to it, all or nothing; returns the files
    written (the body first). Raises LayoutStudioError when a file cannot be written (then none was)."""
    files = [(path, body_text(result).encode("utf-8"))]
    for asset in result.assets:
        image, found = draw_text(asset)
        result.findings.extend(f for f in found if f not in result.findings)
        if image is not None:
            files.append((path.parent / asset.file_name, png_bytes(image)))
    atomic_write_all(files)
    return [target for target, _ in files]
