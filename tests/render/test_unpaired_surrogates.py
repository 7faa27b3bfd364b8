"""The library takes a JSON object as well as a file; a file holding an unpaired surrogate escape is refused when read,
but a dict may carry one (text decoded with surrogateescape, a bad JSON library). The preview never raises for a
config's content (Renderer.render's docstring): an image URL that is no text is an image that cannot be loaded."""

from __future__ import annotations

import copy

import pytest

from layout_studio.render import Renderer
from layout_studio.sheet import build_sheet

from ..rules.bodies import preset_from

URL = "https://img.example.com/\udfff.png"


@pytest.fixture
def design():
    data = copy.deepcopy(preset_from("start-1"))
    data["VideoParams"]["WaterMarkList"][0]["WaterMarkImage"]["WaterMarkUrl"] = URL
    return data


@pytest.mark.parametrize("offline", [True, False])
def test_a_watermark_url_that_is_no_text_is_an_image_not_drawn(design, offline):
    result = Renderer().render(design, offline=offline)
    assert any(f.code == "render.image.failed" for f in result.findings)


def test_the_contact_sheet_too(design):
    assert build_sheet(design, offline=True).image.width > 0
