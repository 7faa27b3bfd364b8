"""Atomic writes: the target is either the old file or the complete new one; the temp file never lingers."""

from __future__ import annotations

import os
import stat

import pytest
from PIL import Image

from layout_studio.atomic import atomic_write_bytes, atomic_write_png, atomic_write_text
from layout_studio.errors import LayoutStudioError


def test_replaces_the_file_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "a.json"
    target.write_text("old")
    atomic_write_text(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_failed_write_keeps_the_old_file_and_names_it(tmp_path, monkeypatch):
    target = tmp_path / "a.json"
    target.write_text("old")
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(LayoutStudioError, match=r"a\.json: cannot write the file: No space left on device"):
        atomic_write_bytes(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_missing_directory_is_a_clear_error_naming_it(tmp_path):
    with pytest.raises(LayoutStudioError, match=r"the directory .*nope does not exist .*mkdir -p"):
        atomic_write_text(tmp_path / "nope" / "a.json", "x")


def test_a_directory_as_target_is_a_clear_error(tmp_path):
    with pytest.raises(LayoutStudioError, match="is a directory"):
        atomic_write_text(tmp_path, "x")


def test_existing_permissions_are_kept_and_new_files_get_the_mode(tmp_path):
    kept = tmp_path / "kept"
    kept.write_text("x")
    kept.chmod(0o600)
    atomic_write_text(kept, "y")
    assert kept.stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "fresh"
    atomic_write_bytes(fresh, b"z", mode=0o640)
    assert fresh.stat().st_mode & 0o777 == 0o640


def test_png(tmp_path):
    target = tmp_path / "p.png"
    atomic_write_png(target, Image.new("RGB", (3, 2), (255, 0, 0)))
    with Image.open(target) as img:
        assert img.size == (3, 2) and img.getpixel((1, 1)) == (255, 0, 0)


def test_a_named_pipe_is_written_into_not_replaced(tmp_path):
    """`schema -o /dev/stdout`, `import -o` a pipe: a rename over it would replace the pipe (as root, /dev/null)."""

    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        atomic_write_text(fifo, "{}\n")
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        assert os.read(reader, 100) == b"{}\n"
    finally:
        os.close(reader)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_a_symlink_keeps_pointing_at_the_replaced_file(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "preset.json"
    link.symlink_to(target)
    atomic_write_text(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


def test_files_written_together_are_all_written(tmp_path):
    from layout_studio.atomic import atomic_write_all

    (tmp_path / "b.png").write_bytes(b"old b")
    written = atomic_write_all([(tmp_path / "a.json", b"a"), (tmp_path / "b.png", b"b")])
    assert written == [tmp_path / "a.json", tmp_path / "b.png"]
    assert (tmp_path / "a.json").read_bytes() == b"a" and (tmp_path / "b.png").read_bytes() == b"b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.png"]


@pytest.mark.parametrize("failing", ["stage", "rename"])
def test_files_written_together_are_none_written_when_one_fails(tmp_path, monkeypatch, failing):
    """The second file fails (staging: it is a directory; renaming: the OS refuses): the first, already renamed
    into place when the rename fails, is put back — its old content, or removed when it is new."""
    from layout_studio.atomic import atomic_write_all

    (tmp_path / "old.png").write_bytes(b"old")
    second = tmp_path / "second.json"
    if failing == "stage":
        second.mkdir()
    else:
        replace = os.replace

        def refuse(src, dst):
            if str(dst) == str(second):
                raise OSError(28, "No space left on device")
            replace(src, dst)

        monkeypatch.setattr(os, "replace", refuse)
    files = [(tmp_path / "old.png", b"new"), (second, b"{}"), (tmp_path / "new.png", b"png")]
    with pytest.raises(LayoutStudioError, match="second.json"):
        atomic_write_all(files)
    assert (tmp_path / "old.png").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.png"] + (["second.json"] if failing == "stage" else [])
