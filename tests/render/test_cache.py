"""The render caches stay within a memory budget: the studio keeps one Renderer for its whole session, and every
resize of a region makes a new tile, so a cache bounded only by its number of entries grew by gigabytes."""

from __future__ import annotations

from PIL import Image

from layout_studio.render import Renderer
from layout_studio.render.cache import LRUCache

from .helpers import preset, region


def _bytes_held(cache: LRUCache) -> int:
    def weigh(value) -> int:
        if isinstance(value, Image.Image):
            return value.width * value.height * len(value.getbands())
        if isinstance(value, (tuple, list)):
            return sum(weigh(v) for v in value)
        return 0

    return sum(weigh(v) for v in cache._data.values())


def test_resizing_a_full_canvas_region_many_times_keeps_the_tile_cache_within_its_budget():
    r = Renderer()
    for i in range(60):  # 60 tiles of about 1900x1080 RGB: some 370 MB if all were kept
        r.render(preset([region(0, 0, 1920 - i, 1080, "alice")], w=1920, h=1080))
    held = _bytes_held(r.tiles)
    assert held <= 256 * 1024 * 1024
    assert r.tiles.nbytes == held


def test_the_budget_drops_the_least_recently_used_first_but_keeps_the_newest_entry():
    cache = LRUCache(100, max_bytes=1000)
    small = cache.get_or_make("a", lambda: Image.new("L", (20, 20)))  # 400 bytes
    cache.get_or_make("b", lambda: Image.new("L", (20, 20)))
    cache.get_or_make("a", lambda: None)  # a is now the most recently used
    cache.get_or_make("c", lambda: Image.new("L", (20, 20)))  # 1200 > 1000: b goes
    assert cache.get_or_make("a", lambda: None) is small and cache.get_or_make("b", lambda: "new") == "new"
    huge = cache.get_or_make("d", lambda: Image.new("L", (100, 100)))  # alone over the budget: still kept
    assert len(cache) == 1 and cache.get_or_make("d", lambda: None) is huge


def test_one_render_does_not_hold_every_tile_at_once(monkeypatch):
    # a design with hundreds of full-canvas regions (the API takes 16, but a preview must survive any file) held
    # every tile until the last was pasted: 300 regions of 1080p took 2.7 GB in one render, whatever the budget
    import weakref

    from layout_studio.render import renderer

    made: list = []
    alive_at_make: list[int] = []
    real = renderer.region_tile

    def counting(*args, **kwargs):
        alive_at_make.append(sum(1 for ref in made if ref() is not None))
        tile = real(*args, **kwargs)
        made.append(weakref.ref(tile))
        return tile

    monkeypatch.setattr(renderer, "region_tile", counting)
    regions = [region(0, 0, 300 - i, 200, "alice") for i in range(20)]
    Renderer(tile_bytes=0).render(preset(regions, w=400, h=200))
    assert len(alive_at_make) == 20 and max(alive_at_make) <= 1


def test_two_threads_making_the_same_entry_are_counted_once():
    # the studio abandons a render stuck on a download and starts the next one on the same Renderer, so two
    # threads use one cache: an entry made by both was counted twice and the budget shrank for good
    import threading

    cache = LRUCache(10, max_bytes=10_000)
    entered, release = threading.Event(), threading.Event()

    def slow():
        entered.set()
        release.wait()
        return Image.new("L", (10, 10))

    worker = threading.Thread(target=cache.get_or_make, args=("a", slow))
    worker.start()
    entered.wait()
    cache.get_or_make("a", lambda: Image.new("L", (10, 10)))  # the newer render makes it meanwhile
    release.set()
    worker.join()
    assert len(cache) == 1 and cache.nbytes == _bytes_held(cache) == 100
