"""Keys from one table per window: each command, its default keys, and the user's own.

A window's table (``ui.coder.keys``, ``ui.lead.keys``) lists every command once:
a stable id (what the settings file stores), its text (the menu entry and the
line of the Keys help), its default keys, and whether it is a window-wide
shortcut or a key the article reads itself while it has focus. Menus, the
article's key handling, the Keys help and the Preferences page all read the
table, so they cannot disagree; the codebook's label keys stay the codebook's
and are listed beside them.

A user binds keys for themselves, not for one project, so each table has one
live :class:`Keymap` that every window of its kind shares; rebinding in
Preferences changes it and its ``changed`` signal updates the open windows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence

WINDOW = "window"  # a shortcut of the window's action: works wherever the focus is in the window
VIEW = "view"  # read by the article (or the version list) itself, so it never fires while the user types elsewhere

KeyDefault = str | QKeySequence.StandardKey
PORTABLE = QKeySequence.SequenceFormat.PortableText
NATIVE = QKeySequence.SequenceFormat.NativeText
_MODIFIERS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)


@dataclass(frozen=True)
class Binding:
    """A command. ``text`` is the source text in the table's translation context; an ``&`` marks
    the menu's mnemonic and is dropped in the help."""

    id: str
    text: str
    keys: tuple[KeyDefault, ...] = ()
    scope: str = WINDOW


@dataclass(frozen=True)
class Note:
    """A help line for keys that are no command of their own ("1 … 9", "Alt+letter")."""

    keys: str
    text: str


@dataclass(frozen=True)
class LabelKeys:
    """Where the help lists the codebook's label keys, after ``text``."""

    text: str


@dataclass(frozen=True)
class EventKeys:
    """Where the help lists the codebook's event type and role keys, after ``text``."""

    text: str


@dataclass(frozen=True)
class Section:
    title: str
    entries: tuple[Binding | Note | LabelKeys | EventKeys, ...] = field(default_factory=tuple)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a table's text for translation; it is translated when shown (``Keymap.translate``).

    PySide's own returns ``object`` to a type checker; this one says what it returns."""
    return source


def combination(sequence: QKeySequence, index: int = 0) -> QKeyCombination:
    return sequence[index]  # type: ignore[index]  # the stubs lack QKeySequence.__getitem__


def plain_text(text: str) -> str:
    """A menu text as a line of prose: without its mnemonic marker and the dots of a dialog to come."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


def _defaults(keys: Iterable[KeyDefault]) -> list[QKeySequence]:
    """A standard key stands for the platform's first binding of it (Ctrl+F4 for Close on Linux,
    not also Ctrl+W), as ``QAction.setShortcut`` took it: the platform's other bindings would
    add keys nobody asked for and the help would not show."""
    out: list[QKeySequence] = []
    for key in keys:
        sequence = QKeySequence(key)
        if not sequence.isEmpty() and sequence not in out:
            out.append(sequence)
    return out


def parse_keys(text: object) -> list[QKeySequence] | None:
    """Keys as stored in the settings ("Ctrl+Shift+Z; Ctrl+Y", "" for none), or None when the
    entry is not something this version can read."""
    if not isinstance(text, str):
        return None
    if not text.strip():
        return []
    sequences = QKeySequence.listFromString(text, PORTABLE)
    for sequence in sequences:
        if sequence.isEmpty() or any(combination(sequence, i).key() == Qt.Key.Key_unknown for i in range(sequence.count())):
            return None
    return sequences


def keys_setting(sequences: Sequence[QKeySequence]) -> str:
    return QKeySequence.listToString(list(sequences), PORTABLE)


def event_sequence(event: QKeyEvent) -> QKeySequence | None:
    """The key press as a one-key sequence: keypad keys as the main ones, Shift+Tab as such."""
    key = event.key()
    modifiers = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.GroupSwitchModifier)
    if key == Qt.Key.Key_Backtab:
        key, modifiers = Qt.Key.Key_Tab, modifiers | Qt.KeyboardModifier.ShiftModifier
    if key in (0, Qt.Key.Key_unknown) or key in _MODIFIERS:
        return None
    return QKeySequence(QKeyCombination(modifiers, Qt.Key(key)))


def _unshifted(sequence: QKeySequence) -> QKeySequence | None:
    """Ctrl+Shift++ as Ctrl++: a symbol that needs Shift on the keyboard at hand."""
    first = combination(sequence)
    key = first.key()
    if not first.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
        return None
    if not (Qt.Key.Key_Exclam <= key <= Qt.Key.Key_AsciiTilde) or Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        return None
    modifiers = first.keyboardModifiers() & ~Qt.KeyboardModifier.ShiftModifier
    return QKeySequence(QKeyCombination(modifiers, key))


class Keymap(QObject):
    """One window's table with the user's overrides applied."""

    changed = Signal()

    def __init__(self, name: str, context: str, sections: Sequence[Section]):
        super().__init__()
        self.name = name  # the prefix of this table's ids in the settings ("coder.next_document")
        self.context = context  # the translation context of the table's texts
        self.sections = tuple(sections)
        self.bindings = {e.id: e for s in self.sections for e in s.entries if isinstance(e, Binding)}
        self._default_keys: dict[str, list[QKeySequence]] | None = None
        self._current: dict[str, list[QKeySequence]] | None = None

    @property
    def _defaults(self) -> dict[str, list[QKeySequence]]:
        # Resolved at first use: a standard key's keys come from the platform, known once the application runs.
        if self._default_keys is None:
            if QGuiApplication.instance() is None:  # Qt would crash asking the platform
                raise RuntimeError("the keys of a keymap are known once the application runs")
            self._default_keys = {b.id: _defaults(b.keys) for b in self.bindings.values()}
        return self._default_keys

    @property
    def _keys(self) -> dict[str, list[QKeySequence]]:
        if self._current is None:
            self._current = {i: list(k) for i, k in self._defaults.items()}
        return self._current

    # --- texts ---------------------------------------------------------------------------------

    def translate(self, text: str) -> str:
        return QCoreApplication.translate(self.context, text)

    def text(self, command: str) -> str:
        """The menu text of a command, translated, with its mnemonic."""
        return self.translate(self.bindings[command].text)

    def description(self, command: str) -> str:
        return plain_text(self.text(command))

    # --- keys ------------------------------------------------------------------------------------

    def keys(self, command: str) -> list[QKeySequence]:
        return list(self._keys[command])

    def defaults(self, command: str) -> list[QKeySequence]:
        return list(self._defaults[command])

    def all_keys(self) -> dict[str, list[QKeySequence]]:
        return {i: list(k) for i, k in self._keys.items()}

    def set_overrides(self, overrides: Mapping[str, object]) -> None:
        """Apply the settings' ``keys`` (ids of every table; other tables' and unknown or
        unreadable entries are ignored): commands not named take their defaults again."""
        keys = {i: list(k) for i, k in self._defaults.items()}
        prefix = self.name + "."
        for setting, text in overrides.items():
            command = setting[len(prefix):] if isinstance(setting, str) and setting.startswith(prefix) else None
            parsed = parse_keys(text)
            if command in keys and parsed is not None:
                keys[command] = parsed
        if keys != self._keys:
            self._current = keys
            self.changed.emit()

    def overrides(self, keys: Mapping[str, Sequence[QKeySequence]] | None = None) -> dict[str, str]:
        """What differs from the defaults, as the settings store it."""
        keys = self._keys if keys is None else keys
        return {
            f"{self.name}.{command}": keys_setting(sequences)
            for command, sequences in keys.items()
            if command in self._defaults and list(sequences) != self._defaults[command]
        }

    def matches(self, command: str, event: QKeyEvent) -> bool:
        return self.command(event, (command,)) is not None

    def command(self, event: QKeyEvent, commands: Iterable[str]) -> str | None:
        """The first of ``commands`` the key press is bound to."""
        pressed = event_sequence(event)
        if pressed is None:
            return None
        commands = list(commands)
        for candidate in (pressed, self._without_shift(pressed)):  # a key as pressed before one read without Shift
            found = next((c for c in commands if candidate is not None and candidate in self._keys.get(c, [])), None)
            if found is not None:
                return found
        return None

    def _without_shift(self, pressed: QKeySequence) -> QKeySequence | None:
        """The key read without Shift: a symbol that needs Shift on this keyboard (Ctrl+Shift++ is
        Ctrl++), or any key whose Shift form no command of this window takes (Shift+Enter accepts
        as Enter does), as the article read its keys before the keymap."""
        symbol = _unshifted(pressed)
        if symbol is not None:
            return symbol
        first = combination(pressed)
        if not first.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            return None
        if any(pressed in keys for keys in self._keys.values()):
            return None
        return QKeySequence(QKeyCombination(first.keyboardModifiers() & ~Qt.KeyboardModifier.ShiftModifier, first.key()))

    # --- rebinding ------------------------------------------------------------------------------

    def refusal(
        self,
        command: str,
        sequences: Sequence[QKeySequence],
        keys: Mapping[str, Sequence[QKeySequence]],
        label_keys: Mapping[str, str],
    ) -> str | None:
        """Why ``command`` cannot take ``sequences`` among the window's ``keys`` (None: it can).

        A key may serve one command of a window; plain digits and the codebook's letters (labels,
        event types) are keys the codebook (not this table) defines."""
        for sequence in sequences:
            shown = sequence.toString(NATIVE)
            for other, taken in keys.items():
                if other != command and sequence in taken:
                    return (
                        QCoreApplication.translate("Keymap", "“%1” is already the key of “%2” in this window.")
                        .replace("%1", shown)
                        .replace("%2", self.description(other))
                    )
            if sequence.count() != 1:
                continue
            first = combination(sequence)
            if first.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
                continue
            key = first.key()
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                return QCoreApplication.translate("Keymap", "The digits 1 to 9 pick a label or a version; choose another key.")
            letter = chr(key).lower() if Qt.Key.Key_A <= key <= Qt.Key.Key_Z else None
            if letter is not None and letter in label_keys:
                return (
                    QCoreApplication.translate("Keymap", "“%1” is the codebook's key for %2.")
                    .replace("%1", shown)
                    .replace("%2", label_keys[letter])
                )
        return None

    # --- help ------------------------------------------------------------------------------------

    def key_text(self, command: str, *, first: bool = False) -> str:
        """The command's keys for a sentence of the help, each in bold (``first``: the first only).

        Keys a standard binding adds for special keyboards (Help, Undo, Zoom In) work but are not
        shown: a reader looks for keys on a common keyboard."""
        shown = self._shown(command)
        return _or(shown[:1] if first else shown)

    def key_names(self, command: str) -> str:
        """The command's keys as plain text, as the help lists the codebook's keys ("Return / Enter")."""
        return " / ".join(k.toString(NATIVE) for k in self._shown(command))

    def _shown(self, command: str) -> list[QKeySequence]:
        return [k for k in self._keys[command] if combination(k).key() <= Qt.Key.Key_F35] or self._keys[command]

    def help_html(
        self, labels: Sequence[tuple[str, str]], *, columns: int = 1, events: Sequence[tuple[str, str]] = ()
    ) -> str:
        """Every bound command, note, label and event key, by section, in the interface's direction.

        ``labels`` and ``events`` are (keys, name) pairs, keys as shown ("1 / A"). In two ``columns`` the
        sections are shared out so that a dialog of them fits a small screen."""
        sections: list[tuple[str, list[str]]] = []
        for section in self.sections:
            lines: list[str] = []
            for entry in section.entries:
                if isinstance(entry, Binding):
                    if self._keys[entry.id]:
                        lines.append(f"{self.key_text(entry.id)} — {_escape(self.description(entry.id))}")
                elif isinstance(entry, Note):
                    lines.append(f"<b>{_escape(self.translate(entry.keys))}</b> — {_escape(self.translate(entry.text))}")
                else:
                    lines.append(_escape(self.translate(entry.text)))
                    pairs = labels if isinstance(entry, LabelKeys) else events
                    lines += [f"<b>{_escape(keys)}</b> — {_escape(name)}" for keys, name in pairs]
            if lines:
                sections.append((f"<h3>{_escape(plain_text(self.translate(section.title)))}</h3>", lines))
        parts = [title + "<br>".join(lines) for title, lines in sections]
        if columns < 2 or len(parts) < 2:
            return in_direction("".join(parts))
        sizes = [len(lines) + 2 for _title, lines in sections]  # a title takes about two lines
        split = min(range(1, len(parts)), key=lambda i: max(sum(sizes[:i]), sum(sizes[i:])))
        cells = "".join(parts[:split]), "".join(parts[split:])
        if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            # A rich-text table keeps its columns left to right whatever its direction: the first
            # sections go in the right-hand cell, where an Arabic reader starts.
            cells = cells[1], cells[0]
        return in_direction(
            f'<table width="100%"><tr><td width="48%" valign="top">{cells[0]}</td><td width="4%"></td>'
            f'<td width="48%" valign="top">{cells[1]}</td></tr></table>'
        )


def _or(sequences: Sequence[QKeySequence]) -> str:
    words = [f"<b>{_escape(s.toString(NATIVE))}</b>" for s in sequences]
    return QCoreApplication.translate("Keymap", " or ").join(words)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def in_direction(html: str) -> str:
    """Help text in the interface's direction. In an Arabic line each key still reads left to right
    ("Ctrl+-", not "-+Ctrl"), so every bold key is embedded left to right."""
    if QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return html
    embedded = re.sub("<b>(.*?)</b>", lambda m: f"<b>\u202a{m.group(1)}\u202c</b>", html)
    return f'<div dir="rtl">{embedded}</div>'


class KeyBinder(QObject):
    """A window's actions bound to its keymap: rebinding reaches them at once."""

    def __init__(self, keymap: Keymap, parent: QObject):
        super().__init__(parent)
        self.keymap = keymap
        self.actions: dict[str, QAction] = {}
        keymap.changed.connect(self.apply)

    def action(self, command: str, parent: QObject, *, shown_only: bool = False) -> QAction:
        """A new action for ``command``: its text and keys from the table. ``shown_only``: the
        article reads the key itself, so the menu shows it but it is bound only inside the menu."""
        action = QAction(self.keymap.text(command), parent)
        if shown_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        return self.bind(action, command)

    def bind(self, action: QAction, command: str) -> QAction:
        """Give an action made elsewhere (the undo stack's) the command's keys."""
        self.actions[command] = action
        action.setShortcuts(self.keymap.keys(command))
        return action

    def apply(self) -> None:
        for command, action in self.actions.items():
            action.setShortcuts(self.keymap.keys(command))


def show_label_key(action: QAction, key: str) -> None:
    """A codebook label's key beside its menu entry, bound only inside the menu (the article reads it)."""
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.setShortcut(QKeySequence(key.upper()))
