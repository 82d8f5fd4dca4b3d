"""The coder window's keys: every command of its menus and of the article, in one table.

The texts are the menu entries (context ``MainWindow``, where their translations
live); the article's commands have no menu entry and read as help lines. The
gold editor's article is the coder's, so it reads the same keys.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from ui.keymap import QT_TRANSLATE_NOOP, VIEW, Binding, EventKeys, Keymap, LabelKeys, Note, Section

StandardKey = QKeySequence.StandardKey

SECTIONS = (
    Section(
        QT_TRANSLATE_NOOP("MainWindow", "Tagging"),
        (
            LabelKeys(QT_TRANSLATE_NOOP("MainWindow", "Select words (mouse, or Shift+arrows; Ctrl+Shift+arrows word by word), "
                                                      "then press a label key; with no selection, the key tags the word at the "
                                                      "cursor. The span snaps to whole words. On a selected span, a label key "
                                                      "relabels it.")),
        ),
    ),
    Section(
        QT_TRANSLATE_NOOP("MainWindow", "The selected span"),
        (
            Binding("next_span", QT_TRANSLATE_NOOP("MainWindow", "Next span"), ("Tab",), VIEW),
            Binding("previous_span", QT_TRANSLATE_NOOP("MainWindow", "Previous span"), ("Shift+Tab",), VIEW),
            Binding("next_suggestion", QT_TRANSLATE_NOOP("MainWindow", "Next suggestion"), ("]",), VIEW),
            Binding("previous_suggestion", QT_TRANSLATE_NOOP("MainWindow", "Previous suggestion"), ("[",), VIEW),
            Binding("delete_span", QT_TRANSLATE_NOOP("MainWindow", "Remove the span (a suggestion: reject it)"),
                    ("Delete", "Backspace"), VIEW),
            Binding("grow_end", QT_TRANSLATE_NOOP("MainWindow", "Grow its end by a word"), ("E",), VIEW),
            Binding("shrink_end", QT_TRANSLATE_NOOP("MainWindow", "Shrink its end by a word"), ("Shift+E",), VIEW),
            Binding("grow_end_letter", QT_TRANSLATE_NOOP("MainWindow", "Grow its end by a letter"), ("Alt+E",), VIEW),
            Binding("shrink_end_letter", QT_TRANSLATE_NOOP("MainWindow", "Shrink its end by a letter"), ("Alt+Shift+E",), VIEW),
            Binding("grow_start", QT_TRANSLATE_NOOP("MainWindow", "Grow its start by a word"), ("S",), VIEW),
            Binding("shrink_start", QT_TRANSLATE_NOOP("MainWindow", "Shrink its start by a word"), ("Shift+S",), VIEW),
            Binding("grow_start_letter", QT_TRANSLATE_NOOP("MainWindow", "Grow its start by a letter"), ("Alt+S",), VIEW),
            Binding("shrink_start_letter", QT_TRANSLATE_NOOP("MainWindow", "Shrink its start by a letter"),
                    ("Alt+Shift+S",), VIEW),
            Binding("proclitic", QT_TRANSLATE_NOOP("MainWindow", "Leave the proclitic out (و|الباغوز), or put it back"),
                    ("K",), VIEW),
            Binding("tag_all", QT_TRANSLATE_NOOP("MainWindow", "Tag every other occurrence in this article the same way"),
                    ("T",), VIEW),
            Binding("accept_suggestion", QT_TRANSLATE_NOOP("MainWindow", "Accept a suggestion (dashed underline)"),
                    ("Return", "Enter"), VIEW),
            Binding("reject_suggestion", QT_TRANSLATE_NOOP("MainWindow", "Reject a suggestion"), ("X",), VIEW),
            Binding("deselect", QT_TRANSLATE_NOOP("MainWindow", "Deselect"), ("Escape",), VIEW),
            Note(QT_TRANSLATE_NOOP("MainWindow", "Alt+letter"), QT_TRANSLATE_NOOP("MainWindow", "pick an underlined choice in the form")),
        ),
    ),
    Section(
        QT_TRANSLATE_NOOP("MainWindow", "Documents"),
        (
            Binding("done", QT_TRANSLATE_NOOP("MainWindow", "Mark &done and go to next"), ("Ctrl+Return",)),
            Binding("skip", QT_TRANSLATE_NOOP("MainWindow", "&Skip and go to next"), ("Ctrl+Shift+K",)),
            Binding("next_document", QT_TRANSLATE_NOOP("MainWindow", "&Next document"), ("Ctrl+PgDown",)),
            Binding("previous_document", QT_TRANSLATE_NOOP("MainWindow", "&Previous document"), ("Ctrl+PgUp",)),
            Binding("flag", QT_TRANSLATE_NOOP("MainWindow", "&Flag for the lead"), ("Ctrl+Shift+F",)),
            Binding("suggest", QT_TRANSLATE_NOOP("MainWindow", "S&uggest spans"), ("Ctrl+G",)),
            Binding("accept_all", QT_TRANSLATE_NOOP("MainWindow", "&Accept all suggestions…"), ("Ctrl+Shift+A",)),
            Binding("find", QT_TRANSLATE_NOOP("MainWindow", "&Search documents"), (StandardKey.Find,)),
            Binding("find_next", QT_TRANSLATE_NOOP("MainWindow", "Next &match in the article"), ("F3",)),
            Binding("find_previous", QT_TRANSLATE_NOOP("MainWindow", "Previous matc&h in the article"), ("Shift+F3",)),
            Binding("article", QT_TRANSLATE_NOOP("MainWindow", "Back to the &article"), ("F6",)),
            # StandardKey.Undo and .Redo add keys that a text field would take; these are the ones shown.
            Binding("undo", QT_TRANSLATE_NOOP("MainWindow", "&Undo"), (StandardKey.Undo,)),
            Binding("redo", QT_TRANSLATE_NOOP("MainWindow", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
        ),
    ),
    Section(
        QT_TRANSLATE_NOOP("MainWindow", "Events"),
        (
            EventKeys(QT_TRANSLATE_NOOP("MainWindow", "Select a span and press an event key to start an event: it becomes "
                                                      "the current event (event mode). In event mode a role key puts the "
                                                      "selected span in that role of the event (pressed again, takes it out); "
                                                      "on selected words it first tags them with the role's label. "
                                                      "The event panel shows each role's key.")),
            Binding("next_event", QT_TRANSLATE_NOOP("MainWindow", "Next event (enters event mode)"), ("N",), VIEW),
            Binding("previous_event", QT_TRANSLATE_NOOP("MainWindow", "Previous event (enters event mode)"),
                    ("Shift+N",), VIEW),
            Binding("delete_event", QT_TRANSLATE_NOOP("MainWindow", "Delete the current event (its spans stay)"),
                    ("Shift+Delete",), VIEW),
        ),
    ),
    Section(
        QT_TRANSLATE_NOOP("MainWindow", "Project"),
        (
            Binding("new", QT_TRANSLATE_NOOP("MainWindow", "&New project…"), (StandardKey.New,)),
            Binding("open", QT_TRANSLATE_NOOP("MainWindow", "&Open…"), (StandardKey.Open,)),
            Binding("import", QT_TRANSLATE_NOOP("MainWindow", "&Import articles…"), ("Ctrl+I",)),
            Binding("export", QT_TRANSLATE_NOOP("MainWindow", "&Export…"), ("Ctrl+E",)),
            Binding("save_copy", QT_TRANSLATE_NOOP("MainWindow", "Save a &copy…")),
            Binding("restore_backup", QT_TRANSLATE_NOOP("MainWindow", "Restore a &backup…")),
            Binding("preferences", QT_TRANSLATE_NOOP("MainWindow", "&Preferences…"), ("Ctrl+,",)),
            Binding("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), ("Ctrl+Q",)),  # StandardKey.Quit is empty on some desktops
            Binding("merge", QT_TRANSLATE_NOOP("MainWindow", "&Merge coder files…")),
            Binding("adjudicate", QT_TRANSLATE_NOOP("MainWindow", "&Adjudicate…")),
            Binding("agreement", QT_TRANSLATE_NOOP("MainWindow", "A&greement…")),
        ),
    ),
    Section(
        QT_TRANSLATE_NOOP("MainWindow", "View"),
        (
            Binding("zoom_in", QT_TRANSLATE_NOOP("MainWindow", "Zoom &in"), (StandardKey.ZoomIn, "Ctrl+=")),
            Binding("zoom_out", QT_TRANSLATE_NOOP("MainWindow", "Zoom &out"), (StandardKey.ZoomOut,)),
            Note(QT_TRANSLATE_NOOP("MainWindow", "Ctrl+wheel"), QT_TRANSLATE_NOOP("MainWindow", "zoom")),
            Binding("keys", QT_TRANSLATE_NOOP("MainWindow", "&Keys"), (StandardKey.HelpContents,)),
            Binding("about", QT_TRANSLATE_NOOP("MainWindow", "&About")),
        ),
    ),
)

CODER_KEYS = Keymap("coder", "MainWindow", SECTIONS)
