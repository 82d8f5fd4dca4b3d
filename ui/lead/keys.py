"""The adjudication window's keys, in one table, read the same way wherever the keyboard focus is.

The article and the version list both turn a key press into an *action* (a
name and an argument) with :func:`key_action`; the window performs it. The
menus, the help panel and the Keys dialog read the same table (``LEAD_KEYS``),
so they never disagree. Texts are the menu entries (context
``AdjudicationActions``, where their translations live).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, SignalInstance
from PySide6.QtGui import QKeyEvent, QKeySequence

from ui.keymap import QT_TRANSLATE_NOOP, VIEW, Binding, Keymap, LabelKeys, Note, Section

StandardKey = QKeySequence.StandardKey
CONTEXT = "AdjudicationActions"

SECTIONS = (
    Section(
        QT_TRANSLATE_NOOP("AdjudicationActions", "Places"),
        (
            Binding("next_place", QT_TRANSLATE_NOOP("AdjudicationActions", "&Next open place"), ("Tab",), VIEW),
            Binding("previous_place", QT_TRANSLATE_NOOP("AdjudicationActions", "Pre&vious open place"), ("Shift+Tab",), VIEW),
            Binding("next_place_any", QT_TRANSLATE_NOOP("AdjudicationActions", "Next place, settled ones too"),
                    ("Ctrl+Down",), VIEW),
            Binding("previous_place_any", QT_TRANSLATE_NOOP("AdjudicationActions", "Previous place, settled ones too"),
                    ("Ctrl+Up",), VIEW),
            Binding("next_version", QT_TRANSLATE_NOOP("AdjudicationActions", "Next version of the place"), ("Down",), VIEW),
            Binding("previous_version", QT_TRANSLATE_NOOP("AdjudicationActions", "Previous version of the place"),
                    ("Up",), VIEW),
            Binding("deselect", QT_TRANSLATE_NOOP("AdjudicationActions", "Deselect the words"), ("Escape",), VIEW),
        ),
    ),
    Section(
        QT_TRANSLATE_NOOP("AdjudicationActions", "&Decision"),
        (
            Note(QT_TRANSLATE_NOOP("AdjudicationActions", "1 … 9"),
                 QT_TRANSLATE_NOOP("AdjudicationActions", "accept that version into gold")),
            Binding("accept", QT_TRANSLATE_NOOP("AdjudicationActions", "&Accept the selected version"), ("Return", "Enter"), VIEW),
            Binding("edit", QT_TRANSLATE_NOOP("AdjudicationActions", "&Edit into gold…"), ("E", "F2"), VIEW),
            Binding("reject", QT_TRANSLATE_NOOP("AdjudicationActions", "&Reject the selected version (again: take back)"),
                    ("X", "Delete", "Backspace"), VIEW),
            Binding("reject_open", QT_TRANSLATE_NOOP("AdjudicationActions", "Reject the whole &place"), ("Shift+X",), VIEW),
            LabelKeys(QT_TRANSLATE_NOOP("AdjudicationActions", "Select words and press a label key to add a span no coder "
                                                               "made; a new gold span replaces the gold span of the same "
                                                               "label it overlaps.")),
            Binding("auto", QT_TRANSLATE_NOOP("AdjudicationActions", "Put &unanimous spans into gold"), ("Ctrl+U",)),
            Binding("majority", QT_TRANSLATE_NOOP("AdjudicationActions", "Auto-adjudicate: what &most coders agree on")),
            Binding("undo", QT_TRANSLATE_NOOP("AdjudicationActions", "&Undo"), (StandardKey.Undo,)),
            Binding("redo", QT_TRANSLATE_NOOP("AdjudicationActions", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
            Binding("close", QT_TRANSLATE_NOOP("AdjudicationActions", "&Close"), (StandardKey.Close,)),
            # Ctrl+Q as in the coder's window (StandardKey.Quit is empty on some desktops).
            Binding("quit", QT_TRANSLATE_NOOP("AdjudicationActions", "&Quit"), ("Ctrl+Q",)),
        ),
    ),
    Section(
        QT_TRANSLATE_NOOP("AdjudicationActions", "D&ocument"),
        (
            Binding("done", QT_TRANSLATE_NOOP("AdjudicationActions", "Settled: &next document with open places"),
                    ("Ctrl+Return",)),
            Binding("next_document", QT_TRANSLATE_NOOP("AdjudicationActions", "N&ext document"), ("Ctrl+PgDown",)),
            Binding("previous_document", QT_TRANSLATE_NOOP("AdjudicationActions", "&Previous document"), ("Ctrl+PgUp",)),
            Binding("refresh", QT_TRANSLATE_NOOP("AdjudicationActions", "&Read the queue and figures afresh"), ("F5",)),
        ),
    ),
    Section(
        QT_TRANSLATE_NOOP("AdjudicationActions", "&View"),
        (
            Binding("adjudicate_tab", QT_TRANSLATE_NOOP("AdjudicationActions", "&Adjudicate"), ("Ctrl+1",)),
            Binding("agreement_tab", QT_TRANSLATE_NOOP("AdjudicationActions", "A&greement"), ("Ctrl+2",)),
            Binding("article", QT_TRANSLATE_NOOP("AdjudicationActions", "Back to the &article"), ("F6",)),
            Binding("zoom_in", QT_TRANSLATE_NOOP("AdjudicationActions", "Zoom &in"), (StandardKey.ZoomIn, "Ctrl+=")),
            Binding("zoom_out", QT_TRANSLATE_NOOP("AdjudicationActions", "Zoom &out"), (StandardKey.ZoomOut,)),
            Binding("keys", QT_TRANSLATE_NOOP("AdjudicationActions", "&Keys"), (StandardKey.HelpContents,)),
        ),
    ),
)

LEAD_KEYS = Keymap("lead", CONTEXT, SECTIONS)

# A key press asks for an action: the command, the action's name and its argument.
_ACTIONS: dict[str, tuple[str, Any]] = {
    "accept": ("accept", None),
    "edit": ("edit", None),
    "reject": ("reject", None),
    "reject_open": ("reject_open", None),
    "previous_version": ("row", -1),
    "next_version": ("row", 1),
    "previous_place_any": ("place", -1),
    "next_place_any": ("place", 1),
}


def key_action(event: QKeyEvent, label_keys: dict[str, str], *, has_selection: bool = False) -> tuple[str, Any] | None:
    """What a key asks for: ``("accept", n | None)``, ``("edit", None)``, ``("reject", None)``,
    ``("reject_open", None)``, ``("row", ±1)``, ``("place", ±1)`` (any place), ``("label", name)``,
    or None for a key that is not the lead's.

    Digits are read from the text, so Arabic-Indic digits (١ ٢ ٣) pick versions too. A label key
    adds a span only while text is selected, so a codebook key such as E or X never shadows the
    decision keys.
    """
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    text = event.text()
    plain = modifiers == Qt.KeyboardModifier.NoModifier
    if plain and len(text) == 1 and text.isdigit() and int(text) > 0:
        return ("accept", int(text))
    if plain and has_selection and text and text.lower() in label_keys:
        return ("label", label_keys[text.lower()])
    command = LEAD_KEYS.command(event, _ACTIONS)
    if command is not None:
        return _ACTIONS[command]
    if plain and text and text.lower() in label_keys:
        return ("label", label_keys[text.lower()])
    return None


def tab_direction(event: QKeyEvent) -> int | None:
    """The next or previous open place (Tab and Shift+Tab, read before they move the focus)."""
    command = LEAD_KEYS.command(event, ("next_place", "previous_place"))
    return None if command is None else (1 if command == "next_place" else -1)


def tab_opens_place(event: QEvent, open_place: SignalInstance) -> bool:
    """For a widget's ``event()``: the place keys go to ``open_place`` before Qt's focus chain sees them."""
    if event.type() != QEvent.Type.KeyPress:
        return False
    direction = tab_direction(event)  # type: ignore[arg-type]
    if direction is None:
        return False
    open_place.emit(direction)
    return True


def keys_html(label_keys: list[tuple[str, str]]) -> str:
    """The keys, for the help panel and the Keys dialog: ``label_keys`` are the codebook's (key, name)."""
    return LEAD_KEYS.help_html([(key.upper(), name) for key, name in label_keys])
