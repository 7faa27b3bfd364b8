"""Templates with a count and picture-in-picture with the corner chosen: exact geometry (pure functions of
layout_studio.editing.templates), applying them, and the palette entries that ask for the count or the corner."""

from __future__ import annotations

import asyncio

import pytest

from layout_studio.editing import EditSession, templates
from layout_studio.editing.access import regions
from layout_studio.tui.app import StudioApp
from layout_studio.tui.commands import ACTIONS
from layout_studio.tui.screens.choose import ChooseScreen
from layout_studio.tui.screens.dialogs import PromptScreen

HD = (1920, 1080)


def test_large_and_stack_of_three():
    assert templates.large_and_stack(HD, 3) == [
        (0, 0, 1440, 1080, 0),
        (1440, 0, 480, 360, 0),
        (1440, 360, 480, 360, 0),
        (1440, 720, 480, 360, 0),
    ]


def test_large_and_stack_gives_the_remainder_to_the_last_tile():
    # 720 / 7 = 102 rest 6: six tiles of 102, the last 108, together exactly the canvas height
    slots = templates.large_and_stack((1280, 720), 7)
    assert slots[0] == (0, 0, 960, 720, 0)
    assert [s[3] for s in slots[1:]] == [102] * 6 + [108]
    assert [s[1] for s in slots[1:]] == [0, 102, 204, 306, 408, 510, 612]
    assert all(s[0] == 960 and s[2] == 320 for s in slots[1:])


def test_strip_of_four_and_of_three_with_remainder():
    assert templates.strip(HD, 4) == [
        (0, 0, 480, 1080, 0),
        (480, 0, 480, 1080, 0),
        (960, 0, 480, 1080, 0),
        (1440, 0, 480, 1080, 0),
    ]
    assert templates.strip((1280, 720), 3) == [(0, 0, 426, 720, 0), (426, 0, 426, 720, 0), (852, 0, 428, 720, 0)]


@pytest.mark.parametrize(
    "corner, inset",
    [
        ("top-left", (32, 32, 320, 180, 1)),
        ("top-right", (1280 - 320 - 32, 32, 320, 180, 1)),
        ("bottom-left", (32, 720 - 180 - 32, 320, 180, 1)),
        ("bottom-right", (1280 - 320 - 32, 720 - 180 - 32, 320, 180, 1)),
    ],
)
def test_picture_in_picture_in_each_corner(corner, inset):
    assert templates.picture_in_picture((1280, 720), corner=corner) == [(0, 0, 1280, 720, 0), inset]


def test_picture_in_picture_default_corner_is_bottom_right():
    assert templates.slots("pip", (1280, 720)) == templates.slots("pip", (1280, 720), corner="bottom-right")


@pytest.mark.parametrize(
    "call",
    [
        lambda: templates.strip(HD, 0),
        lambda: templates.strip(HD, 17),
        lambda: templates.large_and_stack(HD, 16),
        lambda: templates.picture_in_picture(HD, corner="middle"),
        lambda: templates.slots("grid", HD, 4, corner="top-left"),
    ],
    ids=["strip-0", "strip-17", "stack-16", "pip-middle", "grid-corner"],
)
def test_bad_counts_and_corners_are_refused(call):
    with pytest.raises(ValueError):
        call()


@pytest.mark.parametrize("name", [k for k, t in templates.TEMPLATES.items() if t.n_range])
def test_counted_templates_tile_inside_the_canvas_at_every_count(name):
    low, high = templates.TEMPLATES[name].n_range
    for n in range(low, high + 1):
        for canvas in ((1280, 720), (720, 1280), (1919, 1077)):
            slots = templates.slots(name, canvas, n)
            for x, y, w, h, _z in slots:
                assert w > 0 and h > 0 and x >= 0 and y >= 0 and x + w <= canvas[0] and y + h <= canvas[1]


def test_apply_template_with_a_corner(session):
    session.change("t", lambda p: templates.apply_template(p, "pip", "replace", corner="top-left"))
    assert [r.box for r in regions(session.preset)] == [(0, 0, 1280, 720), (32, 32, 320, 180)]
    assert session.preset.video_params.layout_params.mix_layout_mode == 4


def test_the_palette_asks_for_the_count_and_the_corner(preset_file):
    titles = {t: a for t, a, _h in ACTIONS}
    assert titles["Template: 1 large + N stacked — replace layout…"] == "template_prompt('stack', 'replace')"
    assert titles["Template: Strip of N — fill existing regions…"] == "template_prompt('strip', 'fill')"
    assert titles["Template: Picture-in-picture — replace layout…"] == "template_prompt('pip', 'replace')"
    assert titles["Template: grid N — replace layout…"] == "template_prompt('grid', 'replace')"
    app = StudioApp(EditSession.open(preset_file), offer_recovery=False)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await app.editor.run_action("template_prompt('pip', 'fill')")
            await pilot.pause()
            assert isinstance(app.screen, ChooseScreen)
            await pilot.press("down", "down", "enter")  # top-left, top-right, bottom-left
            await pilot.pause()
            items = regions(app.session.preset)
            assert [r.user_id for r in items] == ["alice", "bob"]  # fill keeps the users
            assert [r.box for r in items] == [(0, 0, 1280, 720), (32, 720 - 180 - 32, 320, 180)]
            await app.editor.run_action("template_prompt('stack', 'replace')")
            await pilot.pause()
            assert isinstance(app.screen, PromptScreen)
            app.screen.query_one("#prompt-input").value = "5"
            await pilot.press("enter")
            await pilot.pause()
            expected = [s[:4] for s in templates.large_and_stack((1280, 720), 5)]
            assert [r.box for r in regions(app.session.preset)] == expected
            await pilot.press("ctrl+z")  # one undo step: back to the picture-in-picture
            assert [r.user_id for r in regions(app.session.preset)] == ["alice", "bob"]

    asyncio.run(scenario())
