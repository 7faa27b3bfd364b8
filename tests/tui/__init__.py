"""Tests of the studio: core editing (no Textual), Pilot workflows, and SVG snapshots."""
