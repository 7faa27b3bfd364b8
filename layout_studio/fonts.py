"""Fonts: which face draws a text, and how a text watermark's text sits in its box (shared by the renderer and the
validator's text rules, so both measure with the same metrics).

The bundled face is DejaVu Sans (``assets/fonts/DejaVuSans.ttf`` in the repository, Bitstream Vera licence beside
it); previews and snapshots use it, so they are the same on every machine. The MCU's own faces (``Tencent``, the
default, or ``SourceHanSans``: ``SDK models.McuWaterMarkText.Font``) are not redistributable here:

* ``Tencent`` (and any other name) is drawn with DejaVu Sans, unless the text has characters DejaVu Sans lacks
  (Chinese, Japanese, Korean) and a CJK face is installed: then with that face (:func:`face_for`);
* ``SourceHanSans`` with a Source Han Sans / Noto Sans CJK face when one is installed, else DejaVu Sans.

A CJK face is looked up in the usual font directories (Debian / Ubuntu: package :data:`CJK_PACKAGE`), or given
with ``LAYOUT_STUDIO_CJK_FONT``. :func:`missing_glyphs` tells which characters the chosen face cannot draw, so the
renderer can warn instead of drawing boxes silently. :func:`layout_text` places a text watermark's text in its box
(FontSize, the box, the default size) and measures its ink, which is what the renderer draws and the
``watermark.text.overflow`` rule checks (a ``Layout Studio assumption``: the MCU's own text placement is not
documented).

This module imports nothing from the rest of the package but :mod:`layout_studio.bundled` (an import-linter
contract, ``.importlinter``), so the rules and the renderer can both use it.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .bundled import asset

BUNDLED_FONT = asset("fonts", "DejaVuSans.ttf")
#: The Debian / Ubuntu package that installs a CJK face the preview finds (Noto Sans CJK).
CJK_PACKAGE = "fonts-noto-cjk"
#: How to get a CJK face, for warnings.
CJK_HINT = (
    f"install a CJK font such as Noto Sans CJK (Debian / Ubuntu: apt-get install {CJK_PACKAGE}), "
    "or point LAYOUT_STUDIO_CJK_FONT at one"
)
#: Font sizes FreeType is asked for (pixels): FontSize is clamped to this range for drawing and measuring.
MIN_SIZE, MAX_SIZE = 4, 512

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
    """The font file drawing McuWaterMarkText.Font ``face`` whatever the text (None/``Tencent`` -> bundled DejaVu
    Sans; see :func:`face_for` for the face that draws a given text)."""
    if face == "SourceHanSans":
        found = find_cjk_font()
        if found is not None:
            return found
    return BUNDLED_FONT


def face_for(face: str | None, text: str) -> Path:
    """The font file that draws ``text`` in McuWaterMarkText.Font ``face`` (see the module docstring).

    ``SourceHanSans``: the installed CJK face, else the bundled one. Any other face (``Tencent``, the default): the
    bundled DejaVu Sans when it has every character of ``text``, else the installed CJK face when it has more of
    them, else the bundled one (its missing characters are drawn as boxes: :func:`missing_glyphs`)."""
    if face == "SourceHanSans":
        return font_path(face)
    lacking = [ch for ch in _drawn_chars(text) if not has_glyph(BUNDLED_FONT, ch)]
    if not lacking:
        return BUNDLED_FONT
    cjk = find_cjk_font()
    if cjk is not None and sum(1 for ch in lacking if has_glyph(cjk, ch)) > 0:
        return cjk
    return BUNDLED_FONT


def _drawn_chars(text: str) -> list[str]:
    """The distinct characters of ``text`` that draw something (not whitespace, control or format characters)."""
    return [ch for ch in dict.fromkeys(text) if not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"))]


@lru_cache(maxsize=4096)
def has_glyph(path: Path, char: str) -> bool:
    """True when font file ``path`` has a glyph for ``char`` (see :func:`missing_glyphs`)."""
    return not missing_glyphs(font_file(path, 24), char)


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
def font_file(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """Font file ``path`` at ``size`` pixels (clamped to :data:`MIN_SIZE`..:data:`MAX_SIZE`), cached; in a
    collection, the face :func:`face_index` picks."""
    return ImageFont.truetype(str(path), max(MIN_SIZE, min(int(size), MAX_SIZE)), index=face_index(path))


@lru_cache(maxsize=64)
def get_font(size: int, face: str | None = None) -> ImageFont.FreeTypeFont:
    """The face for ``face`` (:func:`font_path`) at ``size`` pixels (clamped to 4..512), cached."""
    return font_file(font_path(face), size)


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


#: (left, top, right, bottom) in pixels.
Rect = tuple[int, int, int, int]
#: Largest box (pixels) whose ink is measured by drawing; a larger one is measured from the glyph metrics only.
_DRAWN_LIMIT = 16_000_000
#: Pixels between the glyph metrics and every edge of the box past which a text surely fits.
_SURE_MARGIN = 2


@dataclass(frozen=True)
class TextLayout:
    """A text watermark's text placed in its box: ``text`` (drawable, :func:`drawable`) at ``size`` pixels in the
    font file ``path``, centred in a ``width`` x ``height`` box (pixels). Anything drawn outside the box is clipped.
    """

    text: str
    size: int
    width: int
    height: int
    path: Path

    @property
    def font(self) -> ImageFont.FreeTypeFont:
        """The font the text is drawn in."""
        return font_file(self.path, self.size)

    @property
    def anchor(self) -> tuple[float, float]:
        """Where the middle of the text is drawn (Pillow anchor ``mm``): the centre of the box."""
        return (self.width / 2, self.height / 2)

    def draw(self, draw: ImageDraw.ImageDraw, fill: tuple[int, ...], offset: tuple[int, int] = (0, 0)) -> None:
        """Draw the text with ``draw`` in colour ``fill``, the box's top-left corner at ``offset``."""
        x, y = self.anchor
        draw.text((x + offset[0], y + offset[1]), self.text, font=self.font, fill=fill, anchor="mm")

    @cached_property
    def ink(self) -> Rect | None:
        """The box around every pixel the text inks, relative to the box's top-left corner (it may reach outside
        the box), or None when the text inks nothing. Measured by drawing the text as :meth:`draw` does, so it is
        exact to the pixel; a box over 16 megapixels is measured from the glyph metrics."""
        if not self.text.strip():
            return None
        x, y = self.anchor
        left, top, right, bottom = glyph_box(self.path, self.size, self.text)
        metric = (int(x + left), int(y + top), int(x + right) + 1, int(y + bottom) + 1)
        pad = max(0, -metric[0], -metric[1], metric[2] - self.width, metric[3] - self.height) + 2
        if (self.width + 2 * pad) * (self.height + 2 * pad) > _DRAWN_LIMIT:
            return metric
        canvas = Image.new("L", (self.width + 2 * pad, self.height + 2 * pad), 0)
        self.draw(ImageDraw.Draw(canvas), (255,), (pad, pad))
        found = canvas.getbbox()
        if found is None:
            return None
        return (found[0] - pad, found[1] - pad, found[2] - pad, found[3] - pad)

    @property
    def overflow(self) -> Rect:
        """Pixels of ink beyond the (left, top, right, bottom) edges of the box; all 0 when the text fits."""
        ink = self.ink
        if ink is None:
            return (0, 0, 0, 0)
        return (max(0, -ink[0]), max(0, -ink[1]), max(0, ink[2] - self.width), max(0, ink[3] - self.height))

    @property
    def fits(self) -> bool:
        """True when every pixel the text inks is inside the box (nothing is clipped). A text whose glyph metrics
        keep :data:`_SURE_MARGIN` pixels from every edge fits without being drawn (ink reaches at most half a pixel
        past the metrics)."""
        if not self.text.strip():
            return True
        x, y = self.anchor
        left, top, right, bottom = glyph_box(self.path, self.size, self.text)
        m = _SURE_MARGIN
        if x + left >= m and y + top >= m and x + right <= self.width - m and y + bottom <= self.height - m:
            return True
        return not any(self.overflow)


@lru_cache(maxsize=1024)
def glyph_box(path: Path, size: int, text: str) -> tuple[float, float, float, float]:
    """The glyph-metric box (left, top, right, bottom) of ``text`` drawn in font file ``path`` at ``size`` pixels,
    relative to its middle (Pillow anchor ``mm``); cached, so re-validating a design measures nothing again."""
    box = font_file(path, size).getbbox(text, anchor="mm")
    return (float(box[0]), float(box[1]), float(box[2]), float(box[3]))


def text_size(font_size: int | None, box_height: int) -> int:
    """The size (pixels) a text is drawn at: FontSize when over 0, else 60 % of the box height (at least 6) — the
    preview's default, a ``Layout Studio assumption`` (``SDK models.McuWaterMarkText.FontSize``)."""
    return font_size if font_size is not None and font_size > 0 else max(6, int(box_height * 0.6))


def layout_text(
    text: str, font_size: int | None, width: int | None, height: int | None, face: str | None
) -> TextLayout:
    """The :class:`TextLayout` of McuWaterMarkText ``text`` at ``font_size`` (FontSize, pixels) in a ``width`` x
    ``height`` box (WaterMarkWidth x WaterMarkHeight, pixels) in Font ``face``.

    Missing or non-positive values take the preview's defaults (a ``Layout Studio assumption``): no height, 1.4 x
    the font size (24 when FontSize is missing too); no FontSize, :func:`text_size`; no width, the text's advance
    plus 4 pixels (at most 8192). Never raises for odd values."""
    content = drawable(text)
    size = font_size if font_size is not None and font_size > 0 else None
    box_h = height if height is not None and height > 0 else int(min(size or 24, MAX_SIZE) * 1.4)
    size = text_size(size, box_h)
    path = face_for(face, content)
    box_w = width if width is not None and width > 0 else 0
    if box_w == 0:
        length = ImageDraw.Draw(Image.new("L", (1, 1))).textlength(content, font=font_file(path, size))
        box_w = max(1, min(8192, int(length) + 4))
    return TextLayout(content, size, box_w, box_h, path)
