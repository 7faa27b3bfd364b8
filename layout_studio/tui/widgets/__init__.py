"""Widgets of the studio: canvas view, element list, inspector (with its field forms), findings panel, preview."""
