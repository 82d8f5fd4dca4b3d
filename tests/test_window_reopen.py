"""Reopening a project goes back to the document last open in it; the document list shows which
documents repeat another one (the near-duplicate mark of ``annotator docs``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.settings import MAX_LAST_DOCUMENTS, Settings, load_settings, save_settings

REPORT = (
    "قتل 54 شخصاً بينهم 28 مدنياً في غارة للتحالف الدولي على بلدة الباغوز فوقاني بريف دير الزور الشرقي، "
    "وقال المرصد السوري لحقوق الإنسان إن نحو ثلاثين آخرين أصيبوا بجروح متفاوتة الخطورة في القصف."
)


def make_project(path: Path) -> Project:
    project = Project.create(path, coder="amal")
    project.add_document("سقط صاروخ على سوق في إدلب وأصاب عشرة أشخاص.", key="idlib", title="إدلب")
    project.add_document("اشتباكات عنيفة في ريف حلب الشمالي بين فصائل مسلحة.", key="aleppo", title="حلب")
    project.add_document("وصلت قافلة مساعدات إلى دير الزور صباح اليوم.", key="aid", title="مساعدات")
    return project


def open_window(qtbot, path: Path, settings: Settings) -> MainWindow:
    window = MainWindow(Project.open(path), settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_reopening_returns_to_the_last_document(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "عمل.db"
    make_project(path).close()
    settings = Settings(auto_suggest=False)
    window = open_window(qtbot, path, settings)
    assert window.session.document.key == "idlib"
    window.session.open_document(window.project.document_by_key("aleppo").id)
    window.close()

    saved, _warning = load_settings()  # through the file, as the next start reads it
    again = open_window(qtbot, path, saved)
    assert again.session.document.key == "aleppo"
    assert again.queue.table.currentIndex().row() == 1
    again.close()


def test_a_missing_last_document_falls_back_to_the_first(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    make_project(path).close()
    settings = Settings(auto_suggest=False)
    settings.remember_document(path, "no-such-document")
    save_settings(settings)
    window = open_window(qtbot, path, load_settings()[0])
    assert window.session.document.key == "idlib"
    window.close()


def test_the_last_document_is_kept_per_project(qtbot, tmp_path: Path) -> None:
    for name in ("a.db", "b.db"):
        make_project(tmp_path / name).close()
    settings = Settings(auto_suggest=False)
    first = open_window(qtbot, tmp_path / "a.db", settings)
    first.session.open_document(first.project.document_by_key("aid").id)
    first.close()
    second = open_window(qtbot, tmp_path / "b.db", settings)
    assert second.session.document.key == "idlib"
    second.close()
    assert open_window(qtbot, tmp_path / "a.db", settings).session.document.key == "aid"


def test_a_near_duplicate_is_marked_in_the_document_list(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "dup.db"
    project = make_project(path)
    long_title = "غارة للتحالف الدولي على بلدة الباغوز فوقاني بريف دير الزور الشرقي توقع عشرات القتلى"
    project.add_document(REPORT, key="reuters", title=long_title)
    project.add_document(REPORT.replace("في القصف", "في القصف الجوي"), key="afp", title=long_title)
    project.close()
    window = open_window(qtbot, path, Settings(auto_suggest=False))
    window.resize(1366, 768)
    model = window.queue.model
    rows = {doc.key: row for row, doc in enumerate(model.rows)}
    marks = model.COLUMNS.index("marks")
    duplicate = model.index(rows["afp"], marks)
    assert model.data(duplicate) == "≈"
    assert "reuters" in model.data(duplicate, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(rows["reuters"], marks)) == ""
    # The mark has room of its own: a long title beside it is elided, the mark is not.
    qtbot.waitUntil(lambda: window.queue.table.visualRect(duplicate).width() > 0)
    cell = window.queue.table.visualRect(duplicate)
    assert QFontMetrics(window.queue.table.font()).horizontalAdvance("≈") <= cell.width()
    window.close()


def test_only_the_newest_projects_keep_their_last_document(tmp_path: Path) -> None:
    settings = Settings()
    for n in range(MAX_LAST_DOCUMENTS + 5):
        settings.remember_document(tmp_path / f"مشروع-{n}.db", f"وثيقة-{n}")
    settings.remember_document(tmp_path / "مشروع-3.db", "وثيقة-جديدة")
    assert len(settings.last_document) == MAX_LAST_DOCUMENTS
    assert settings.document_of(tmp_path / "مشروع-3.db") == "وثيقة-جديدة"
    assert settings.document_of(tmp_path / "مشروع-4.db") is None  # among the oldest, dropped
    assert settings.document_of(tmp_path / f"مشروع-{MAX_LAST_DOCUMENTS + 4}.db") == f"وثيقة-{MAX_LAST_DOCUMENTS + 4}"
