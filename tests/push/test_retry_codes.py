"""Every ``RequestLimitExceeded.*`` code (``RequestLimitExceeded.IPLimitExceeded`` ...) is retried with backoff like
``RequestLimitExceeded``: the request was refused before any change."""

from __future__ import annotations

import pytest

from layout_studio.push.errors import PushError
from layout_studio.push.status import FailureKind
from tests.push.conftest import OTHER


@pytest.mark.parametrize(
    "code, retried",
    [
        ("RequestLimitExceeded", True),
        ("RequestLimitExceeded.IPLimitExceeded", True),
        ("RequestLimitExceeded.UinLimitExceeded", True),
        ("RequestLimitExceeded.SomeFutureLimit", True),
        ("RequestLimitExceededX", False),
        ("LimitExceeded", False),
        ("InvalidParameter", False),
    ],
)
def test_which_api_error_codes_are_retried(code, retried):
    assert PushError(FailureKind.API, code, "refused").retryable is retried


def test_an_ip_limit_is_retried_and_then_applies(cli, fake, started):
    fake.faults.extend(["error:RequestLimitExceeded.IPLimitExceeded"] * 2)
    code, out, err = cli("push", str(OTHER), "--task-id", started, "--yes")
    assert code == 0, err
    assert "after 3 attempts" in out
    assert len(fake.seen("UpdatePublishCdnStream")) == 1
