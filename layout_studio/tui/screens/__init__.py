"""Screens of the studio: the editor (:mod:`.editor`) with its file actions and open dialog (:mod:`.files`), the
push screen (:mod:`.push`), and the modal dialogs (:mod:`.dialogs`: prompt, confirm quit, autosave recovery)."""
