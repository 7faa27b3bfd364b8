"""Image fetching: a local HTTP server on 127.0.0.1 (started and stopped by the tests), the disk cache, offline
mode, the 5 MB cap, format sniffing, decompression bombs, and failures that become findings in a render."""

from __future__ import annotations

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from layout_studio import fetch
from layout_studio.fetch import FetchError, fetch_bytes, load_image
from layout_studio.render import Renderer
from layout_studio.render.cards import HATCH_COLORS

from .helpers import preset


def _png(color=(255, 0, 0), size=(8, 8)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}
    hits: dict = {}

    def do_GET(self):  # noqa: N802 - http.server API
        path = self.path.split("?")[0]
        type(self).hits[path] = type(self).hits.get(path, 0) + 1
        route = self.routes.get(path)
        if route is None:
            self.send_response(404)
            self.end_headers()
            return
        status, body, length, delay, trickle = route
        if delay:
            time.sleep(delay)
        self.send_response(status)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        step = 1 if trickle else 65536
        try:
            for i in range(0, len(body), step):
                self.wfile.write(body[i : i + step])
                if trickle:
                    self.wfile.flush()
                    time.sleep(trickle)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Handler.routes = {}
    _Handler.hits = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"

    def add(path, body, status=200, length=True, delay=0.0, trickle=0.0):
        _Handler.routes[path] = (status, body, length, delay, trickle)
        return base + path

    yield add
    httpd.shutdown()
    httpd.server_close()


def test_png_is_fetched_once_then_served_from_the_disk_cache_even_offline(server):
    url = server("/logo.png", _png((1, 2, 3)))
    img, notes = load_image(url)
    assert img.getpixel((0, 0))[:3] == (1, 2, 3) and notes == []
    assert fetch.cache_path(url).is_file()
    again, _ = load_image(url, offline=True)
    assert again.getpixel((0, 0))[:3] == (1, 2, 3)
    assert _Handler.hits["/logo.png"] == 1


def test_offline_without_cache_is_a_clear_error(server):
    url = server("/never.png", _png())
    with pytest.raises(FetchError, match="not in the image cache and --offline"):
        fetch_bytes(url, offline=True)
    assert "/never.png" not in _Handler.hits


def test_format_is_sniffed_from_the_bytes_not_the_name(server):
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), (9, 9, 9)).save(buf, "JPEG")
    jpeg_named_png = server("/photo.png", buf.getvalue())
    assert load_image(jpeg_named_png)[0].size == (4, 4)
    html = server("/page.png", b"<html>not an image</html>")
    with pytest.raises(FetchError, match="not an image"):
        load_image(html)


def test_bmp_is_refused_for_watermarks_but_read_for_placeholders(server):
    buf = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buf, "BMP")
    url = server("/old.bmp", buf.getvalue())
    with pytest.raises(FetchError, match="BMP is not accepted"):
        load_image(url)
    assert load_image(url, allow_extra=True)[0].size == (4, 4)


@pytest.mark.parametrize("length", [True, False])
def test_more_than_5_mb_is_refused_while_streaming(server, length):
    url = server("/big.png", b"\x89PNG\r\n\x1a\n" + b"\0" * (fetch.MAX_BYTES + 10), length=length)
    with pytest.raises(FetchError, match="5 MB"):
        fetch_bytes(url)
    assert not fetch.cache_path(url).exists()


def test_http_error_and_timeout_are_fetch_errors(server, monkeypatch):
    missing = server("/gone.png", b"", status=404)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_bytes(missing)
    monkeypatch.setattr(fetch, "TIMEOUTS", (1.0, 0.2))
    slow = server("/slow.png", _png(), delay=0.6)
    with pytest.raises(FetchError, match="timed out"):
        fetch_bytes(slow)


def test_a_server_trickling_bytes_is_cut_at_the_total_deadline(server, monkeypatch):
    # each read gets a byte within the read timeout, so only a deadline on the whole download stops it
    monkeypatch.setattr(fetch, "TIMEOUTS", (1.0, 1.0))
    monkeypatch.setattr(fetch, "TOTAL_TIMEOUT", 0.5)
    url = server("/trickle.png", _png(), trickle=0.1)  # about 70 bytes: 7 s without a deadline
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch_bytes(url)
    assert time.monotonic() - started < 3
    assert not fetch.cache_path(url).exists()


def test_a_body_that_is_not_an_image_is_not_cached(server):
    url = server("/login.png", b"<html>please log in</html>")
    with pytest.raises(FetchError, match="not an image"):
        load_image(url)
    assert not fetch.cache_path(url).exists()
    server("/login.png", _png((4, 5, 6)))  # the server is fixed: the next render must fetch again
    assert load_image(url)[0].getpixel((0, 0))[:3] == (4, 5, 6)
    truncated = server("/half.png", _png(size=(64, 64))[:60])
    with pytest.raises(FetchError, match="cannot decode"):
        load_image(truncated)
    assert not fetch.cache_path(truncated).exists()


def test_decompression_bomb_is_refused_not_decoded(tmp_path):
    path = tmp_path / "bomb.png"
    Image.new("1", (5000, 5000)).save(path)  # 25 megapixels in a few kilobytes
    with pytest.raises(FetchError, match="5000x5000"):
        load_image(str(path))


def test_over_2k_is_drawn_with_a_note(tmp_path):
    path = tmp_path / "wide.png"
    Image.new("RGB", (2100, 10)).save(path)
    img, notes = load_image(str(path))
    assert img.size == (2100, 10) and "2K" in notes[0]


def test_messages_never_echo_the_query_string(server):
    url = server("/x.png", b"", status=403) + "?txSecret=abcdef123&txTime=1"
    with pytest.raises(FetchError) as err:
        fetch_bytes(url)
    assert "abcdef123" not in str(err.value)


def test_local_file_errors_are_clear(tmp_path):
    with pytest.raises(FetchError, match="no such file"):
        fetch_bytes(str(tmp_path / "nope.png"))
    with pytest.raises(FetchError, match="is a directory"):
        fetch_bytes(str(tmp_path))
    with pytest.raises(FetchError, match="unsupported URL scheme"):
        fetch_bytes("ftp://example.invalid/a.png")


def test_failed_watermark_fetch_draws_a_hatched_box_and_a_warning_but_the_render_goes_on(server, tmp_path):
    bad = server("/broken.png", b"GIF89a-not-really")
    nonimage = tmp_path / "notes.txt"
    nonimage.write_text("hello")
    cfg = preset(
        [],
        watermarks=[
            {
                "WaterMarkImage": {
                    "WaterMarkUrl": bad,
                    "WaterMarkWidth": 60,
                    "WaterMarkHeight": 40,
                    "LocationX": 0,
                    "LocationY": 0,
                }
            },
            {
                "WaterMarkImage": {
                    "WaterMarkUrl": str(nonimage),
                    "WaterMarkWidth": 60,
                    "WaterMarkHeight": 40,
                    "LocationX": 100,
                    "LocationY": 0,
                }
            },
            {
                "WaterMarkImage": {
                    "WaterMarkUrl": "http://127.0.0.1:9/none.png",
                    "WaterMarkWidth": 60,
                    "WaterMarkHeight": 40,
                    "LocationX": 200,
                    "LocationY": 0,
                }
            },
        ],
    )
    result = Renderer().render(cfg)
    failed = [f for f in result.findings if f.code == "render.image.failed"]
    assert [f.path for f in failed] == [f"VideoParams.WaterMarkList[{i}].WaterMarkImage.WaterMarkUrl" for i in range(3)]
    assert all(f.severity == "warning" for f in failed)
    for x in (0, 100, 200):
        colors = {result.image.getpixel((x + dx, dy)) for dx in range(0, 60, 3) for dy in range(0, 40, 3)}
        assert set(HATCH_COLORS) <= colors


def test_failed_placeholder_is_hatched_and_reported_again_on_a_cached_re_render(tmp_path):
    cfg = preset(
        [
            {
                "LocationX": 0,
                "LocationY": 0,
                "ImageWidth": 100,
                "ImageHeight": 100,
                "BackgroundImageUrl": str(tmp_path / "missing.png"),
            }
        ]
    )
    r = Renderer()
    for _ in range(2):
        result = r.render(cfg, users=0)
        assert [f.path for f in result.findings if f.code == "render.image.failed"] == [
            "VideoParams.LayoutParams.MixLayoutList[0].BackgroundImageUrl"
        ]
        assert result.image.getpixel((50, 50)) in HATCH_COLORS


def test_a_source_frame_is_not_held_to_the_limits_of_an_mcu_image(tmp_path, monkeypatch):
    # --source stands in for a user's camera or screen, not for an MCU image field: neither the 5 MB cap nor the
    # 2K note applies to it (a bomb is still refused)
    monkeypatch.setattr(fetch, "MAX_BYTES", 2000)
    photo = tmp_path / "photo.png"
    Image.effect_noise((2200, 40), 90).convert("RGB").save(photo)
    assert photo.stat().st_size > 2000
    cfg = preset(
        [
            {
                "LocationX": 0,
                "LocationY": 0,
                "ImageWidth": 100,
                "ImageHeight": 100,
                "UserMediaStream": {"UserInfo": {"UserId": "alice"}},
            }
        ]
    )
    result = Renderer().render(cfg, sources={"alice": str(photo)})
    assert [f.code for f in result.findings if f.code.startswith("render.image")] == []
    assert result.image.getpixel((50, 50)) not in HATCH_COLORS
    with pytest.raises(FetchError, match="5 MB"):  # the same file as a watermark is refused
        load_image(str(photo))


def test_a_16_bit_greyscale_png_keeps_its_tones(tmp_path):
    # a 16-bit greyscale PNG opens in mode I;16 (values 0..65535); converting that straight to RGBA clips every
    # value above 255 to white, so a mid-grey logo or camera frame was drawn white
    path = tmp_path / "grey16.png"
    Image.new("I;16", (8, 8), 0x8000).save(path)
    img, _ = load_image(str(path))
    assert img.getpixel((0, 0)) == (128, 128, 128, 255)


def test_a_cached_download_over_the_limit_is_named_by_its_url_not_the_cache_file(server, monkeypatch):
    # fetched first as a --source frame (64 MB allowed, so it is cached), then used as a watermark (5 MB): the
    # message named the internal cache file, which tells the user nothing about which URL is too large
    monkeypatch.setattr(fetch, "MAX_BYTES", 2000)
    body = io.BytesIO()
    Image.effect_noise((60, 60), 90).convert("RGB").save(body, "PNG")
    url = server("/big.png", body.getvalue())
    load_image(url, user_frame=True)
    with pytest.raises(FetchError) as err:
        load_image(url)
    assert str(err.value).startswith(url + ":") and "5 MB" in str(err.value)
    assert str(fetch.cache_path(url)) not in str(err.value)


def test_not_an_image_names_the_formats_accepted_where_it_was_used(tmp_path):
    # a placeholder or a --source frame may also be BMP, GIF or WebP; the message said only PNG or JPEG
    notes = tmp_path / "notes.png"
    notes.write_text("hello")
    with pytest.raises(FetchError, match=r"not PNG or JPEG\)"):
        load_image(str(notes))
    with pytest.raises(FetchError, match=r"not PNG, JPEG, BMP, GIF or WebP\)"):
        load_image(str(notes), allow_extra=True)


def test_a_source_photo_is_turned_upright_by_its_exif_orientation(tmp_path):
    # a phone photo is stored sideways with an EXIF Orientation tag; as a --source frame it was drawn sideways
    photo = tmp_path / "phone.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to display
    Image.new("RGB", (80, 40), (250, 0, 0)).save(photo, exif=exif)
    img, _ = load_image(str(photo), user_frame=True)
    assert img.size == (40, 80)


def test_messages_never_echo_credentials_in_the_url(server):
    # a private CDN reached as https://user:password@host/...: the password was shown in every finding
    url = server("/private.png", b"", status=401).replace("http://", "http://cdnuser:s3cr3tpw@")
    with pytest.raises(FetchError) as err:
        fetch_bytes(url)
    assert "s3cr3tpw" not in str(err.value) and "HTTP 401" in str(err.value)
    assert "s3cr3tpw" not in fetch.display_ref(url) and "127.0.0.1" in fetch.display_ref(url)


def test_a_failed_download_is_tried_once_per_render_whatever_uses_the_url(server):
    # the same dead URL as canvas background (PNG/JPEG only) and as a placeholder (BMP/GIF/WebP too) was downloaded
    # once for each: a slow server cost the timeout twice
    url = server("/down.png", b"", status=503)
    cfg = preset(
        [{"LocationX": 0, "LocationY": 0, "ImageWidth": 100, "ImageHeight": 100, "BackgroundImageUrl": url}],
        BackgroundImageUrl=url,
    )
    result = Renderer().render(cfg, users=0)
    assert [f.path for f in result.findings if f.code == "render.image.failed"] == [
        "VideoParams.BackgroundImageUrl",
        "VideoParams.LayoutParams.MixLayoutList[0].BackgroundImageUrl",
    ]
    assert _Handler.hits["/down.png"] == 1


def test_forget_failures_lets_a_long_lived_renderer_try_a_failed_image_again(server):
    # the studio keeps one Renderer: an image that failed once (network down, URL fixed on the server since) stayed
    # a hatched box for the whole session, since both the image and the tile drawn from it were cached
    url = server("/logo.png", b"", status=503)
    cfg = preset(
        [],
        watermarks=[
            {
                "WaterMarkImage": {
                    "WaterMarkUrl": url,
                    "WaterMarkWidth": 60,
                    "WaterMarkHeight": 40,
                    "LocationX": 0,
                    "LocationY": 0,
                }
            }
        ],
    )
    r = Renderer()
    assert "render.image.failed" in {f.code for f in r.render(cfg).findings}
    server("/logo.png", _png((1, 2, 3)))  # the server is fixed
    r.forget_failures()
    result = r.render(cfg)
    assert "render.image.failed" not in {f.code for f in result.findings}
    assert result.image.getpixel((30, 20)) == (1, 2, 3)


def test_a_reference_with_a_nul_character_is_a_finding_not_a_traceback(tmp_path):
    # "BackgroundImageUrl": "a\u0000b.png" (or file:///a%00b.png) raised ValueError: embedded null byte
    for ref in ("a\x00b.png", "file:///tmp/a%00b.png"):
        with pytest.raises(FetchError, match="NUL"):
            fetch_bytes(ref)
    result = Renderer().render(preset([], BackgroundImageUrl="logo\x00.png"))
    assert [f.path for f in result.findings if f.code == "render.image.failed"] == ["VideoParams.BackgroundImageUrl"]


def test_control_characters_of_a_reference_are_escaped_in_messages(tmp_path):
    # a preset from elsewhere with "WaterMarkUrl": "logo\u001b]2;pwned\u0007.png" wrote terminal escape sequences
    # to stderr through every finding that named it
    for ref in ("http://127.0.0.1:9/logo\x1b]2;pwned\x07.png", str(tmp_path / "logo\x1b[2J.png")):
        shown = fetch.display_ref(ref)
        assert "\x1b" not in shown and "\x07" not in shown and "\\x1b" in shown
        with pytest.raises(FetchError) as err:
            fetch_bytes(ref)
        assert "\x1b" not in str(err.value)


def test_a_tilde_reference_of_an_unknown_user_is_a_missing_file_not_a_traceback():
    # "~0" or "~nobody-here/logo.png": Path.expanduser raised RuntimeError (found by a fuzz of the renderer)
    for ref in ("~0", "~no-such-user-here/logo.png"):
        with pytest.raises(FetchError, match="no such file"):
            fetch_bytes(ref)
