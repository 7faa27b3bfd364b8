"""Builders for small designs and images used by the preview tests."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

BG = "0x102030"
BG_RGB = (0x10, 0x20, 0x30)


def region(x, y, w, h, user=None, z=0, **extra) -> dict:
    """A McuLayout dict; ``user`` names it (UserMediaStream) when given."""
    r = {"LocationX": x, "LocationY": y, "ImageWidth": w, "ImageHeight": h, "ZOrder": z}
    if user is not None:
        r["UserMediaStream"] = {"UserInfo": {"UserId": user, "RoomId": "1", "RoomIdType": 0}, "StreamType": 0}
    r.update(extra)
    return r


def preset(regions, *, w=400, h=200, watermarks=None, mode=4, **video) -> dict:
    """A preset dict with a custom layout on a ``w`` x ``h`` canvas of colour :data:`BG`."""
    vp = {
        "VideoEncode": {"Width": w, "Height": h, "Fps": 15, "BitRate": 1000, "Gop": 2},
        "BackGroundColor": BG,
        "LayoutParams": {"MixLayoutMode": mode, "MixLayoutList": regions},
    }
    if watermarks is not None:
        vp["WaterMarkList"] = watermarks
    vp.update(video)
    return {"Format": "layout-studio/preset@1", "Name": "test", "VideoParams": vp}


def solid_png(path: Path, color, size=(64, 64), mode="RGB") -> Path:
    """Write a PNG of one colour; returns its path."""
    Image.new(mode, size, color).save(path)
    return path


def rounded_template(path: Path, size=(160, 90), radius=30) -> Path:
    """A PNG whose alpha is opaque inside a rounded rectangle and transparent at the corners."""
    im = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(im).rounded_rectangle((0, 0, size[0] - 1, size[1] - 1), radius=radius, fill=(0, 0, 0, 255))
    im.save(path)
    return path


def quadrants(size=(200, 100)) -> Image.Image:
    """An RGB image in four flat quadrants: red TL, green TR, blue BL, white BR."""
    w, h = size
    im = Image.new("RGB", size)
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w // 2 - 1, h // 2 - 1), fill=(255, 0, 0))
    d.rectangle((w // 2, 0, w - 1, h // 2 - 1), fill=(0, 255, 0))
    d.rectangle((0, h // 2, w // 2 - 1, h - 1), fill=(0, 0, 255))
    d.rectangle((w // 2, h // 2, w - 1, h - 1), fill=(255, 255, 255))
    return im


def color_of(cfg, user_id):
    """The colour the preview gives ``user_id`` in design ``cfg``: its palette entry (a test card's flat field)."""
    from layout_studio.mix import coerce
    from layout_studio.render.colors import user_colors

    return user_colors(coerce(cfg))(user_id)


def png_bytes(image) -> bytes:
    """``image`` encoded as PNG, for an image snapshot."""
    import io

    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()
