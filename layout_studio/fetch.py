"""Fetching the images a design points at (watermarks, placeholders, canvas backgrounds, TransparentUrl templates).

An image reference is an ``http://`` / ``https://`` URL, a ``file://`` URL, or a local path. URLs are fetched with
``requests`` (connect timeout 5 s, read timeout 10 s — the MCU's own single-download timeout,
``SDK models.McuVideoParams.BackgroundImageUrl``), streamed with a 5 MB cap (the documented limit of every image
field: ``Data Types McuWaterMarkImage``, ``SDK models.McuVideoParams``), and kept in an on-disk cache under
``paths.cache_dir()/images`` keyed by the SHA-256 of the URL (the bytes, and beside them ``<key>.json`` with the
server's ``ETag`` and ``Last-Modified``).

Revalidation (``Layout Studio assumption``): a cached image is used as it is for :data:`REVALIDATE_AFTER` seconds
(5 minutes) after it was downloaded or last confirmed; after that, or whenever ``refresh=True``, the next use asks
the server with a conditional GET (``If-None-Match`` / ``If-Modified-Since``). A ``304 Not Modified`` keeps the
cached bytes (and restarts the 5 minutes); a ``200`` replaces them, so an image replaced at the same URL is seen; an
HTTP error is a failure like any download's. When the server cannot be reached at all (timeout, connection error)
the cached copy is used, unless ``refresh=True`` asked for the server's answer. ``offline=True`` reads the cache
only, whatever its age, and never touches the network. A server that sends neither ``ETag`` nor ``Last-Modified``
gets a plain GET.

The format is sniffed from the bytes, never from the name: PNG and JPEG everywhere; BMP, GIF and WebP are also
accepted where the SDK allows them (region placeholders, ``allow_extra=True``). Images above 2K (2048 px on a side)
are drawn with a warning; images above :data:`MAX_PIXELS` (decompression bombs) are refused. A ``--source`` frame
(``user_frame=True``) is a user's video, not an MCU image: it gets :data:`SOURCE_MAX_BYTES` and
:data:`SOURCE_MAX_PIXELS` instead, no 2K note, and is turned upright by its EXIF Orientation (a phone photo).

Every failure raises :class:`FetchError` with a one-line message (no secrets: query strings are not echoed); the
renderer turns it into a warning finding and a hatched placeholder, so a failed fetch never stops a render.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from PIL import Image, ImageOps

from .atomic import atomic_write_bytes
from .errors import LayoutStudioError
from .paths import cache_dir, ensure_dir

#: The documented size limit of an image (bytes).
MAX_BYTES = 5 * 1024 * 1024
#: The documented resolution limit ("2K") of an image, in pixels on the longer side.
MAX_SIDE_DOCUMENTED = 2048
#: Above this many pixels an image is refused as a decompression bomb (4096 x 4096).
MAX_PIXELS = 4096 * 4096
#: Limits of a ``--source`` frame (``user_frame=True``): it stands in for a user's camera or screen, not for an MCU
#: image field, so only a memory guard applies: bytes, and pixels (an 8K frame fits).
SOURCE_MAX_BYTES = 64 * 1024 * 1024
SOURCE_MAX_PIXELS = 7680 * 4320
#: requests timeouts in seconds: (connect, read).
TIMEOUTS = (5.0, 10.0)
#: Deadline for a whole download in seconds: a server sending a byte now and then never trips the read timeout.
TOTAL_TIMEOUT = 30.0
#: Seconds a cached download is used without asking its server again (then: a conditional GET).
REVALIDATE_AFTER = 300.0
#: The response headers kept beside a cached download to revalidate it, and the request header each one feeds.
VALIDATORS = {"ETag": "If-None-Match", "Last-Modified": "If-Modified-Since"}

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"BM", "BMP"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)


class FetchError(Exception):
    """An image could not be fetched, read or decoded. ``str(err)`` is a one-line message for a finding."""


class DownloadError(FetchError):
    """A URL could not be downloaded (HTTP error, timeout, too large, offline and not cached): whatever field uses
    the URL, trying again in the same render would fail the same way."""


class _NoAnswer(FetchError):
    """The server gave no answer (timeout, connection refused or reset, name not resolved)."""


@dataclass
class _Reply:
    """What a (conditional) GET brought: ``data`` None for a 304; ``validators`` the headers of
    :data:`VALIDATORS` the server sent."""

    data: bytes | None
    validators: dict[str, str]


def sniff_format(data: bytes) -> str | None:
    """The image format of ``data`` from its magic bytes: ``PNG``, ``JPEG``, ``BMP``, ``GIF``, ``WEBP`` or None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def printable(text: str) -> str:
    """``text`` with control characters escaped (``\\x1b``), so a name read from a file cannot drive the terminal."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def display_ref(ref: str) -> str:
    """``ref`` safe to show: a URL without its query string and fragment (they may carry signatures) and without
    the user and password of ``user:password@host``; control characters escaped."""
    if "://" in ref:
        parts = urlsplit(ref)
        host = parts.netloc.rpartition("@")[2]
        user = "…@" if "@" in parts.netloc else ""
        return printable(f"{parts.scheme}://{user}{host}{parts.path}" + ("?…" if parts.query else ""))
    return printable(ref)


def cache_path(url: str) -> Path:
    """Where the bytes of ``url`` are cached on disk (the file may not exist). Its modification time is when the
    server last gave or confirmed them."""
    return cache_dir() / "images" / hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()


def _validators_path(url: str) -> Path:
    return cache_path(url).with_suffix(".json")


def _cache_age(path: Path) -> float | None:
    """Seconds since the cache entry ``path`` was downloaded or confirmed; None when there is no entry."""
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return None


def _read_validators(url: str) -> dict[str, str]:
    """The ``ETag`` / ``Last-Modified`` kept for ``url`` (empty when none were sent, or the file is unreadable)."""
    try:
        data = json.loads(_validators_path(url).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if k in VALIDATORS and isinstance(v, str)}


def forget(url: str) -> None:
    """Remove the cache entry of ``url`` (bytes and validators), if any; best effort."""
    for path in (cache_path(url), _validators_path(url)):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def _too_big(shown: str, size: int | str, limit: int) -> FetchError:
    if limit == MAX_BYTES:
        return FetchError(f"{shown}: {size} bytes is over the 5 MB limit of an MCU image")
    return FetchError(f"{shown}: {size} bytes is over the {limit // (1024 * 1024)} MB limit of a preview source")


def _read_local(path: Path, limit: int | None = None, shown: str | None = None) -> bytes:
    """The bytes of file ``path``; messages name ``shown`` (the URL of a cache entry) or else the path."""
    limit = MAX_BYTES if limit is None else limit
    name = shown or printable(str(path))
    if "\x00" in str(path):
        raise FetchError(f"{name}: contains a NUL character, so it cannot be a file name")
    try:
        size = path.stat().st_size
        if size > limit:
            raise _too_big(name, size, limit)
        return path.read_bytes()
    except FileNotFoundError:
        raise FetchError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise FetchError(f"{name}: is a directory, not an image file") from None
    except OSError as exc:
        raise FetchError(f"{name}: cannot read ({exc.strerror or exc.__class__.__name__})") from None


def _store(url: str, data: bytes, validators: dict[str, str]) -> None:
    """Atomically write ``data`` and its ``validators`` to the cache entry of ``url`` (best effort: a full disk only
    loses the cache). The old validators go first and the new ones come last, so new bytes may lack validators (then
    a plain GET revalidates them) but old bytes never sit beside the validators of new ones."""
    target = cache_path(url)
    try:
        ensure_dir(target.parent)
        _validators_path(url).unlink(missing_ok=True)
        atomic_write_bytes(target, data, mode=0o600)
        _store_validators(url, validators)
    except (OSError, LayoutStudioError):
        pass


def _store_validators(url: str, validators: dict[str, str]) -> None:
    path = _validators_path(url)
    if validators:
        atomic_write_bytes(path, json.dumps(validators).encode("utf-8"), mode=0o600)
    else:
        path.unlink(missing_ok=True)


def _confirm(url: str, validators: dict[str, str]) -> None:
    """The server confirmed the cached bytes (304): restart their age, keep any validators it sent anew."""
    try:
        os.utime(cache_path(url))
        if validators:
            _store_validators(url, {**_read_validators(url), **validators})
    except (OSError, LayoutStudioError):
        pass


def _chunks(resp: Any) -> Iterator[bytes]:
    """The body of a streamed response in pieces; with urllib3 2 each piece is one socket read (``read1``), so the
    caller can check its deadline between reads however slowly the server sends."""
    raw = getattr(resp, "raw", None)
    if raw is None or not hasattr(raw, "read1"):
        yield from resp.iter_content(chunk_size=65536)
        return
    while True:
        chunk = raw.read1(65536, decode_content=True)
        if not chunk:
            return
        yield chunk


def _download(url: str, shown: str, limit: int, validators: dict[str, str] | None = None) -> _Reply:
    """GET ``url`` (conditional when ``validators`` are given); raises FetchError, or _NoAnswer when the server gave
    no answer."""
    import requests
    import urllib3.exceptions

    timed_out = (
        f"{shown}: timed out (connect {TIMEOUTS[0]:g} s, read {TIMEOUTS[1]:g} s, whole download {TOTAL_TIMEOUT:g} s)"
    )
    headers = {VALIDATORS[name]: value for name, value in (validators or {}).items()}
    deadline = time.monotonic() + TOTAL_TIMEOUT
    try:
        with requests.get(url, stream=True, timeout=TIMEOUTS, allow_redirects=True, headers=headers) as resp:
            sent = {name: resp.headers[name] for name in VALIDATORS if resp.headers.get(name)}
            if resp.status_code == 304 and headers:
                return _Reply(None, sent)
            if resp.status_code != 200:
                raise FetchError(f"{shown}: HTTP {resp.status_code}")
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise _too_big(shown, declared, limit)
            chunks: list[bytes] = []
            total = 0
            for chunk in _chunks(resp):
                total += len(chunk)
                if total > limit:
                    raise FetchError(
                        f"{shown}: more than {limit // (1024 * 1024)} MB (the limit of "
                        + ("an MCU image" if limit == MAX_BYTES else "a preview source")
                        + "); download stopped"
                    )
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise _NoAnswer(timed_out)
            return _Reply(b"".join(chunks), sent)
    except (requests.Timeout, urllib3.exceptions.TimeoutError):
        raise _NoAnswer(timed_out) from None
    except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
        reason = exc.__class__.__name__
        raise _NoAnswer(f"{shown}: cannot fetch ({reason})") from None


def _fetch_url(url: str, shown: str, limit: int, *, offline: bool, refresh: bool) -> bytes:
    """The bytes of HTTP(S) ``url``: from the cache while fresh (or ``offline``), else from its server (see the
    module docstring); raises DownloadError."""
    cached = cache_path(url)
    age = _cache_age(cached)
    if age is not None and (offline or (not refresh and 0 <= age < REVALIDATE_AFTER)):
        return _read_local(cached, limit, shown)
    if offline:
        raise DownloadError(f"{shown}: not in the image cache and --offline is set")
    try:
        reply = _download(url, shown, limit, _read_validators(url) if age is not None else None)
    except _NoAnswer as exc:
        if age is None or refresh:
            raise DownloadError(str(exc)) from None
        return _read_local(cached, limit, shown)  # the server is out of reach: the copy we have
    except FetchError as exc:
        raise DownloadError(str(exc)) from None
    if reply.data is None:
        _confirm(url, reply.validators)
        return _read_local(cached, limit, shown)
    if sniff_format(reply.data) is not None:
        _store(url, reply.data, reply.validators)
    return reply.data


def fetch_bytes(ref: str, *, offline: bool = False, refresh: bool = False, user_frame: bool = False) -> bytes:
    """The bytes of image reference ``ref`` (URL or local path), at most 5 MB (:data:`SOURCE_MAX_BYTES` for a
    ``user_frame``).

    HTTP(S) URLs come from the disk cache while it is fresh (:data:`REVALIDATE_AFTER`), else from the network with
    a conditional GET (a ``304`` keeps the cached bytes); ``refresh`` asks the server whatever the cache's age;
    ``offline`` reads the cache only. Downloaded bytes are cached when they are a PNG/JPEG/BMP/GIF/WebP (an error
    page is never cached). Raises FetchError (:class:`DownloadError` for a URL) for an empty reference, an
    unsupported scheme, a missing file, an HTTP error, a timeout, more than 5 MB, or (offline) a URL not in the
    cache.
    """
    if not isinstance(ref, str) or not ref.strip():
        raise FetchError("empty image URL")
    ref = ref.strip()
    shown = display_ref(ref)
    limit = SOURCE_MAX_BYTES if user_frame else MAX_BYTES
    scheme = urlsplit(ref).scheme.lower() if "://" in ref else ""
    if scheme in ("http", "https"):
        return _fetch_url(ref, shown, limit, offline=offline, refresh=refresh)
    if scheme == "file":
        return _read_local(Path(unquote(urlsplit(ref).path)), limit)
    if scheme:
        raise FetchError(f"{shown}: unsupported URL scheme {scheme!r} (use http, https or a local path)")
    try:
        path = Path(ref).expanduser()
    except RuntimeError:  # "~name" of a user this machine does not know: read it as written
        path = Path(ref)
    return _read_local(path, limit)


def _to_rgba(im: Image.Image) -> Image.Image:
    """``im`` as RGBA. A 16-bit greyscale PNG (mode ``I;16``/``I``, values 0..65535) is scaled to 8 bits first:
    Pillow's own conversion clips every value above 255, which turned a mid-grey image white."""
    if im.mode == "I" or im.mode.startswith("I;16"):
        im = im.convert("I").point(lambda v: v / 256).convert("L")
    return im.convert("RGBA")


def decode_image(
    data: bytes, shown: str, *, allow_extra: bool = False, user_frame: bool = False
) -> tuple[Image.Image, list[str]]:
    """Decode ``data`` into a loaded RGBA image; returns ``(image, warnings)``.

    Only PNG and JPEG are accepted unless ``allow_extra`` (then BMP, GIF, WebP too; the first frame of an
    animation). Raises FetchError for another format, a corrupt file, or more than :data:`MAX_PIXELS` pixels.
    ``warnings`` holds a note when a side is over 2K (the documented limit; the MCU would not use it).
    ``user_frame``: a ``--source`` frame: up to :data:`SOURCE_MAX_PIXELS`, no 2K note.
    """
    fmt = sniff_format(data)
    allowed = ("PNG", "JPEG", "BMP", "GIF", "WEBP") if allow_extra else ("PNG", "JPEG")
    if fmt is None:
        kinds = "PNG, JPEG, BMP, GIF or WebP" if allow_extra else "PNG or JPEG"
        raise FetchError(f"{shown}: not an image (the bytes are not {kinds})")
    if fmt not in allowed:
        raise FetchError(f"{shown}: {fmt} is not accepted here (use PNG or JPEG)")
    notes: list[str] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im: Image.Image = Image.open(io.BytesIO(data), formats=[fmt])
            w, h = im.size
            if user_frame and w * h > SOURCE_MAX_PIXELS:
                raise FetchError(f"{shown}: {w}x{h} pixels is more than an 8K frame; not drawn")
            if not user_frame and w * h > MAX_PIXELS:
                raise FetchError(f"{shown}: {w}x{h} pixels is far over the 2K limit; not drawn")
            if not user_frame and max(w, h) > MAX_SIDE_DOCUMENTED:
                notes.append(f"{shown}: {w}x{h} is over the documented 2K limit; the MCU may not use it")
            im.load()
            if user_frame:  # a photo stands upright as the user took it (EXIF Orientation)
                im = ImageOps.exif_transpose(im)
            return _to_rgba(im), notes
    except FetchError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise FetchError(f"{shown}: image too large (decompression bomb); not drawn") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise FetchError(f"{shown}: cannot decode the {fmt} image ({exc.__class__.__name__})") from None


def load_image(
    ref: str, *, offline: bool = False, refresh: bool = False, allow_extra: bool = False, user_frame: bool = False
) -> tuple[Image.Image, list[str]]:
    """Fetch and decode image reference ``ref``: ``(RGBA image, warnings)``; raises FetchError (see above).
    ``refresh``: revalidate a cached download now (see :func:`fetch_bytes`). ``user_frame``: a ``--source`` frame
    (see the module docstring for its limits).

    A downloaded image that fails to decode (truncated, corrupt, a bomb) is removed from the disk cache, so the
    next render fetches it again."""
    data = fetch_bytes(ref, offline=offline, refresh=refresh, user_frame=user_frame)
    try:
        return decode_image(data, display_ref(ref), allow_extra=allow_extra, user_frame=user_frame)
    except FetchError:
        refused_here = not allow_extra and sniff_format(data) in ("BMP", "GIF", "WEBP")  # fine elsewhere: keep
        if not refused_here and urlsplit(ref.strip()).scheme.lower() in ("http", "https"):
            forget(ref.strip())
        raise
