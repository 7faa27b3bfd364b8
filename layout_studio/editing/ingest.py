"""Ingest sources in the editor: which regions show a robot of the preset's ``Target.IngestSources`` (media played
into the room by StartStreamIngest before the mix starts), what to say about them, and the local pictures the
preview draws in their place.

A region whose UserId is an ingest source's robot shows that source (``API StartStreamIngest``: the robot joins the
room as that UserId). The studio says so on the canvas and in the inspector (:func:`ingest_line`) and, when the
source's StreamUrl names a local image file, draws that picture in the region's place (:func:`preview_sources`;
``IngestSource.preview_image``: a local picture is a Layout Studio assumption for previewing, refused when sent). A
relative path is taken from the preset file's folder, else from the working folder. StreamUrl is shown redacted
(:func:`layout_studio.redaction.redact`: a stream URL may carry a txSecret).
"""

from __future__ import annotations

from pathlib import Path

from ..model import Preset
from ..model.ingest import IngestSource
from ..redaction import redact
from .access import ElementRef, regions
from .session import EditSession

#: The longest StreamUrl :func:`ingest_line` shows whole (longer ones keep their start and their end).
URL_CHARS = 60


def _base(session: EditSession) -> Path:
    """The folder a relative StreamUrl is taken from: the preset file's, else the working folder."""
    return session.path.parent if session.path is not None else Path.cwd()


def ingest_users(preset: Preset) -> set[str]:
    """The UserIds of the Target's ingest sources (robots playing media into the room)."""
    sources = (preset.target.ingest_sources if preset.target is not None else None) or []
    return {s.user_id for s in sources if s.user_id}


def region_source(preset: Preset, ref: ElementRef) -> IngestSource | None:
    """The ingest source region ``ref`` shows (its UserId is the source's robot), or None (a watermark, an unnamed
    region, a camera)."""
    if ref.kind != "region":
        return None
    items = regions(preset)
    if not 0 <= ref.index < len(items):
        return None
    return preset.ingest_source(items[ref.index].user_id)


def ingest_line(session: EditSession, ref: ElementRef) -> str | None:
    """``ingest source: rtmp://…/intro.flv`` (redacted, shortened in the middle past :data:`URL_CHARS`) for a region
    showing an ingest source, with ``(previewed)`` when the preview draws its local picture and ``(not found)`` when
    that picture is missing; None for any other element."""
    source = region_source(session.preset, ref)
    if source is None:
        return None
    url = redact(source.stream_url or "")
    if len(url) > URL_CHARS:
        half = URL_CHARS // 2 - 1
        url = f"{url[:half]}…{url[-half:]}"
    picture = source.preview_image(_base(session))
    note = "" if picture is None else " (previewed)" if picture.is_file() else " (picture not found)"
    return f"ingest source: {url or 'no StreamUrl'}{note}"


def preview_sources(session: EditSession) -> dict[str, str]:
    """UserId -> the path of the local picture the preview draws for that ingest source (existing files only), as
    :meth:`layout_studio.render.Renderer.render` takes its ``sources``."""
    sources = (session.preset.target.ingest_sources if session.preset.target is not None else None) or []
    base = _base(session)
    out: dict[str, str] = {}
    for source in sources:
        picture = source.preview_image(base)
        if source.user_id and picture is not None and picture.is_file():
            out[source.user_id] = str(picture)
    return out
