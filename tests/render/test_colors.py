"""Region colours: a palette with guaranteed contrast between the regions of a design, the same in every room
state, in the preview (the studio renders with the same Renderer) and in ``render``."""

from __future__ import annotations

import itertools
import json
import math

from PIL import Image

from layout_studio.cli import main
from layout_studio.render import Renderer
from layout_studio.render.colors import PALETTE

from .helpers import color_of, preset, region

#: Users whose colours were the same when colours came from a hash of the UserId alone.
CLASHING = ("guest10", "guest76")


def _lab(rgb):
    def linear(u):
        u /= 255
        return u / 12.92 if u <= 0.04045 else ((u + 0.055) / 1.055) ** 2.4

    r, g, b = map(linear, rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


def _closest_pair(colours):
    """(smallest RGB distance, smallest CIE76 distance) between any two of ``colours``."""
    pairs = list(itertools.combinations(colours, 2))
    return min(math.dist(a, b) for a, b in pairs), min(math.dist(_lab(a), _lab(b)) for a, b in pairs)


def _sixteen(users):
    return preset(
        [region(160 * (i % 4), 90 * (i // 4), 160, 90, user) for i, user in enumerate(users)],
        w=640,
        h=360,
    )


def _region_colours(image, n=16):
    """The flat colour at the top-left corner of each of the 16 regions of :func:`_sixteen`."""
    return [image.getpixel((160 * (i % 4) + 3, 90 * (i // 4) + 3)) for i in range(n)]


def test_the_palette_keeps_any_two_colours_apart():
    assert len(PALETTE) == 16 and len(set(PALETTE)) == 16
    rgb, lab = _closest_pair(PALETTE)
    assert rgb >= 55 and lab >= 30


def test_the_sixteen_regions_of_a_design_have_clearly_different_colours_in_the_preview():
    users = [*CLASHING, *(f"user{i}" for i in range(14))]
    image = Renderer().render(_sixteen(users)).image
    colours = _region_colours(image)
    assert len(set(colours)) == 16
    rgb, lab = _closest_pair(colours)
    assert rgb >= 55 and lab >= 30, (rgb, lab)


def test_sixteen_users_of_a_dynamic_grid_have_clearly_different_colours():
    cfg = preset([], mode=3, w=1280, h=720)
    del cfg["VideoParams"]["LayoutParams"]["MixLayoutList"]
    image = Renderer().render(cfg, users=16, clean=True).image
    colours = [image.getpixel((320 * (i % 4) + 3, 180 * (i // 4) + 3)) for i in range(16)]
    rgb, lab = _closest_pair(colours)
    assert rgb >= 55 and lab >= 30


def test_a_user_keeps_its_colour_in_every_room_state_of_a_design():
    cfg = preset([region(0, 0, 100, 100, "host"), region(100, 0, 100, 100, "guest"), region(200, 0, 100, 100)])
    r = Renderer()
    everyone = r.render(cfg).image
    host_away = r.render(cfg, absent=["host"]).image
    two = r.render(cfg, users=3).image
    assert everyone.getpixel((102, 2)) == host_away.getpixel((102, 2)) == two.getpixel((102, 2))
    assert everyone.getpixel((102, 2)) == color_of(cfg, "guest")
    assert everyone.getpixel((202, 2)) == two.getpixel((202, 2)) == color_of(cfg, "auto #1")
    assert len({color_of(cfg, u) for u in ("host", "guest", "auto #1")}) == 3


def test_render_draws_the_same_palette_colours(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps(_sixteen([*CLASHING, *(f"user{i}" for i in range(14))])))
    out = tmp_path / "o.png"
    assert main(["render", str(path), "-o", str(out)]) == 0
    with Image.open(out) as im:
        colours = _region_colours(im.convert("RGB"))
    assert colours[0] != colours[1]
    assert _closest_pair(colours)[0] >= 55
