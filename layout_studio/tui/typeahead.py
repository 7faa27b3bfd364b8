"""Type-ahead: keys reach a text field in the order they were typed, at any key rate.

Textual hands a key to the focused widget's own message queue. An Input inserts a printable character from there,
while an editing key (backspace, tab, enter, esc, arrows) travels up to the app and runs its binding from the app's
queue. When keys come faster than they are handled — type-ahead, a paste without bracketed paste, SSH batching — the
two queues interleave: a character typed after backspace is inserted before the backspace runs, and the keys typed
after tab still reach the field tab left. :func:`deliver` handles a key (or a paste) for a focused Input wholly in
the app's queue, in arrival order: the priority bindings first, then a printable character typed into the field,
else the bindings from the field up to the app, as Textual would run them. A key therefore never overtakes an
earlier one, and the keys after a focus change go to the new focus.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.widgets import Input


def type_into(field: Input, text: str) -> None:
    """Type ``text`` into ``field`` as a key press or a paste does: over the selection, else at the cursor."""
    selection = field.selection
    if selection.is_empty:
        field.insert_text_at_cursor(text)
    else:
        field.replace(text, *selection)


async def deliver(app: App[Any], event: events.Event) -> bool:
    """Handle ``event`` now when it is a key or a paste from the terminal while an Input has the focus; False when
    it is anything else (the app handles it as usual)."""
    if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded:
        return False
    field = app.focused
    if not isinstance(field, Input):
        return False
    if isinstance(event, events.Paste):
        if event.text:
            type_into(field, event.text.splitlines()[0])  # one line, as Input takes a paste
        return True
    if not app.app_focus:
        app.app_focus = True  # a key from the terminal: the terminal has the focus (as Textual records it)
    if await app._check_bindings(event.key, priority=True):
        return True
    if field.check_consume_key(event.key, event.character) and event.character is not None:
        type_into(field, event.character)
        return True
    await app._check_bindings(event.key)
    return True
