"""Screens of the studio: the editor, the push screen, and the modal dialogs (open, prompt, confirm quit,
autosave recovery)."""
