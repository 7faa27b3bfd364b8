"""The image cache revalidates: a cached download is used as is for fetch.REVALIDATE_AFTER seconds, then (or at
once with ``refresh``) asked again with a conditional GET, against a loopback HTTP server (127.0.0.1, started and
stopped by the tests) that answers ETag / Last-Modified validators with 304."""

from __future__ import annotations

import io
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from layout_studio import fetch
from layout_studio.fetch import DownloadError, fetch_bytes, load_image
from layout_studio.render import Renderer, render_preview

from .helpers import preset


def _png(color) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buf, "PNG")
    return buf.getvalue()


RED, BLUE = _png((255, 0, 0)), _png((0, 0, 255))


class Origin(BaseHTTPRequestHandler):
    """One image at any path. ``validators``: which of ETag / Last-Modified the server sends (derived from the
    body, so a new body has new validators); ``requests``: the validator headers of every request received."""

    body = RED
    validators: tuple[str, ...] = ("ETag", "Last-Modified")
    status = 200
    requests: list[dict[str, str | None]] = []

    def do_GET(self):  # noqa: N802 - http.server API
        cls = type(self)
        cls.requests.append({name: self.headers.get(name) for name in ("If-None-Match", "If-Modified-Since")})
        etag = f'"{hash(cls.body) & 0xFFFFFF:x}"'
        modified = "Mon, 01 Jan 2024 00:00:00 GMT" if cls.body == RED else "Tue, 02 Jan 2024 00:00:00 GMT"
        sent = {"ETag": etag, "Last-Modified": modified}
        sent = {k: v for k, v in sent.items() if k in cls.validators}
        if cls.status != 200:
            self.send_response(cls.status)
            self.end_headers()
            return
        matches = (
            self.headers.get("If-None-Match") == etag
            if "ETag" in sent and self.headers.get("If-None-Match")
            else "Last-Modified" in sent and self.headers.get("If-Modified-Since") == modified
        )
        self.send_response(304 if matches else 200)
        for name, value in sent.items():
            self.send_header(name, value)
        if matches:
            self.end_headers()
            return
        self.send_header("Content-Length", str(len(cls.body)))
        self.end_headers()
        self.wfile.write(cls.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def origin():
    """The URL of the image on a started loopback server; stopped after the test (``origin.stop()`` earlier)."""
    Origin.body, Origin.validators, Origin.status, Origin.requests = RED, ("ETag", "Last-Modified"), 200, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Origin)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    stopped = []

    class Handle(str):
        def stop(self):
            if not stopped:
                httpd.shutdown()
                httpd.server_close()
                stopped.append(True)

    handle = Handle(f"http://127.0.0.1:{httpd.server_address[1]}/logo.png?sig=abc")
    yield handle
    handle.stop()


def _age(url: str, seconds: float) -> None:
    """Make the cache entry of ``url`` look downloaded ``seconds`` ago."""
    then = time.time() - seconds
    os.utime(fetch.cache_path(url), (then, then))


def _color(data: bytes) -> tuple[int, int, int]:
    with Image.open(io.BytesIO(data)) as im:
        return im.convert("RGB").getpixel((0, 0))


STALE = fetch.REVALIDATE_AFTER + 5


def test_the_ttl_is_a_few_minutes():
    assert 60 <= fetch.REVALIDATE_AFTER <= 15 * 60


def test_within_the_ttl_the_cache_is_used_without_asking_the_server(origin):
    assert fetch_bytes(origin) == RED
    Origin.body = BLUE
    _age(origin, fetch.REVALIDATE_AFTER - 30)
    assert fetch_bytes(origin) == RED
    assert len(Origin.requests) == 1


def test_an_image_replaced_at_the_same_url_is_seen_once_the_cache_is_older_than_the_ttl(origin):
    assert fetch_bytes(origin) == RED
    Origin.body = BLUE
    _age(origin, STALE)
    assert fetch_bytes(origin) == BLUE
    assert Origin.requests[-1]["If-None-Match"] is not None  # a conditional GET, answered 200 with the new image
    assert fetch.cache_path(origin).read_bytes() == BLUE
    assert fetch_bytes(origin) == BLUE and len(Origin.requests) == 2  # the new copy is fresh


def test_refresh_asks_the_server_whatever_the_age_of_the_cache(origin):
    assert fetch_bytes(origin) == RED
    Origin.body = BLUE
    assert fetch_bytes(origin) == RED
    assert fetch_bytes(origin, refresh=True) == BLUE
    assert len(Origin.requests) == 2


@pytest.mark.parametrize("validators", [("ETag", "Last-Modified"), ("ETag",), ("Last-Modified",)])
def test_a_304_reuses_the_cached_bytes_and_restarts_their_age(origin, validators):
    Origin.validators = validators
    assert fetch_bytes(origin) == RED
    _age(origin, STALE)
    assert fetch_bytes(origin) == RED
    sent = Origin.requests[-1]
    assert (sent["If-None-Match"] is not None) == ("ETag" in validators)
    assert (sent["If-Modified-Since"] is not None) == ("Last-Modified" in validators)
    assert time.time() - fetch.cache_path(origin).stat().st_mtime < 60
    assert fetch_bytes(origin) == RED and len(Origin.requests) == 2
    image, notes = load_image(origin, refresh=True)
    assert _color(RED) == image.getpixel((0, 0))[:3] and notes == [] and len(Origin.requests) == 3


def test_a_server_without_validators_gets_a_plain_get_once_the_ttl_is_over(origin):
    Origin.validators = ()
    assert fetch_bytes(origin) == RED
    Origin.body = BLUE
    _age(origin, STALE)
    assert fetch_bytes(origin) == BLUE
    assert Origin.requests[-1] == {"If-None-Match": None, "If-Modified-Since": None}


def test_offline_never_touches_the_network_whatever_the_age_or_refresh(origin):
    assert fetch_bytes(origin) == RED
    Origin.body = BLUE
    _age(origin, 10 * STALE)
    assert fetch_bytes(origin, offline=True) == RED
    assert fetch_bytes(origin, offline=True, refresh=True) == RED
    assert Renderer().render(_design(origin), offline=True, refresh=True).image.getpixel((5, 5)) == (255, 0, 0)
    with pytest.raises(DownloadError, match="not in the image cache and --offline"):
        fetch_bytes(origin + "&other=1", offline=True, refresh=True)
    assert len(Origin.requests) == 1


def test_a_stale_copy_is_used_when_the_server_cannot_be_reached_unless_refresh_asked_for_it(origin):
    assert fetch_bytes(origin) == RED
    origin.stop()
    _age(origin, STALE)
    assert fetch_bytes(origin) == RED
    with pytest.raises(DownloadError, match="cannot fetch") as failed:
        fetch_bytes(origin, refresh=True)
    assert "sig=abc" not in str(failed.value)


def test_an_http_error_at_revalidation_is_a_failure_like_any_download(origin):
    assert fetch_bytes(origin) == RED
    Origin.status = 404
    _age(origin, STALE)
    with pytest.raises(DownloadError, match="HTTP 404"):
        fetch_bytes(origin)


def test_an_error_page_served_at_revalidation_is_never_cached(origin):
    assert fetch_bytes(origin) == RED
    Origin.body = b"<html>maintenance</html>"
    with pytest.raises(fetch.FetchError, match="not an image"):
        load_image(origin, refresh=True)
    assert not fetch.cache_path(origin).exists()  # the URL serves no image now: the old copy is not kept either
    Origin.body = BLUE
    assert fetch_bytes(origin) == BLUE


def _design(url: str) -> dict:
    mark = {"WaterMarkUrl": url, "WaterMarkWidth": 40, "WaterMarkHeight": 40, "LocationX": 0, "LocationY": 0}
    return preset([], watermarks=[{"WaterMarkImage": mark}])


def test_a_renderer_asked_to_refresh_draws_the_replaced_image(origin):
    renderer = Renderer()
    assert renderer.render(_design(origin)).image.getpixel((5, 5)) == (255, 0, 0)
    Origin.body = BLUE
    assert renderer.render(_design(origin)).image.getpixel((5, 5)) == (255, 0, 0)  # kept by the renderer
    assert renderer.render(_design(origin), refresh=True).image.getpixel((5, 5)) == (0, 0, 255)
    Origin.body = RED
    assert render_preview(_design(origin), refresh=True).getpixel((5, 5)) == (255, 0, 0)
