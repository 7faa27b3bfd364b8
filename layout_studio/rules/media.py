"""Media rules: colors (``0xRRGGBB``), image URLs (scheme, file format, allowed characters), watermark bodies,
text watermark fields and fonts, and region options that only work in some modes.

Image URL formats per the SDK docstrings: canvas BackgroundImageUrl and WaterMarkUrl png/jpg/jpeg; a region's
BackgroundImageUrl (placeholder) also bmp/gif/webm; TransparentUrl png. Allowed URL characters (SDK docstrings of
McuVideoParams/McuLayout/McuWaterMarkImage): ``0-9 a-z A-Z - . _ ~ : / ? # [ ] @ ! & ( ) * + , % = ; |``; an image
whose URL has another character "does not take effect".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..findings import Severity
from ..model import McuLayout, McuVideoParams, McuWaterMarkText
from ..values import ValueFormatError, normalize_color, parse_color
from .registry import Hits, Report, RuleContext, fixes, rule

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

URL_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-._~:/?#[]@!&()*+,%=;|")
FORMATS_IMAGE = ("png", "jpg", "jpeg")
FORMATS_PLACEHOLDER = ("png", "jpg", "jpeg", "bmp", "gif", "webm")
FORMATS_TRANSPARENT = ("png",)
FONTS = ("Tencent", "SourceHanSans")


def color_fields(ctx: RuleContext) -> Iterator[tuple[str, str | None]]:
    """``(path, value)`` of every color string: canvas, region and text watermark colors."""
    for path, video in ctx.of_type(McuVideoParams):
        yield f"{path}.BackGroundColor", video.back_ground_color
    for path, region in ctx.of_type(McuLayout):
        yield f"{path}.BackGroundColor", region.back_ground_color
    for path, text in ctx.of_type(McuWaterMarkText):
        yield f"{path}.FontColor", text.font_color
        yield f"{path}.BackGroundColor", text.back_ground_color


def image_urls(ctx: RuleContext) -> Iterator[tuple[str, str | None, tuple[str, ...], str]]:
    """``(path, url, formats, what)`` of every image URL the MCU downloads."""
    for path, video in ctx.of_type(McuVideoParams):
        yield f"{path}.BackgroundImageUrl", video.background_image_url, FORMATS_IMAGE, "canvas background"
    for path, region in ctx.of_type(McuLayout):
        yield f"{path}.BackgroundImageUrl", region.background_image_url, FORMATS_PLACEHOLDER, "placeholder"
        yield f"{path}.TransparentUrl", region.transparent_url, FORMATS_TRANSPARENT, "transparency template"
    for path, mark in ctx.watermarks:
        image = mark.water_mark_image
        if image is not None and mark.eff("water_mark_type") == 0:
            yield f"{path}.WaterMarkImage.WaterMarkUrl", image.water_mark_url, FORMATS_IMAGE, "watermark"


@rule(
    "color.format",
    E,
    "SDK models.McuVideoParams.BackGroundColor, McuLayout.BackGroundColor, "
    "McuWaterMarkText.FontColor/BackGroundColor (examples 0xcc0033); Data Types McuVideoParams",
)
def color_format(ctx: RuleContext) -> Hits:
    """Colors are written ``0xRRGGBB`` (six hex digits), as :func:`layout_studio.values.parse_color` reads them."""
    for path, value in color_fields(ctx):
        if value is None:
            continue
        try:
            parse_color(value)
        except ValueFormatError as exc:
            try:
                written = normalize_color(value)
            except ValueFormatError:
                yield path, str(exc)
            else:
                yield Report(path, str(exc), fixes({path: written}))


@rule(
    "url.scheme",
    W,
    "Layout Studio heuristic: the MCU downloads the image; SDK models.McuVideoParams.BackgroundImageUrl, "
    "McuLayout.BackgroundImageUrl, McuWaterMarkImage.WaterMarkUrl ('ensure the image link is reachable')",
)
def url_scheme(ctx: RuleContext) -> Hits:
    """Image URLs should be http:// or https:// links the MCU can download (no document names the schemes it
    fetches, so another scheme is a warning)."""
    for path, url, _formats, what in image_urls(ctx):
        if url is None:
            continue
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme not in ("http", "https"):
            yield path, f"{what} URL {url[:80]!r} is not an http(s) link; the MCU downloads it — use https://…"


@rule(
    "url.charset",
    E,
    "SDK models.McuVideoParams.BackgroundImageUrl, McuLayout.BackgroundImageUrl/"
    "TransparentUrl, McuWaterMarkImage.WaterMarkUrl (allowed character set)",
)
def url_charset(ctx: RuleContext) -> Hits:
    """URLs may only use ``0-9 a-z A-Z - . _ ~ : / ? # [ ] @ ! & ( ) * + , % = ; |``."""
    for path, url, _formats, what in image_urls(ctx):
        if url is None:
            continue
        bad = sorted({c for c in url if c not in URL_CHARS})
        if bad:
            shown = " ".join(repr(c) for c in bad[:8])
            yield (
                path,
                (
                    f"{what} URL has characters outside the allowed set ({shown}); the image will not take "
                    f"effect — percent-encode them (e.g. a space as %20)"
                ),
            )


@rule(
    "url.format",
    W,
    "SDK models.McuVideoParams.BackgroundImageUrl (png/jpg/jpeg), McuLayout."
    "BackgroundImageUrl (png/jpg/jpeg/bmp/gif/webm), TransparentUrl (png), McuWaterMarkImage."
    "WaterMarkUrl (png/jpg/jpeg)",
)
def url_format(ctx: RuleContext) -> Hits:
    """The file extension of an image URL should be a documented format (the server decides by content)."""
    for path, url, formats, what in image_urls(ctx):
        if url is None:
            continue
        try:
            name = urlsplit(url).path.rsplit("/", 1)[-1]
        except ValueError:
            name = url
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if ext not in formats:
            shown = f".{ext}" if ext else "no extension"
            yield (
                path,
                (
                    f"{what} URL has {shown}; documented formats are {'/'.join(formats)} — make sure the "
                    f"file is one of them"
                ),
            )


@rule(
    "url.empty",
    E,
    "SDK models.McuWaterMarkImage.WaterMarkUrl; Data Types McuWaterMarkImage (WaterMarkUrl required)",
)
def url_empty(ctx: RuleContext) -> Hits:
    """An image URL that is empty, and an image watermark without WaterMarkUrl."""
    for path, url, _formats, what in image_urls(ctx):
        if url is not None and not url.strip():
            yield path, f"{what} URL is empty; give an https:// link to the image or remove the field"
        elif url is None and what == "watermark":
            yield path, "WaterMarkUrl is required for an image watermark; give an https:// link to a PNG or JPEG"


@rule("watermark.body.missing", E, "SDK models.McuWaterMarkParams; Data Types McuWaterMarkParams")
def watermark_body_missing(ctx: RuleContext) -> Hits:
    """WaterMarkType 0 needs WaterMarkImage, 1 needs WaterMarkText."""
    for path, mark in ctx.watermarks:
        wtype = mark.eff("water_mark_type")
        if wtype == 0 and mark.water_mark_image is None:
            other = mark.water_mark_text is not None
            yield Report(
                f"{path}.WaterMarkImage",
                "WaterMarkType is 0 (image) but WaterMarkImage is absent; add it"
                + (" or set WaterMarkType 1 for the WaterMarkText given" if other else ""),
                fixes({f"{path}.WaterMarkType": 1}) if other else (),
            )
        elif wtype == 1 and mark.water_mark_text is None:
            other = mark.water_mark_image is not None
            yield Report(
                f"{path}.WaterMarkText",
                "WaterMarkType is 1 (text) but WaterMarkText is absent; add it"
                + (" or set WaterMarkType 0 for the WaterMarkImage given" if other else ""),
                fixes({f"{path}.WaterMarkType": 0}) if other else (),
            )


@rule(
    "watermark.body.ignored",
    W,
    "SDK models.McuWaterMarkParams (WaterMarkImage for type 0, WaterMarkText for type 1)",
)
def watermark_body_ignored(ctx: RuleContext) -> Hits:
    """The body WaterMarkType does not select is ignored."""
    for path, mark in ctx.watermarks:
        wtype = mark.eff("water_mark_type")
        if wtype == 0 and mark.water_mark_text is not None:
            yield f"{path}.WaterMarkText", "WaterMarkText is ignored: WaterMarkType is 0 (image); remove it"
        elif wtype == 1 and mark.water_mark_image is not None:
            yield f"{path}.WaterMarkImage", "WaterMarkImage is ignored: WaterMarkType is 1 (text); remove it"


@rule("watermark.text.required", E, "Data Types McuWaterMarkText (Text, FontSize required)")
def text_required(ctx: RuleContext) -> Hits:
    """A text watermark needs Text and FontSize (pixels, above 0)."""
    for path, text in ctx.of_type(McuWaterMarkText):
        if text.text is None or text.text == "":
            yield f"{path}.Text", "Text is required for a text watermark; write the text to show"
        if text.font_size is None:
            yield f"{path}.FontSize", "FontSize is required for a text watermark (pixels); set e.g. 24"
        elif text.font_size <= 0:
            yield f"{path}.FontSize", f"FontSize is {text.font_size}; it must be above 0 pixels"


def blank(text: str) -> bool:
    """True when ``text`` holds no character that draws anything: only whitespace (spaces, tabs, the ideographic
    space), format characters (zero-width space, BOM) and control characters."""
    return all(ch.isspace() or unicodedata.category(ch) in ("Zs", "Cf", "Cc") for ch in text)


@rule(
    "watermark.text.blank",
    W,
    "Layout Studio heuristic; SDK models.McuWaterMarkText.Text; Data Types McuWaterMarkText",
)
def text_blank(ctx: RuleContext) -> Hits:
    """A text watermark whose Text is only blank characters shows no text (only its box's BackGroundColor); an empty
    or absent Text is ``watermark.text.required``."""
    for path, text in ctx.of_type(McuWaterMarkText):
        if text.text and blank(text.text):
            yield (
                f"{path}.Text",
                f"Text is {len(text.text)} blank character(s) only: the watermark shows no text — write the text "
                f"to show, or remove the watermark",
            )


@rule("watermark.text.font", E, "SDK models.McuWaterMarkText.Font (Tencent, SourceHanSans)")
def text_font(ctx: RuleContext) -> Hits:
    """Font is ``Tencent`` (default) or ``SourceHanSans``."""
    for path, text in ctx.of_type(McuWaterMarkText):
        if text.font is not None and text.font not in FONTS:
            near = [f for f in FONTS if f.lower() == text.font.strip().lower()]
            hint = f" (write {near[0]!r}, case matters)" if near else ""
            yield Report(
                f"{path}.Font",
                f"Font {text.font!r} is not supported; use 'Tencent' or 'SourceHanSans'{hint}",
                fixes({f"{path}.Font": near[0]}) if near else fixes(*({f"{path}.Font": f} for f in FONTS)),
            )


@rule(
    "layout.region.background-color-unsupported",
    W,
    "SDK models.McuLayout.BackGroundColor ('not supported yet') and BackGroundColorMode; Data Types McuLayout "
    "('Not supported yet')",
)
def region_background_color(ctx: RuleContext) -> Hits:
    """A region's BackGroundColor only applies through BackGroundColorMode (SDK); the Data Types page says
    unsupported."""
    for path, region in ctx.regions:
        if region.back_ground_color is not None and region.eff("back_ground_color_mode") == 0:
            yield Report(
                f"{path}.BackGroundColor",
                "a region's BackGroundColor has no effect while BackGroundColorMode "
                "is 0; set BackGroundColorMode 1, 2 or 3 to use it",
                fixes(*({f"{path}.BackGroundColorMode": mode} for mode in (1, 2, 3))),
            )


@rule("layout.region.transparent-url-render-mode", W, "SDK models.McuLayout.TransparentUrl (RenderMode 0 only)")
def transparent_render_mode(ctx: RuleContext) -> Hits:
    """TransparentUrl only works with RenderMode 0 (crop)."""
    for path, region in ctx.regions:
        if region.transparent_url and region.eff("render_mode") != 0:
            yield Report(
                f"{path}.TransparentUrl",
                f"TransparentUrl only takes effect with RenderMode 0 (crop); RenderMode "
                f"is {region.eff('render_mode')} — set RenderMode 0 or drop the template",
                fixes({f"{path}.RenderMode": 0}),
            )
