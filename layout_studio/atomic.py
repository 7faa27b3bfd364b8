"""Atomic file writes: a file is either its old self or completely new, never half-written.

Every file Layout Studio writes (presets, autosaves, previews in PNG, JPEG or WebP (:func:`atomic_write_image`),
batch reports, the schema, cached images) goes through :func:`atomic_write_bytes`: a temporary file in the same
directory, ``fsync``, ``os.replace`` over the target, then an fsync of the directory so the rename survives a crash.
Through a symlink the file it points at is replaced (the link stays); an existing pipe or device (``-o /dev/null``,
``/dev/stdout``, a named pipe a viewer reads) is written into, never replaced — as root a rename would turn
``/dev/null`` into a regular file.

Files that belong together (an export's body and the PNG files it names) are written all or nothing
(:func:`atomic_write_all`): every one is staged as a temporary file first, and only then are they renamed into
place; a failure at any step leaves every file as it was.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LayoutStudioError

if TYPE_CHECKING:
    from PIL import Image


def atomic_write_bytes(path: str | Path, data: bytes, *, mode: int = 0o644) -> None:
    """Replace file ``path`` with ``data``.

    The directory must exist. An existing file keeps its permission bits; a new one gets ``mode``.
    Raises :class:`~layout_studio.errors.LayoutStudioError` naming the file when anything fails; the temporary
    file is removed and the old file is untouched.
    """
    target = _resolved(path)
    if _is_stream(target):
        _write_into(target, data)
        return
    tmp_name = _stage(target, data, mode)
    _commit(tmp_name, target)


def atomic_write_all(files: Sequence[tuple[str | Path, bytes]]) -> list[Path]:
    """Write every ``(path, data)`` of ``files``, all or nothing: each is staged as a temporary file beside its
    target, then they are renamed into place one after another (an existing pipe or device is written into last).
    Returns the paths written, in order.

    Raises :class:`~layout_studio.errors.LayoutStudioError` naming the file that failed; then no file has changed:
    the staged files are removed, a file already renamed into place is put back as it was (removed if it is new).
    """
    targets = [_resolved(path) for path, _ in files]
    staged: list[tuple[str, Path, bytes | None]] = []  # (temporary file, target, the target's bytes before)
    committed: list[tuple[Path, bytes | None]] = []
    streams: list[tuple[Path, bytes]] = []
    try:
        for target, (_, data) in zip(targets, files):
            if _is_stream(target):
                streams.append((target, data))
                continue
            before = target.read_bytes() if target.is_file() else None
            staged.append((_stage(target, data, 0o644), target, before))
        for tmp_name, target, before in staged:
            _commit(tmp_name, target)
            committed.append((target, before))
        for target, data in streams:
            _write_into(target, data)
    except (LayoutStudioError, OSError) as exc:
        for tmp_name, _, _ in staged[len(committed) :]:
            _remove(tmp_name)
        _restore(committed)
        if isinstance(exc, OSError):  # reading a file's old content
            raise _failed(Path(exc.filename or "?"), exc) from None
        raise
    return targets


def _resolved(path: str | Path) -> Path:
    """``path``, or the file a symlink there points at (the link stays)."""
    target = Path(path)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _stage(target: Path, data: bytes, mode: int) -> str:
    """A temporary file beside ``target`` holding ``data`` (synced, with ``target``'s permission bits when it
    exists, else ``mode``); its name. Raises LayoutStudioError naming ``target``; nothing is left behind."""
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise LayoutStudioError(
            f"{target}: cannot write the file: the directory {directory} does not exist "
            f"(create it first, e.g. mkdir -p {directory})"
        )
    if target.is_dir():
        raise LayoutStudioError(f"{target}: is a directory; give a file name")
    tmp_name: str | None = None
    try:
        if target.exists():
            mode = target.stat().st_mode & 0o777
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
    except OSError as exc:
        if tmp_name is not None:
            _remove(tmp_name)
        raise _failed(target, exc) from None
    return tmp_name


def _commit(tmp_name: str, target: Path) -> None:
    """Rename the staged ``tmp_name`` over ``target`` and make it durable; LayoutStudioError naming ``target`` (the
    staged file removed, the old file unchanged) when the rename fails."""
    try:
        os.replace(tmp_name, target)
    except OSError as exc:
        _remove(tmp_name)
        raise _failed(target, exc) from None
    _fsync_dir(target.parent if str(target.parent) else Path("."))


def _restore(files: Sequence[tuple[Path, bytes | None]]) -> None:
    """Put each file back as it was before (``None``: it did not exist), as well as can be done."""
    for target, before in files:
        try:
            if before is None:
                target.unlink(missing_ok=True)
            else:
                _commit(_stage(target, before, 0o644), target)
        except (LayoutStudioError, OSError):
            pass


def _failed(target: Path, exc: OSError) -> LayoutStudioError:
    reason = exc.strerror or exc.__class__.__name__
    return LayoutStudioError(f"{target}: cannot write the file: {reason}; the old file (if any) is unchanged")


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _is_stream(target: Path) -> bool:
    """True when ``target`` exists and is neither a regular file nor a directory (a pipe, a device, a socket)."""
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_into(target: Path, data: bytes) -> None:
    """Write ``data`` into an existing pipe or device; LayoutStudioError naming it on failure."""
    try:
        with open(target, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise LayoutStudioError(f"{target}: cannot write: {exc.strerror or exc.__class__.__name__}") from None


def atomic_write_text(path: str | Path, text: str, *, mode: int = 0o644) -> None:
    """Replace file ``path`` with ``text`` encoded as UTF-8 (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def png_bytes(image: Image.Image) -> bytes:
    """The PIL ``image`` encoded as PNG."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def atomic_write_png(path: str | Path, image: Image.Image) -> None:
    """Replace file ``path`` with the PIL ``image`` encoded as PNG (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, png_bytes(image))


#: Extensions of the image files ``render`` and ``sheet`` write -> Pillow's format.
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}


def image_format(path: str | Path, option: str = "-o") -> str:
    """The Pillow format ``path``'s extension names (:data:`IMAGE_FORMATS`, any case); PNG for an existing pipe or
    device (``/dev/stdout``). Raises :class:`~layout_studio.errors.LayoutStudioError` for any other name, so a
    caller can refuse it before drawing anything."""
    suffix = Path(path).suffix
    found = IMAGE_FORMATS.get(suffix.lower())
    if found is not None:
        return found
    if _is_stream(_resolved(path)):
        return "PNG"
    allowed = ", ".join(IMAGE_FORMATS)
    raise LayoutStudioError(
        f"{option} {path}: {'the extension ' + repr(suffix) if suffix else 'no extension'} names no image format "
        f"written here; end the name with one of {allowed}"
    )


def atomic_write_image(path: str | Path, image: Image.Image) -> None:
    """Replace file ``path`` with ``image`` in the format its extension names (:func:`image_format`): PNG and WebP
    lossless, JPEG (quality 90) converted to RGB first (JPEG has no transparency)."""
    fmt = image_format(path)
    if fmt == "PNG":
        atomic_write_bytes(path, png_bytes(image))
        return
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buffer, format="JPEG", quality=90)
    else:
        image.save(buffer, format=fmt, lossless=True)
    atomic_write_bytes(path, buffer.getvalue())


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (POSIX); ignored where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
