"""Fonts for text watermarks, test-card labels and overlays.

The bundled face is DejaVu Sans (``assets/fonts/DejaVuSans.ttf``, Bitstream Vera licence beside it); previews and
snapshots use it, so they are the same on every machine. The MCU's own faces (``Tencent``, the default, or
``SourceHanSans``: ``SDK models.McuWaterMarkText.Font``) are not redistributable here: ``Tencent`` is drawn with DejaVu
Sans; ``SourceHanSans`` with a Source Han Sans / Noto Sans CJK face when one is installed (looked up in the usual
font directories, or ``LAYOUT_STUDIO_CJK_FONT``), else DejaVu Sans. :func:`missing_glyphs` tells which characters
the chosen face cannot draw, so the renderer can warn instead of drawing boxes silently.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from ..bundled import asset

BUNDLED_FONT = asset("fonts", "DejaVuSans.ttf")

_CJK_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/System/Library/Fonts",
    "/Library/Fonts",
)
_CJK_NAMES = ("SourceHanSans", "NotoSansCJK", "NotoSansSC", "NotoSansHans", "SourceHanSansSC")
#: A code point no font draws: its rendering is the face's "missing glyph" box.
_NOTDEF_PROBE = "\U0010fffd"


_WEIGHTS = ("thin", "light", "normal", "medium", "bold", "heavy", "black")


def _weight_rank(path: Path) -> int:
    """0 for a Regular face, 1 for a name without a weight, 2 for another weight (Bold, Light, Black...)."""
    name = path.stem.lower()
    if "regular" in name:
        return 0
    return 2 if any(w in name for w in _WEIGHTS) else 1


@lru_cache(maxsize=1)
def find_cjk_font() -> Path | None:
    """A Source Han Sans / Noto Sans CJK font file on this machine, or None (searched once per process).

    The regular weight is preferred (a family installs Bold, Black, Light... beside it), then the first
    directory of the search order, then the name. A file FreeType cannot read is passed over (see
    :func:`unreadable_cjk_font`)."""
    env = os.environ.get("LAYOUT_STUDIO_CJK_FONT")
    if env and Path(env).is_file() and _loads(Path(env)):
        return Path(env)
    found: list[tuple[int, int, str, Path]] = []
    for order, base in enumerate(_CJK_DIRS):
        root = Path(base).expanduser()
        if not root.is_dir():
            continue
        for ext in ("otf", "ttc", "ttf", "otc"):
            for path in root.rglob(f"*.{ext}"):
                if path.name.replace("-", "").startswith(_CJK_NAMES):
                    found.append((_weight_rank(path), order, str(path), path))
    return next((path for *_, path in sorted(found) if _loads(path)), None)


def _loads(path: Path) -> bool:
    """True when FreeType can open font file ``path``."""
    try:
        ImageFont.truetype(str(path), 12, index=face_index(path))
    except (OSError, ValueError):
        return False
    return True


def unreadable_cjk_font() -> str | None:
    """Why the CJK font asked for cannot be used (LAYOUT_STUDIO_CJK_FONT missing or not a font), or None."""
    env = os.environ.get("LAYOUT_STUDIO_CJK_FONT")
    if not env:
        return None
    if not Path(env).is_file():
        return f"LAYOUT_STUDIO_CJK_FONT {env}: no such file"
    return None if _loads(Path(env)) else f"LAYOUT_STUDIO_CJK_FONT {env}: not a font file FreeType can read"


def font_path(face: str | None) -> Path:
    """The font file drawing McuWaterMarkText.Font ``face`` (None/``Tencent`` -> bundled DejaVu Sans)."""
    if face == "SourceHanSans":
        found = find_cjk_font()
        if found is not None:
            return found
    return BUNDLED_FONT


def simplified_chinese_index(families: list[str]) -> int:
    """The index of the Simplified Chinese face among the family names of a font collection: the first ending in
    `` SC`` that is not a Mono face, else the first ending in `` SC``, else 0."""
    sc = [i for i, name in enumerate(families) if name.endswith(" SC")]
    proportional = [i for i in sc if "Mono" not in families[i]]
    return (proportional or sc or [0])[0]


@lru_cache(maxsize=8)
def face_index(path: Path) -> int:
    """The face of font file ``path`` to use: in a collection (.ttc/.otc, e.g. NotoSansCJK-Regular.ttc, whose first
    face is the Japanese design) the Simplified Chinese one, as the MCU's SourceHanSans; else 0."""
    if path.suffix.lower() not in (".ttc", ".otc"):
        return 0
    families: list[str] = []
    for index in range(32):
        try:
            families.append(ImageFont.truetype(str(path), 12, index=index).getname()[0] or "")
        except OSError:
            break
    return simplified_chinese_index(families)


@lru_cache(maxsize=64)
def get_font(size: int, face: str | None = None) -> ImageFont.FreeTypeFont:
    """The face for ``face`` at ``size`` pixels (clamped to 4..512), cached."""
    path = font_path(face)
    return ImageFont.truetype(str(path), max(4, min(int(size), 512)), index=face_index(path))


@lru_cache(maxsize=8)
def _notdef(font: ImageFont.FreeTypeFont) -> tuple[tuple[int, int], bytes]:
    mask = font.getmask(_NOTDEF_PROBE)
    return mask.size, bytes(mask)


def drawable(text: str) -> str:
    """``text`` with control, format and surrogate characters (which the text layout engine rejects) replaced by
    spaces, and at most 500 characters long."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs") else ch for ch in text[:500])


def missing_glyphs(font: ImageFont.FreeTypeFont, text: str) -> list[str]:
    """The distinct characters of ``text`` that ``font`` has no glyph for (drawn as its missing-glyph box).

    A character is missing when its rendering equals the rendering of a code point no font has (U+10FFFD).
    Whitespace and control/format characters are never reported.
    """
    ref = _notdef(font)
    out: list[str] = []
    for ch in dict.fromkeys(text):
        if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
            continue
        mask = font.getmask(ch)
        if mask.size == ref[0] and bytes(mask) == ref[1]:
            out.append(ch)
    return out
