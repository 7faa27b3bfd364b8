"""Values the API writes as text: colours (``0xRRGGBB``), canvas sizes (``WIDTHxHEIGHT``) and TaskIds, parsed in one
place; and the user-count ranges (``1-16``) the contact sheet takes.

Colours: McuVideoParams.BackGroundColor, McuLayout.BackGroundColor, McuWaterMarkText.FontColor and BackGroundColor are
strings ``0xRRGGBB`` (six hexadecimal digits, e.g. ``0xcc0033``; ``SDK models.McuVideoParams.BackGroundColor``, ``Data
Types McuVideoParams``). The API takes no other form, so :func:`parse_color` reads only that; :func:`normalize_color`
turns what people type (``#RRGGBB``, ``RRGGBB``, lower case) into it for an editor.

Sizes: a canvas on the command line or in a prompt is ``WIDTHxHEIGHT`` in pixels (``×`` also read), each side
``1..MAX_CANVAS_SIDE`` (VideoEncode Width and Height are 0..1920, SDK models.VideoEncode).

TaskIds: StartPublishCdnStream returns a TaskId that UpdatePublishCdnStream and StopPublishCdnStream take back; the
API documents it as a server-generated String (API StartPublishCdnStream, Response) and every example is ASCII
letters, digits and ``- + . / =`` (``-m97l2ZU7vxyBSmXYsRx1Xy9...AQ..``). :func:`parse_task_id` reads one as written
by a person (``--task-id``, a line of a task list, the studio): 1..:data:`MAX_TASK_ID` visible ASCII characters
(U+0021..U+007E) other than ``#``. Decisions (Layout Studio assumption): every visible ASCII character is accepted so
that a TaskId of another alphabet than the examples' still works; ``#`` is not, because a task list keeps it for
comments, so ``T-h1#x`` (a comment written after a TaskId) is refused instead of silently becoming another task;
whitespace, control characters (an ANSI colour code), invisible characters (zero-width space, a byte order mark)
and other non-ASCII characters are refused because they come from copying, not from the API, and would reach the
terminal or the API unseen; 256 characters leaves room above the ~100 of the API's TaskIds and refuses pasted text.

Counts: a range of users is ``LOW-HIGH`` or one number ``N`` (:func:`parse_range`).

All raise :class:`ValueFormatError` (a ValueError) whose message says what was wrong and what to write.
"""

from __future__ import annotations

import re
import unicodedata

RGB = tuple[int, int, int]

#: Largest canvas side in pixels (SDK models.VideoEncode.Width/Height: 0..1920).
MAX_CANVAS_SIDE = 1920

_API_COLOR = re.compile(r"0[xX]([0-9A-Fa-f]{6})")
_TYPED_COLOR = re.compile(r"(?:0[xX]|#)?([0-9A-Fa-f]{6})")
_SIDE = re.compile(r"[0-9]+")

#: Most characters in a TaskId (Layout Studio assumption; the API's TaskIds are about 100).
MAX_TASK_ID = 256
#: Characters around a TaskId that are not part of it (a line's ending, an indentation, a paste's spaces).
_AROUND_TASK_ID = " \t\r\n"


class ValueFormatError(ValueError):
    """Text that is not a value of the expected form; the message names the form to write."""


def parse_color(text: object) -> RGB:
    """``(r, g, b)`` (0..255 each) of an API colour ``0xRRGGBB``; raises ValueFormatError for anything else."""
    m = _API_COLOR.fullmatch(text) if isinstance(text, str) else None
    if m is None:
        hint = ""
        if isinstance(text, str) and (typed := _TYPED_COLOR.fullmatch(text.strip())):
            hint = f" (write 0x{typed.group(1).upper()})"
        raise ValueFormatError(f"colour {text!r} is not 0xRRGGBB{hint}; e.g. 0x000000 black, 0xFFFFFF white")
    n = int(m.group(1), 16)
    return ((n >> 16) & 255, (n >> 8) & 255, n & 255)


def normalize_color(text: str) -> str:
    """The API form ``0xRRGGBB`` (upper-case digits) of a typed colour: ``#ff0000``, ``ff0000``, ``0Xff0000``;
    raises ValueFormatError for anything else (names such as ``red`` are not colours of the API)."""
    m = _TYPED_COLOR.fullmatch(text.strip())
    if m is None:
        raise ValueFormatError(
            f"colour {text!r} is not 0xRRGGBB (or #RRGGBB); e.g. 0x000000 black, 0xFFFFFF white, 0xFF0000 red"
        )
    return f"0x{m.group(1).upper()}"


def format_color(rgb: RGB) -> str:
    """``0xRRGGBB`` for ``(r, g, b)``."""
    r, g, b = rgb
    return f"0x{r:02X}{g:02X}{b:02X}"


def parse_size(text: str, *, max_side: int | None = MAX_CANVAS_SIDE) -> tuple[int, int]:
    """``"1280x720"`` -> ``(1280, 720)`` (pixels; ``×`` and upper-case ``X`` also read, spaces around the numbers
    ignored). Each side must be at least 1 and, unless ``max_side`` is None, at most ``max_side``. Only ASCII digits
    are read (``str.isdigit`` would take superscripts). Raises ValueFormatError."""
    parts = [p.strip() for p in text.lower().replace("×", "x").split("x")]
    limit = f"1..{max_side}" if max_side is not None else "at least 1"
    problem = f"size {text!r} is not WIDTHxHEIGHT in pixels, each side {limit}; e.g. 1280x720"
    if len(parts) != 2 or not all(_SIDE.fullmatch(p) for p in parts):
        raise ValueFormatError(problem)
    width, height = int(parts[0]), int(parts[1])
    if width < 1 or height < 1 or (max_side is not None and (width > max_side or height > max_side)):
        raise ValueFormatError(problem)
    return (width, height)


def parse_range(text: str, *, low: int, high: int) -> tuple[int, int]:
    """``"1-16"`` -> ``(1, 16)``, ``"4"`` -> ``(4, 4)``: a range of whole numbers within ``low..high`` (``–`` also
    read, spaces ignored), the first not above the second. Raises ValueFormatError."""
    parts = [p.strip() for p in text.replace("–", "-").split("-")]
    problem = f"range {text!r} is not LOW-HIGH (or N) with {low} <= LOW <= HIGH <= {high}; e.g. {low}-{high}"
    if len(parts) not in (1, 2) or not all(_SIDE.fullmatch(p) for p in parts):
        raise ValueFormatError(problem)
    first, last = int(parts[0]), int(parts[-1])
    if not low <= first <= last <= high:
        raise ValueFormatError(problem)
    return (first, last)


def shown(text: str, limit: int = 60) -> str:
    """``text`` quoted and escaped for a terminal (control, invisible and non-ASCII characters as ``\\x1b``,
    ``\\u200b``), cut to its first ``limit`` characters (and its length) when longer."""
    if len(text) <= limit:
        return ascii(text)
    return f"{ascii(text[:limit])}... ({len(text)} characters)"


def _character(ch: str) -> str:
    """What ``ch`` is, in words, for a message (never ``ch`` itself: it may be invisible or move the cursor)."""
    code = f"U+{ord(ch):04X}"
    name = unicodedata.name(ch, "")
    if ch.isspace():
        return f"whitespace ({code}{' ' + name if name and ch != ' ' else ''})"
    if unicodedata.category(ch) == "Cc":
        return f"a control character ({code}{', escape: a terminal colour or cursor code' if ch == chr(27) else ''})"
    if unicodedata.category(ch) in ("Cf", "Mn", "Me", "Zl", "Zp", "Co", "Cn", "Cs"):
        return f"an invisible character ({code} {name})".replace(" )", ")")
    return f"the non-ASCII character {code} {name}".rstrip()


def parse_task_id(text: str) -> str:
    """The TaskId ``text`` names (the module docstring's rule): spaces, tabs and line endings around it removed.
    Raises ValueFormatError naming the first problem (the TaskId shown escaped, see :func:`shown`)."""
    task = text.strip(_AROUND_TASK_ID)
    if not task:
        raise ValueFormatError("the TaskId is empty: give the TaskId StartPublishCdnStream returned")
    if len(task) > MAX_TASK_ID:
        raise ValueFormatError(
            f"TaskId {ascii(task[:40])}... is {len(task)} characters long: a TaskId has at most {MAX_TASK_ID}"
        )
    for index, ch in enumerate(task, 1):
        if ch == "#":
            raise ValueFormatError(
                f"TaskId {shown(task)} has '#' at character {index}: '#' is not a TaskId character "
                "(in a task list a comment is a line of its own that starts with '#')"
            )
        if not "!" <= ch <= "~":
            rule = "one TaskId a line, without spaces" if ch.isspace() else "a TaskId is visible ASCII characters"
            raise ValueFormatError(
                f"TaskId {shown(task)} has {_character(ch)} at character {index}: {rule} (copy it again from "
                "`layout-studio history` or the TRTC console)"
            )
    return task
