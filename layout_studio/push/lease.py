"""Per-task leases: one sender at a time per mixing task (or per room, for a start) on this machine.

Drawing a task's SequenceNumber and sending it must be one critical section, or a number drawn later could leave
first and the API would refuse the lower one that follows (``SDK models.UpdatePublishCdnStreamRequest.
SequenceNumber``: it must increase). A batch must also see what another batch did to a task before it sends. A
:class:`Lease` is held from before the number is drawn until the request and its retries are settled, by every
start, update and stop, in every thread and process of the user, whatever journal it writes.

Mechanism (Layout Studio assumption): ``fcntl.flock`` on a lock file per task in ``<user data dir>/locks``
(``<sha256 of the key>.lock``). The kernel releases a flock when its holder's file is closed, and so when the
process dies for any reason (kill -9 included): no lease outlives its holder and nothing has to expire. A SQLite lease
with an owner pid and an expiry would need the expiry to be longer than the slowest request (else two holders) and
still trust pids that may be reused. Each open of the file is its own lock, so two threads of one process exclude
each other too. A lock file is never deleted while in use; after taking the lock the holder checks that the file
at the path is still the one it locked (someone may have removed it) and starts again if not.

The lock file holds, as JSON, the holder's pid (for messages) and the highest SequenceNumber drawn for the task on
this machine (``sequence``), so numbers increase across journals too (:mod:`layout_studio.push.sequence`).
POSIX only (Linux, macOS), like the terminals this tool targets.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import LayoutStudioError

#: How often a waiting lease looks again, in seconds.
POLL = 0.01


class LeaseError(LayoutStudioError):
    """The lease file cannot be created or written (the lock directory is not writable, the disk is full); nothing
    was sent. The message names the file and what to check."""

    def __init__(self, path: Path, err: OSError) -> None:
        super().__init__(
            f"{path}: cannot use the lock file of a task ({err.strerror or err}): check that {path.parent} is "
            "writable and the disk has space; nothing was sent"
        )


class LeaseBusy(Exception):
    """The lease is held by another sender (``pid`` when known) and waiting was not allowed, or took longer than
    allowed, or was cancelled."""

    def __init__(self, key: str, pid: int | None, waited: float) -> None:
        self.key = key
        self.pid = pid
        self.waited = waited
        holder = f"process {pid}" if pid else "another process"
        super().__init__(f"{key} is being sent to by {holder} (waited {waited:.1f} s)")


def lock_dir() -> Path:
    """``<user data dir>/locks``: where the lease files of every task live."""
    return paths.data_dir() / "locks"


def check_lock_dir() -> None:
    """Make sure lease files can be made in :func:`lock_dir` (created when missing): a command that sends checks it
    once before anything is sent, rather than failing once per task. Raises :class:`LayoutStudioError` naming the
    directory and the fix."""
    directory = lock_dir()
    try:
        paths.ensure_dir(directory)
        fd, probe = tempfile.mkstemp(prefix=".probe-", suffix=".lock", dir=directory)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        raise LayoutStudioError(
            f"{directory}: cannot make the lock files of tasks there ({err.strerror or err}): it must be a writable "
            "directory on a disk with space (it is in the user data directory; LAYOUT_STUDIO_DATA_DIR moves it); "
            "nothing was sent"
        ) from None


class Lease:
    """A held lease on ``key`` (``task:<TaskId>``, ``start:<SdkAppId>:<RoomId>:<UserId>`` or
    ``start:<action>:<SdkAppId>:<RoomId>:<UserId>``). ``waited`` is the
    time spent waiting for it (s) and ``waited_for`` the pid that held it then (None: not held by another)."""

    def __init__(self, key: str, fd: int, waited: float, waited_for: int | None) -> None:
        self.key = key
        self._fd = fd
        self.waited = waited
        self.waited_for = waited_for
        self._state = _read(fd)
        self._state["pid"] = os.getpid()
        self._write()

    @property
    def sequence(self) -> int | None:
        """The highest SequenceNumber drawn for the task on this machine, or None."""
        value = self._state.get("sequence")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def drew(self, sequence: int) -> None:
        """Note that ``sequence`` was drawn for the task (before it is sent)."""
        self._state["sequence"] = max(sequence, self.sequence or 0)
        self._write()

    def _write(self) -> None:
        data = json.dumps(dict(self._state, key=self.key), ensure_ascii=True).encode("ascii")
        try:
            os.pwrite(self._fd, data, 0)
            os.ftruncate(self._fd, len(data))
        except OSError as err:
            raise LeaseError(path_for(self.key), err) from None

    def release(self) -> None:
        """Release the lease (closing the file releases the flock)."""
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            os.close(fd)


def _read(fd: int) -> dict[str, Any]:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _holder(path: Path) -> int | None:
    """The pid written by the lease's holder (a hint for messages), or None."""
    try:
        data = json.loads(path.read_bytes() or b"{}")
    except (OSError, ValueError):
        return None
    pid = data.get("pid") if isinstance(data, dict) else None
    return pid if isinstance(pid, int) and pid != os.getpid() else None


def path_for(key: str) -> Path:
    """The lock file of ``key``."""
    return lock_dir() / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:40]}.lock"


def _try_lock(path: Path) -> int | None:
    """A descriptor of ``path`` holding its flock, or None when another holds it."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        except BaseException:
            os.close(fd)
            raise
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # the file was removed after we opened it: lock the one now at the path


def acquire(
    key: str,
    *,
    wait: float | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    on_wait: Callable[[int | None], None] | None = None,
) -> Lease:
    """The lease of ``key``, waiting at most ``wait`` seconds (None: as long as it takes; 0: not at all).

    ``on_wait(pid)`` is called once when the lease is held by another. Raises :class:`LeaseBusy` when the wait ends
    (or ``cancelled()`` turns true) first, and :class:`LeaseError` when the lock file cannot be made.
    """
    path = path_for(key)
    started = time.monotonic()
    holder: int | None = None
    told = False
    while True:
        try:
            paths.ensure_dir(path.parent)
            fd = _try_lock(path)
        except OSError as err:
            raise LeaseError(path, err) from None
        if fd is not None:
            waited = time.monotonic() - started
            return Lease(key, fd, waited, holder if told else None)
        holder = _holder(path) or holder
        if not told:
            told = True
            if on_wait is not None:
                on_wait(holder)
        waited = time.monotonic() - started
        if (wait is not None and waited >= wait) or cancelled():
            raise LeaseBusy(key, holder, waited)
        time.sleep(POLL)


@contextlib.contextmanager
def held(key: str, **kwargs: Any) -> Iterator[Lease]:
    """``with held(key) as lease:`` — :func:`acquire`, released on exit."""
    lease = acquire(key, **kwargs)
    try:
        yield lease
    finally:
        lease.release()


def task_key(task_id: str) -> str:
    """The lease key of a mixing task (TaskIds are unique across applications)."""
    return f"task:{task_id}"


def start_key(sdk_app_id: Any, room_id: Any, user_id: Any, *, action: str | None = None) -> str:
    """The lease key of starting a task for (SdkAppId, RoomId, robot UserId): a mixing task's, or with ``action``
    (CreateCloudRecording, StartStreamIngest) a task of that action."""
    what = f"{action}:" if action else ""
    return f"start:{what}{sdk_app_id}:{room_id}:{user_id}"
