"""`start PRESET --with-ingest` checks everything that can refuse the mix or a source before the first request
leaves: the regions, the validator's errors (a source using the mixing robot's UserId), the unresolved starts of the
mix and of every source. A refusal sends nothing and says so once; a failure after sources started names them and
says the mix was not started; a Ctrl-C while a source's start is in flight sends nothing more and exits 130."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tests.push.applying import preset_with
from tests.push.conftest import ROOT

CLIP = "https://media.example.com/clips/intro.mp4"
SOURCES = [
    {"UserId": "clip_intro", "StreamUrl": CLIP},
    {"UserId": "clip_music", "StreamUrl": "https://media.example.com/music.mp3"},
]


def _actions(fake):
    return [a for _t, a, _b in fake.seen()]


def test_an_unresolved_start_of_the_mix_refuses_before_any_source_plays(cmd, fake, tmp_path):
    preset = preset_with(tmp_path, IngestSources=SOURCES)
    fake.faults.append("504-after")
    assert cmd("start", str(preset), "--no-ingest")[0] == 1  # unknown outcome: unresolved
    before = len(fake.seen())
    code, out, err = cmd("start", str(preset), "--with-ingest")
    assert code == 1 and out == "", err
    assert "unknown outcome" in err and err.lower().count("nothing was sent") == 1, err
    assert len(fake.seen()) == before and not fake.ingests


def test_an_unresolved_start_of_a_later_source_refuses_before_the_first_plays(cmd, fake, tmp_path):
    preset = preset_with(tmp_path, IngestSources=SOURCES)
    fake.faults.append("504-after")
    code, _, err = cmd("ingest", "start", "--room", "295066", "--sdk-app-id", "1400188366", "--user", "clip_music",
                       "--url", CLIP)  # fmt: skip
    assert code == 1, err
    before = len(fake.seen())
    code, out, err = cmd("start", str(preset), "--with-ingest")
    assert code == 1 and out == "", err
    assert "ingest source clip_music" in err and err.lower().count("nothing was sent") == 1, err
    assert len(fake.seen()) == before


def test_a_region_without_the_mixing_apis_refuses_before_any_source_plays(cmd, fake, tmp_path):
    preset = preset_with(tmp_path, IngestSources=SOURCES, Region="ap-tokyo")
    code, _, err = cmd("start", str(preset), "--with-ingest", region=None)
    assert code == 2 and "ap-tokyo" in err, err
    assert fake.seen() == []


def test_a_source_using_the_mixing_robots_userid_is_refused(cmd, fake, tmp_path):
    preset = preset_with(tmp_path, IngestSources=[{"UserId": "trtc_partner_test_1", "StreamUrl": CLIP}])
    code, _, err = cmd("start", str(preset), "--with-ingest")
    assert code == 1 and "ingest.user.clash" in err and "nothing was sent" in err, err
    assert fake.seen() == []


def test_a_mix_that_fails_after_the_sources_started_names_them(cmd, fake, tmp_path):
    preset = preset_with(tmp_path, IngestSources=SOURCES)
    fake.faults.extend([None, None, "error:InvalidParameter.SdkAppId"])
    code, out, err = cmd("start", str(preset), "--with-ingest")
    assert code == 1 and out == "", err
    assert _actions(fake) == ["StartStreamIngest", "StartStreamIngest"] and "InvalidParameter.SdkAppId" in err, err
    assert "clip_intro as task ing-" in err and "clip_music as task ing-" in err, err
    assert "the mix was not started" in err and "ingest stop" in err, err


def test_one_ctrl_c_while_a_source_starts_sends_nothing_more_and_exits_130(fake, creds, tmp_path):
    preset = preset_with(tmp_path, IngestSources=SOURCES)
    fake.latency = 2.0
    args = [sys.executable, "-m", "layout_studio", "start", str(preset), "--with-ingest", "--endpoint", fake.endpoint,
            "--journal", str(tmp_path / "j.sqlite3"), "--region", "ap-guangzhou", "--timeout", "10"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 30
    while not fake.arrivals:
        assert time.monotonic() < deadline, "the request never arrived"
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert _actions(fake) == ["StartStreamIngest"] and out == ""
    [task] = fake.ingests
    assert f"clip_intro as task {task}" in err and "not started: clip_music" in err, err
    assert "the mix was not started" in err and "again" not in err.replace("Ctrl-C again", ""), err
