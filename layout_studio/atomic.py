"""Atomic file writes: a file is either its old self or completely new, never half-written.

Every file Layout Studio writes (presets, autosaves, PNG previews, batch reports, the schema, cached images) goes
through :func:`atomic_write_bytes`: a temporary file in the same directory, ``fsync``, ``os.replace`` over the
target, then an fsync of the directory so the rename survives a crash. Through a symlink the file it points at is
replaced (the link stays); an existing pipe or device (``-o /dev/null``, ``/dev/stdout``, a named pipe a viewer
reads) is written into, never replaced — as root a rename would turn ``/dev/null`` into a regular file.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
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
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if _is_stream(target):
        _write_into(target, data)
        return
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
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(directory)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise LayoutStudioError(
            f"{target}: cannot write the file: {reason}; the old file (if any) is unchanged"
        ) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
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


def atomic_write_png(path: str | Path, image: Image.Image) -> None:
    """Replace file ``path`` with the PIL ``image`` encoded as PNG (see :func:`atomic_write_bytes`)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
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
