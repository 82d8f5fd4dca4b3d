"""The attribute form of the selected span, generated from the codebook.

Choices are radio buttons with Alt+letter accelerators (one keystroke each; Latin letters in
every language, see :func:`mnemonic_text`),
integers spin boxes where "—" means unset, free text a line edit completing
from values used before in the project. Every change is sent at once as a whole
new attribute dict; the session turns it into one undoable, committed edit.
Names and choices are shown by their display names in the interface language;
what the form reads and sends are the codebook's identifiers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.codebook import Attribute, Codebook, Label
from annotator.models import Annotation, Origin
from ui.coder.keys import CODER_KEYS
from ui.i18n import DIGITS, interface_language, number_locale
from ui.widgets.suggesters import suggester_name

UNSET = -1
CHOICE_COLUMNS = 2  # three columns of the longer choices made the form wider than a side panel


class AttributeForm(QWidget):
    attrs_edited = Signal(str, dict)  # annotation id, the new attributes
    relabel_requested = Signal(str, str)  # annotation id, label
    fields_built = Signal()  # the fields (and their Alt letters) were made anew

    def __init__(self, codebook: Codebook, completions: Callable[[str, str], list[str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.codebook = codebook
        self.completions = completions
        self.annotation: Annotation | None = None
        self._readers: dict[str, Callable[[], Any]] = {}
        self._writers: dict[str, Callable[[Any], None]] = {}
        self._loading = False
        self.language = interface_language()
        # Another form of the same window whose Alt letters this one leaves alone (the event form
        # yields to the span form: both are on screen, and a letter both use would only move focus).
        self.yields_to: AttributeForm | None = None

        self.title = QLabel(self.tr("No span selected"))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.label_box = QComboBox()
        for label in codebook.labels:
            self.label_box.addItem(label.display_name(self.language), label.name)
        self.label_box.activated.connect(self._relabel)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setStyleSheet("font-style: italic;")
        self.missing = QLabel()
        self.missing.setStyleSheet("color: #D32F2F; font-weight: bold;")
        self.missing.setWordWrap(True)
        self.fields = QWidget()
        self.fields_layout = QFormLayout(self.fields)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.label_box)
        layout.addWidget(self.fields)
        layout.addWidget(self.missing)
        layout.addStretch(1)
        self.show_annotation(None)
        DIGITS.changed.connect(self._digits_changed)

    def largest(self) -> QSize:
        """The width the form needs for the widest label of the codebook, and the height of the
        tallest: the panel is given them once, so it need not change with the selected span."""
        shown = self.annotation
        size = self.minimumSizeHint()
        for label in self.codebook.labels:
            self._build(label)
            self.fields_layout.activate()
            size = size.expandedTo(QSize(self.minimumSizeHint().width(), self.sizeHint().height()))
        self._readers = {}  # rebuilt on the next span shown
        self.annotation = None
        self.show_annotation(shown)
        return size

    # --- showing ---------------------------------------------------------------------

    def show_annotation(self, annotation: Annotation | None) -> None:
        """Rebuild the fields when the label changes, else only refill them."""
        same_label = self.annotation is not None and annotation is not None and self.annotation.label == annotation.label
        self.annotation = annotation
        self._loading = True
        try:
            self._show_suggestion(annotation)
            if annotation is None:
                self._clear_fields()
                self.title.setText(self.tr("No span selected: select text and press a label key."))
                self.label_box.setEnabled(False)
                self.missing.clear()
                return
            label = self.codebook.label(annotation.label)
            if not same_label or not self._readers:
                self._build(label)
            self.title.setText(f"{label.display_name(self.language)}: {annotation.text}")
            self.label_box.setEnabled(True)
            self.label_box.setCurrentIndex(self.label_box.findData(annotation.label))
            for name, write in self._writers.items():
                write(annotation.attrs.get(name))
            self._show_missing(label, annotation.attrs)
        finally:
            self._loading = False

    def _show_suggestion(self, annotation: Annotation | None) -> None:
        """Say that the span is only a suggestion, and which keys settle it (the coder's keymap)."""
        pending = annotation is not None and annotation.origin == Origin.SUGGESTED
        self.suggestion.setVisible(pending)
        if pending:
            self.suggestion.setText(self.tr("Suggestion — %1 accepts, %2 rejects")
                                    .replace("%1", CODER_KEYS.key_names("accept_suggestion"))
                                    .replace("%2", CODER_KEYS.key_names("reject_suggestion")))
        suggester = suggester_name(annotation) if pending and annotation is not None else None
        self.suggestion.setToolTip(self.tr("Suggested by: %1").replace("%1", suggester) if suggester else "")

    def _show_missing(self, label: Label, attrs: dict[str, Any]) -> None:
        missing = [self._attribute_name(label, name) for name in label.missing_required(attrs)]
        self.missing.setText(self.tr("Missing: %s") % ("، " if self.language == "ar" else ", ").join(missing) if missing else "")

    def _attribute_name(self, label: Label, name: str) -> str:
        attribute = label.attribute(name)
        return name if attribute is None else attribute.display_name(self.language)

    def _clear_fields(self) -> None:
        while self.fields_layout.rowCount():
            self.fields_layout.removeRow(0)
        self._readers, self._writers = {}, {}

    def _build(self, label: Label) -> None:
        self._clear_fields()
        used_letters = _menu_letters(self) | (self.yields_to.letters() if self.yields_to is not None else set())
        for attribute in label.attributes:
            required = " *" if attribute.required else ""
            name = attribute.display_name(self.language) + required
            if attribute.type == "choice":
                widget = self._choice_field(attribute, used_letters)
            elif attribute.type == "integer":
                widget = self._integer_field(attribute)
                widget.setToolTip(attribute.description)
                # A buddy label gives the box an Alt+letter like the choices have.
                caption = QLabel(mnemonic_text(attribute.display_name(self.language), attribute.display_name("en"),
                                               used_letters) + required)
                caption.setBuddy(widget)
                self.fields_layout.addRow(caption, widget)
                continue
            else:
                widget = self._text_field(label, attribute)
            widget.setToolTip(attribute.description)
            self.fields_layout.addRow(name, widget)
        self.fields_built.emit()

    def letters(self) -> set[str]:
        """The Alt letters the fields answer to now."""
        texts = [b.text() for b in self.fields.findChildren(QRadioButton)]
        texts += [label.text() for label in self.fields.findChildren(QLabel) if label.buddy() is not None]
        return {text[text.index("&") + 1].lower() for text in texts if 0 <= text.find("&") < len(text) - 1}

    # --- field kinds ---------------------------------------------------------------------

    def _choice_field(self, attribute: Attribute, used_letters: set[str]) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(box)
        group.setExclusive(False)  # so a second press on the checked choice unsets it
        buttons: dict[str, QRadioButton] = {}
        for index, choice in enumerate(attribute.choices):
            button = QRadioButton(mnemonic_text(attribute.choice_name(choice, self.language).replace("_", " "),
                                                attribute.choice_name(choice, "en").replace("_", " "), used_letters))
            button.setProperty("choice", choice)
            group.addButton(button)
            # At its own width, not the cell's: a click beside the words would miss the button.
            grid.addWidget(button, index // CHOICE_COLUMNS, index % CHOICE_COLUMNS, Qt.AlignmentFlag.AlignLeft)
            buttons[choice] = button

        def clicked(button: QAbstractButton) -> None:
            for other in group.buttons():
                if other is not button:
                    other.setChecked(False)
            self._edited()

        group.buttonClicked.connect(clicked)

        def read() -> Any:
            checked = next((b for b in group.buttons() if b.isChecked()), None)
            return checked.property("choice") if checked else None

        def write(value: Any) -> None:
            for choice, button in buttons.items():
                button.setChecked(choice == value)

        self._readers[attribute.name], self._writers[attribute.name] = read, write
        return box

    def _integer_field(self, attribute: Attribute) -> QWidget:
        spin = QSpinBox()
        spin.setLocale(number_locale())  # the digits the rest of the window writes
        low = attribute.minimum if attribute.minimum is not None else -1_000_000_000
        spin.setRange(low - 1, attribute.maximum if attribute.maximum is not None else 1_000_000_000)
        spin.setSpecialValueText("—")  # shown at the minimum: the attribute is unset
        spin.setGroupSeparatorShown(True)
        # One edit per change of the field: typing 30 is not the edit 3 and then the edit 30.
        # Without keyboard tracking a typed number changes the value on Enter or leaving the box,
        # while an arrow or wheel step (no editing to finish) is its own change at once.
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(lambda _value: self._edited())
        spin.editingFinished.connect(self._edited)

        def read() -> Any:
            return None if spin.value() == spin.minimum() else spin.value()

        def write(value: Any) -> None:
            spin.setValue(spin.minimum() if value is None else int(value))

        self._readers[attribute.name], self._writers[attribute.name] = read, write
        return spin

    def _text_field(self, label: Label, attribute: Attribute) -> QWidget:
        edit = QLineEdit()
        edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        completer = QCompleter(self.completions(label.name, attribute.name), edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.setCompleter(completer)
        edit.editingFinished.connect(self._edited)

        def read() -> Any:
            return edit.text().strip() or None

        def write(value: Any) -> None:
            edit.setText("" if value is None else str(value))

        self._readers[attribute.name], self._writers[attribute.name] = read, write
        return edit

    def _digits_changed(self) -> None:
        """The number boxes write (and read) the digits just chosen."""
        for spin in self.fields.findChildren(QSpinBox):
            spin.setLocale(number_locale())

    # --- editing -------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {name: value for name, read in self._readers.items() if (value := read()) is not None}

    def _edited(self) -> None:
        if self._loading or self.annotation is None:
            return
        attrs = self.values()
        if attrs != self.annotation.attrs:
            self.attrs_edited.emit(self.annotation.id, attrs)

    def _relabel(self) -> None:
        chosen = self.label_box.currentData()
        if self.annotation is not None and chosen != self.annotation.label:
            self.relabel_requested.emit(self.annotation.id, chosen)


# The standard Arabic keyboard (Windows 101, xkb "ara"): the Latin key of each Arabic letter.
ARABIC_KEYBOARD = dict(zip("ضصثقفغعهخحشسيبلاتنمئءؤرىةوز", "qwertyuiopasdfghjklzxcvnm,.", strict=True))


def _menu_letters(widget: QWidget) -> set[str]:
    """Letters the window's menu bar already answers to on Alt: a field given one of them
    would be ambiguous with the menu, and Alt+letter would not reach it reliably. An Arabic
    menu letter also takes the Latin letter of its key: on an Arabic layout Qt matches Alt+key
    both by the Arabic letter it types and by the Latin one of the same key."""
    window = widget.window()
    bar = window.menuBar() if isinstance(window, QMainWindow) else None
    if bar is None:
        return set()
    letters = set()
    for action in bar.actions():
        text = action.text()
        index = text.find("&")
        if 0 <= index < len(text) - 1:
            letter = text[index + 1].lower()
            letters.add(letter)
            if letter in ARABIC_KEYBOARD:
                letters.add(ARABIC_KEYBOARD[letter])
    return letters


def mnemonic_text(shown: str, english: str, used: set[str]) -> str:
    """``shown`` with an Alt letter: the letter ``english`` would get, so it is the same in every
    interface language. A name in another script carries it after itself, «قتلى (&K)»: Qt matches
    a mnemonic by the text a key types, and on an Arabic layout it also tries the Latin letter of
    the same key, so a Latin letter works on both layouts while an Arabic one would not work on a
    Latin layout (the label keys A, P, C are Latin for the same reason)."""
    if shown == english:
        return _with_mnemonic(shown, used)
    marked = _with_mnemonic(english, used)
    index = marked.find("&")
    if index < 0:
        return shown
    return f"{shown} (&{marked[index + 1].upper()})"


def _with_mnemonic(text: str, used: set[str]) -> str:
    """Put ``&`` before the first letter not yet used in the form: Alt+letter picks it."""
    for index, char in enumerate(text):
        if char.isalpha() and char.lower() not in used:
            used.add(char.lower())
            return text[:index] + "&" + text[index:]
    return text
