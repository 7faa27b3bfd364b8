"""Key bursts for the studio's Pilot tests: keys sent the way a terminal delivers type-ahead, a paste without
bracketed paste or SSH batching does — all at once, with no pause for the app to handle one before the next.

Pilot's own ``press`` waits until the app is idle after every key; :func:`burst` hands every key to the app's
driver in one go (as the terminal reader does when one read returns many keys) and :func:`settle` then waits until
the app has handled them.
"""

from __future__ import annotations

import asyncio
import unicodedata

from textual import events

#: Key names of characters that are not their own name (the rest: ``unicodedata`` names, as Textual spells them).
_NAMED = {" ": "space"}


def key_event(key: str) -> events.Key:
    """The Key event a terminal produces for ``key``: one character (``a``, ``.``, ``[``) or a key name (``tab``,
    ``backspace``, ``shift+tab``)."""
    if len(key) == 1:
        name = key if key.isalnum() else _NAMED.get(key, unicodedata.name(key).lower().replace(" ", "_"))
        return events.Key(name, key)
    return events.Key(key, None)


def burst(app, keys) -> None:
    """Send every key of ``keys`` (a string of characters, or a list of characters and key names) to the app at
    once, as a terminal read holding all of them would."""
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)


async def settle(pilot, until=lambda: True, timeout: float = 30.0) -> None:
    """Wait until the app has handled what was sent and ``until()`` holds (a loaded machine may need a while)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        await pilot.pause()
        if until() or loop.time() > deadline:
            return
        await asyncio.sleep(0.01)
