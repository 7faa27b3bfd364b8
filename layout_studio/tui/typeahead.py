"""Type-ahead: keys act in the order they were typed, at any key rate.

Textual hands a key to the focused widget's own message queue. An Input inserts a printable character from there,
while every other key travels up, widget by widget, to the app, which runs its binding from the app's queue. When
keys come faster than they are handled — type-ahead, a paste without bracketed paste, SSH batching — the queues
interleave: a character typed after backspace is inserted before the backspace runs, the keys typed after tab still
reach the field tab left, and the characters typed after the enter that opens a field are handed to the canvas
(which drops them) before the enter has run.

:func:`deliver` therefore handles a key wholly in the app's queue, in arrival order, whenever the focused widget and
its containers act on keys through bindings only (as every widget of the studio does): the priority bindings first,
then a printable character typed into a focused Input, else the bindings from the focused widget up to the app, as
Textual would run them. A key never overtakes an earlier one, and the keys after a focus change go to the new focus.
With nothing focused the screen's bindings run the same way. A widget that reads keys itself (an ``on_key``
handler, ``key_*`` methods: a DataTable, a Select, a TextArea) gets them as Textual gives them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from textual import events
from textual.app import App
from textual.widget import Widget
from textual.widgets import Input


def type_into(field: Input, text: str) -> None:
    """Type ``text`` into ``field`` as a key press or a paste does: over the selection, else at the cursor."""
    selection = field.selection
    if selection.is_empty:
        field.insert_text_at_cursor(text)
    else:
        field.replace(text, *selection)


@cache
def reads_keys(cls: type) -> bool:
    """True when widgets of class ``cls`` act on a key other than through bindings (``on_key``, ``_on_key``,
    ``key_*`` methods), apart from the default handling of Widget and App and the typing of Input (which
    :func:`deliver` does itself)."""
    for klass in cls.__mro__:
        if klass in (Widget, App, Input, object):
            continue
        names = vars(klass)
        if "on_key" in names or "_on_key" in names:
            return True
        if any(name.startswith("key_") and callable(value) for name, value in names.items()):
            return True
    return False


async def deliver(app: App[Any], event: events.Event) -> bool:
    """Handle ``event`` now when it is a key or a paste from the terminal for a widget that acts on keys through
    bindings only (a paste: for a focused Input); False when the app should handle it as usual."""
    if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded:
        return False
    focused = app.focused
    target = focused if focused is not None else app.screen  # with nothing focused, the screen gets the key
    if any(reads_keys(type(node)) for node in target.ancestors_with_self):
        return False
    if isinstance(event, events.Paste):
        if not isinstance(focused, Input):
            return False
        if event.text:
            type_into(focused, event.text.splitlines()[0])  # one line, as Input takes a paste
        return True
    if not app.app_focus:
        app.app_focus = True  # a key from the terminal: the terminal has the focus (as Textual records it)
    if await app._check_bindings(event.key, priority=True):
        return True
    if (
        isinstance(focused, Input)
        and event.character is not None
        and focused.check_consume_key(event.key, event.character)
    ):
        type_into(focused, event.character)
        return True
    await app._check_bindings(event.key)
    return True
