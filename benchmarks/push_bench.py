"""Benchmark: push one design to 1,000 tasks against the loopback TRTC API, at the documented 20 requests/s.

Prints the wall time against the 50 s the rate limit allows (1,000 / 20 = 50 s, less the first token), the
achieved requests per second at the server, and the lost (tasks without the design) and duplicated (tasks that
received it twice, or reused SequenceNumbers) counts. The loopback server checks every TC3 signature and decodes
every body with the SDK's models, as in the tests. Takes about 50 s by design.

    python benchmarks/push_bench.py [--tasks 1000] [--rate 20] [--workers 8] [--latency 0.05]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.05, help="server think time per request, seconds")
    args = parser.parse_args()

    fake = FakeTrtc(latency=args.latency).start()
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
        times = sorted(t for t, _, _ in fake.seen("UpdatePublishCdnStream"))
        lost = sum(1 for t in task_ids if not fake.tasks.get(t))
        duplicated = sum(1 for t in task_ids if len(fake.tasks.get(t, [])) > 1)
        seqs = [(t, b["SequenceNumber"]) for t in task_ids for b in fake.tasks.get(t, [])]
        reused = len(seqs) - len(set(seqs))
        window = max(sum(1 for u in times[i:] if u < t + 1.0) for i, t in enumerate(times)) if times else 0
        with Journal(work / "journal.sqlite3") as journal:
            rows = len(journal.entries())
        allowed = (args.tasks - 1) / args.rate
        print(f"tasks                 {args.tasks}")
        print(f"wall time             {wall:.1f} s (the rate limit allows {allowed:.1f} s at {args.rate:g}/s)")
        span = times[-1] - times[0] if len(times) > 1 else 0.0
        print(
            f"requests per second   {len(times) / max(span, 1e-9):.2f} at the server (max {window} in any 1 s window)"
        )
        print(f"outcomes              {result.counts()}")
        print(f"lost                  {lost}")
        print(f"duplicated            {duplicated} (SequenceNumbers reused: {reused})")
        print(f"journal rows          {rows}")
        print(f"protocol violations   {len(fake.violations)}")
        return 0 if lost == duplicated == reused == len(fake.violations) == 0 else 1
    finally:
        fake.stop()


if __name__ == "__main__":
    sys.exit(main())
