"""Benchmark: push one design to 1,000 tasks against a loopback TRTC API that enforces 20 requests per sliding second.

The loopback server (``tests/push/fake_trtc.py``) checks every TC3 signature, decodes every body with the SDK's
models, refuses a SequenceNumber not above the task's last one, delays each request by a random network jitter
before it "arrives", and answers ``RequestLimitExceeded`` when a request arrives while 20 others of its API arrived
within the last second — as the real API's limit would. Prints the wall time (target: at most 55 s for 1,000
tasks), the peak number of requests the server saw in any sliding one-second window (must be at most 20), the
RequestLimitExceeded count (must be 0), and the lost (tasks without the design) and duplicated (tasks that
received it twice, or reused SequenceNumbers) counts. Takes about 53 s by design.

    python benchmarks/push_bench.py [--tasks 1000] [--rate 20] [--workers 8] [--latency 0.05] [--jitter 0.01]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tencentcloud.common.credential import Credential  # noqa: E402

from layout_studio.presets import load_preset  # noqa: E402
from layout_studio.push import Journal, Pusher, PushOptions  # noqa: E402
from layout_studio.push.batch import run_batch  # noqa: E402
from tests.push.fake_trtc import SECRET_ID, SECRET_KEY, FakeTrtc  # noqa: E402

UPDATE = "UpdatePublishCdnStream"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.05, help="server think time per request, seconds")
    parser.add_argument("--jitter", type=float, default=0.01, help="largest random network delay, seconds")
    parser.add_argument("--limit", type=int, default=20, help="requests per sliding second the server allows")
    args = parser.parse_args()

    fake = FakeTrtc(latency=args.latency, strict_rate=args.limit, jitter=args.jitter).start()
    work = Path(tempfile.mkdtemp(prefix="push-bench-"))
    os.environ["LAYOUT_STUDIO_DATA_DIR"] = str(work)
    preset = load_preset(ROOT / "presets" / "grid-2x2.json")
    task_ids = [f"bench-{i:05d}" for i in range(args.tasks)]
    options = PushOptions(
        region="ap-guangzhou",
        endpoint=fake.endpoint,
        sdk_app_id=1400188366,
        journal=str(work / "journal.sqlite3"),
        rate=args.rate,
        credential=Credential(SECRET_ID, SECRET_KEY),
    )
    try:
        with Pusher(options) as pusher:
            started = time.monotonic()
            result = run_batch(pusher, preset, task_ids, workers=args.workers)
            wall = time.monotonic() - started
        arrivals = sorted(t for t, a in fake.arrivals if a == UPDATE)
        lost = sum(1 for t in task_ids if not fake.tasks.get(t))
        duplicated = sum(1 for t in task_ids if len(fake.tasks.get(t, [])) > 1)
        seqs = [(t, b["SequenceNumber"]) for t in task_ids for b in fake.tasks.get(t, [])]
        reused = len(seqs) - len(set(seqs))
        peak = fake.peak_per_second(UPDATE)
        with Journal(work / "journal.sqlite3") as journal:
            rows = len(journal.entries())
        span = arrivals[-1] - arrivals[0] if len(arrivals) > 1 else 0.0
        print(f"tasks                     {args.tasks}")
        print(f"wall time                 {wall:.1f} s (target: at most {args.tasks * 0.055:.1f} s)")
        print(f"requests at the server    {len(arrivals)}, {len(arrivals) / max(span, 1e-9):.2f} a second on average")
        print(f"peak in any sliding 1 s   {peak} (the server allows {args.limit})")
        print(f"RequestLimitExceeded      {fake.rate_limited}")
        print(f"outcomes                  {result.counts()}")
        print(f"lost                      {lost}")
        print(f"duplicated                {duplicated} (SequenceNumbers reused: {reused})")
        print(f"journal rows              {rows}")
        print(f"protocol violations       {len(fake.violations)}")
        good = lost == duplicated == reused == len(fake.violations) == fake.rate_limited == 0 and peak <= args.limit
        return 0 if good else 1
    finally:
        fake.stop()


if __name__ == "__main__":
    sys.exit(main())
