"""The Preferences dialog: language, digits, coder name, font size, theme, suggestions, keys.

What can change at once does, in every open window: keys, theme, font size and digits (a
number in the status bar, a list, a number box or the adjudication window's figures is
written anew in the digits chosen). A new language applies at the next start, since every
string was translated when its widget was made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.coder.keys import CODER_KEYS
from ui.i18n import use_digits
from ui.lead.keys import LEAD_KEYS
from ui.settings import Settings
from ui.widgets.key_editor import KeyEditor

if TYPE_CHECKING:
    from ui.coder.main_window import MainWindow


def digits_box(window: QWidget, settings: Settings) -> QComboBox:
    """The digit styles, each named with its own digits so the choice reads in any language."""
    box = QComboBox()
    box.addItem(window.tr("As the interface language writes them"), "")
    box.addItem(window.tr("Arabic-Indic (٠١٢٣٤٥٦٧٨٩)"), "arabic-indic")
    box.addItem(window.tr("Latin (0123456789)"), "latin")
    box.setCurrentIndex(max(0, box.findData(settings.digits)))
    return box


def preferences(window: MainWindow) -> None:
    settings = window.settings
    dialog = QDialog(window)
    dialog.setWindowTitle(window.tr("Preferences"))
    language = QComboBox()
    for code, name in (("", window.tr("System language")), ("en", "English"), ("ar", "العربية")):
        language.addItem(name, code)
    language.setCurrentIndex(max(0, language.findData(settings.language)))
    digits = digits_box(window, settings)
    coder = QLineEdit(settings.coder)
    font_size = QSpinBox()
    font_size.setRange(9, 48)
    font_size.setValue(settings.font_size)
    theme = QComboBox()
    theme.addItem(window.tr("Light"), "light")
    theme.addItem(window.tr("Dark"), "dark")
    theme.setCurrentIndex(max(0, theme.findData(settings.theme)))
    auto_suggest = QCheckBox(window.tr("Suggest spans when a document is opened for the first time"))
    auto_suggest.setChecked(settings.auto_suggest)
    general = QWidget()
    form = QFormLayout(general)
    form.addRow(window.tr("Interface language"), language)
    form.addRow(window.tr("Digits"), digits)
    form.addRow(window.tr("Coder name for new projects"), coder)
    form.addRow(window.tr("Article font size"), font_size)
    form.addRow(window.tr("Theme"), theme)
    form.addRow(auto_suggest)
    form.addRow(QLabel(window.tr("A new language applies the next time the app starts.")))
    label_keys = window.project.codebook.key_owners()
    keys = KeyEditor([(window.tr("Coding window"), CODER_KEYS), (window.tr("Adjudication window"), LEAD_KEYS)], label_keys)
    pages = QTabWidget()
    pages.addTab(general, window.tr("General"))
    pages.addTab(keys, window.tr("Keys"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(pages)
    layout.addWidget(buttons)
    # Room for the Keys page's longest command names without eliding them.
    dialog.resize(dialog.sizeHint().expandedTo(QSize(720, 560)))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    from ui.theme import apply_theme

    settings.language = language.currentData()
    settings.digits = digits.currentData()
    settings.coder = coder.text().strip()
    settings.theme = theme.currentData()
    settings.auto_suggest = auto_suggest.isChecked()
    # Entries of tables this version does not have (a newer version's) are kept for it.
    others = {k: v for k, v in settings.keys.items() if k.split(".", 1)[0] not in (CODER_KEYS.name, LEAD_KEYS.name)}
    settings.keys = others | keys.overrides()
    for keymap in (CODER_KEYS, LEAD_KEYS):  # every open window follows at once
        keymap.set_overrides(settings.keys)
    use_digits(settings.digits)  # so do the numbers every window writes
    window.view.set_font_size(font_size.value())
    apply_theme(QApplication.instance(), settings.theme)  # type: ignore[arg-type]
    window.view.set_dark(settings.theme == "dark")
    window.remember(window.project.path)
