"""State of one render: the findings it collects, the images it fetched, and the caches it shares with its Renderer.

:meth:`RenderContext.image` is the one way the renderer reads an image (URL, ``file://`` URL or local path): a
failure becomes a warning finding at the field's API path and returns None (the caller draws a hatched placeholder); it
never raises. Fetched images and their notes are kept in the Renderer's cache, so a re-render fetches nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from typing import TypeVar, cast

from PIL import Image

from ..fetch import DownloadError, FetchError, display_ref, load_image
from ..findings import Finding, Severity
from ..sources import sdk
from .cache import LRUCache

SOURCE_IMAGES = (
    f"{sdk('McuVideoParams.BackgroundImageUrl')}, {sdk('McuWaterMarkImage.WaterMarkUrl')} "
    "(PNG/JPEG, at most 2K and 5 MB)"
)


T = TypeVar("T")


class RenderContext:
    """One render's findings, plus the Renderer's ``tiles`` and ``images`` caches. ``offline``: cache only;
    ``refresh``: revalidate cached downloads now (:func:`layout_studio.fetch.fetch_bytes`)."""

    def __init__(
        self,
        tiles: LRUCache,
        images: LRUCache,
        *,
        offline: bool = False,
        refresh: bool = False,
        dead: dict[Hashable, str] | None = None,
    ) -> None:
        self.tiles = tiles
        self.images = images
        self.offline = offline
        self.refresh = refresh
        self.findings: list[Finding] = []
        #: URLs whose download failed in this render (shared with sub-contexts): not tried again for another field
        self.dead: dict[Hashable, str] = {} if dead is None else dead

    def add(self, code: str, severity: Severity, path: str, message: str, source: str) -> None:
        """Record a finding (duplicates are kept once)."""
        f = Finding(code, severity, path, message, source)
        if f not in self.findings:
            self.findings.append(f)

    def cached(self, key: Hashable, make: Callable[[RenderContext], T]) -> T:
        """A tile from the cache, or ``make(sub)`` cached with the findings it raised; on a hit those findings are
        added again, so every render reports them. ``key`` must tell apart everything ``make`` depends on."""

        def build() -> tuple[T, list[Finding]]:
            sub = RenderContext(self.tiles, self.images, offline=self.offline, refresh=self.refresh, dead=self.dead)
            value = make(sub)
            return value, sub.findings

        value, found = cast(tuple[T, list[Finding]], self.tiles.get_or_make(key, build))
        for f in found:
            if f not in self.findings:
                self.findings.append(f)
        return value

    def image(
        self, ref: str, *, path: str, what: str, allow_extra: bool = False, user_frame: bool = False
    ) -> Image.Image | None:
        """The RGBA image at ``ref`` or None (a warning finding ``render.image.failed`` at ``path`` says why).

        ``what`` names the field for the message (``watermark image``, ``placeholder``). ``user_frame``: a
        ``--source`` frame, not held to the MCU's image limits (:func:`layout_studio.fetch.load_image`). Local files
        are re-read when they change (keyed by modification time and size).
        """
        sig: Hashable = None
        if "://" not in ref:
            try:
                st = os.stat(os.path.expanduser(ref))
                sig = (st.st_mtime_ns, st.st_size)
            except (OSError, ValueError):  # ValueError: a NUL character in the name
                sig = "missing"
        key = (ref, allow_extra, user_frame, self.offline, sig)
        download = (ref, user_frame, self.offline)

        def fetch() -> tuple[Image.Image | None, list[str], str | None]:
            if download in self.dead:
                return None, [], self.dead[download]
            try:
                img, notes = load_image(
                    ref, offline=self.offline, refresh=self.refresh, allow_extra=allow_extra, user_frame=user_frame
                )
                return img, notes, None
            except DownloadError as exc:
                self.dead[download] = str(exc)
                return None, [], str(exc)
            except FetchError as exc:
                return None, [], str(exc)

        img, notes, error = self.images.get_or_make(key, fetch) if sig != "missing" else fetch()
        for note in notes:
            self.add("render.image.large", Severity.WARNING, path, f"{what} {note}", SOURCE_IMAGES)
        if error is not None:
            self.add(
                "render.image.failed",
                Severity.WARNING,
                path,
                f"{what} not drawn: {error}; the preview shows a hatched box",
                SOURCE_IMAGES,
            )
        return img

    @staticmethod
    def shown(ref: str) -> str:
        """``ref`` without a query string (see :func:`layout_studio.fetch.display_ref`)."""
        return display_ref(ref)
