"""``python -m layout_studio``: the same as the ``layout-studio`` command."""

from .cli import run

run()
