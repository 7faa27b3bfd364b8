"""Tests of the loader (layout_studio.documents), the validator entry point and every rule."""
