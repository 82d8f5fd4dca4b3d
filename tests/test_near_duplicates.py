"""Near-duplicates by MinHash and LSH bands: the band layout, recall on reworded copies, the
cost of a document among look-alike bulletins, and a file of schema 3 brought forward."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.store.index import digest, index_document, shingles
from annotator.store.near_duplicates import (
    BANDS,
    BINS,
    DUPLICATE_SIMILARITY,
    ROWS,
    band_layout,
    collision_probability,
    estimated_similarity,
    jaccard,
    packed,
    signature,
)
from annotator.store.project import Project
from annotator.store.schema import SCHEMA_VERSION
from tests.old_versions import as_version_3

# Words of a report, each once: a text of distinct words has one shingle per position.
WORDS = ["أعلن", "التحالف", "الدولي", "الذي", "تقوده", "الولايات", "المتحدة", "أن", "قواته", "نفذت", "ضربات", "جوية", "أمس", "الخميس", "في", "منطقة", "شرق", "سوريا", "وأشار", "المرصد", "السوري", "لحقوق", "الإنسان", "إلى", "مقتل", "عشرات", "المدنيين", "بينهم", "نساء", "وأطفال", "قرب", "بلدة", "الباغوز", "فوقاني", "على", "ضفة", "نهر", "الفرات", "وقال", "مصدر", "محلي", "إن", "فرق", "الإنقاذ", "ما", "زالت", "تبحث", "عن", "ناجين", "تحت", "أنقاض", "المنازل", "المدمرة", "فيما", "حلقت", "طائرات", "استطلاع", "فوق", "دير", "الزور", "لساعات", "طويلة", "وذكرت", "وكالة", "الأنباء"]
REPLACEMENTS = ["قصف", "غارة", "هجوم", "اشتباك", "انفجار", "مسيرة", "صاروخ", "كمين", "حصار", "نزوح", "لاجئين", "معبر"]


def test_the_band_layout_meets_its_recall_and_follows_the_s_curve() -> None:
    assert (BANDS, ROWS) == band_layout(DUPLICATE_SIMILARITY, 0.99) == (17, 2)
    assert BANDS * ROWS <= BINS
    assert collision_probability(DUPLICATE_SIMILARITY, BANDS, ROWS) >= 0.99
    assert collision_probability(DUPLICATE_SIMILARITY, BANDS - 1, ROWS) < 0.99  # the fewest bands that do
    curve = [collision_probability(s / 20, BANDS, ROWS) for s in range(21)]
    assert curve == sorted(curve) and curve[0] == 0.0 and curve[-1] == 1.0
    assert collision_probability(0.6, BANDS, ROWS) > 0.999  # a copy with a tenth of its words changed
    # Reworded reports sharing wire boilerplate are at 0.05-0.2: some share a band, and their
    # signatures tell them apart.
    assert collision_probability(0.1, BANDS, ROWS) < 0.16
    assert collision_probability(0.05, BANDS, ROWS) < 0.05
    # Steeper curves need more bands: no layout of 128 values that meets the recall keeps pairs
    # at 0.3 out of each other's buckets.
    three = band_layout(DUPLICATE_SIMILARITY, 0.99, rows=3)
    assert three == (35, 3) and collision_probability(0.3, *three) > 0.6
    assert min(collision_probability(0.3, BINS // r, r) for r in range(1, 9)
               if collision_probability(0.5, BINS // r, r) >= 0.99) > 0.6
    with pytest.raises(ValueError, match="cannot reach"):
        band_layout(0.5, 0.99, rows=4, bins=64)


def test_signatures_estimate_jaccard() -> None:
    a = {hash(("a", n)) for n in range(600)}
    b = {hash(("a", n)) for n in range(200, 800)}  # Jaccard 0.5
    own, theirs = signature(a), signature(b)
    estimate = estimated_similarity(packed(own), packed(theirs))
    assert estimate == sum(x == y for x, y in zip(own, theirs, strict=True)) / BINS
    assert abs(estimate - jaccard(a, b)) < 4 * (0.25 / BINS) ** 0.5
    assert estimated_similarity(packed(own), packed(own)) == 1.0
    assert estimated_similarity(packed([0] * BINS), packed([1 << 31] * BINS)) == 0.0  # lanes apart by their top bit
    assert estimated_similarity(packed([5] * BINS), packed([5] * (BINS - 1) + [5 + (1 << 32)])) == 1.0  # low bits only
    assert signature({7}) == [7] * BINS  # one shingle fills every bin


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(WORDS), min_size=30, max_size=len(WORDS), unique=True), st.data())
def test_a_report_with_a_tenth_of_its_words_changed_is_found(words: list[str], data: st.DataObject) -> None:
    """The recall of the detector before MinHash bands: a copy with one word in ten replaced
    (shingle Jaccard 0.51 or more for texts of 30 words and up) is found, whatever words change."""
    changed = data.draw(st.lists(st.integers(0, len(words) - 1), min_size=len(words) // 10,
                                 max_size=len(words) // 10, unique=True))
    copy = list(words)
    for n, position in enumerate(changed):
        copy[position] = REPLACEMENTS[n % len(REPLACEMENTS)] + str(n)
    original, reworded = " ".join(words), " ".join(copy)
    assert jaccard(shingles(original), shingles(reworded)) >= DUPLICATE_SIMILARITY
    conn = _bare_store()
    _add(conn, 1, original)
    found = _add(conn, 2, reworded)
    assert [other for other, _ in found] == [1]
    assert found[0][1] == round(jaccard(shingles(original), shingles(reworded)), 4)


def test_reports_sharing_only_boilerplate_are_not_near_duplicates() -> None:
    conn = _bare_store()
    boilerplate = "وذكر المرصد السوري لحقوق الإنسان في بيان له اليوم أن"
    for n in range(60):
        own = " ".join(f"{WORDS[(n * 7 + k) % len(WORDS)]}{n}" for k in range(40))
        assert _add(conn, n + 1, f"{boilerplate} {own}") == []


def _bulletin(n: int) -> str:
    """A monitor's daily bulletin: the same template, other numbers and places."""
    place = WORDS[n % len(WORDS)]
    return (
        f"النشرة اليومية رقم {n}: وثق المرصد السوري لحقوق الإنسان مقتل {n % 37 + 3} مدنيين "
        f"وإصابة {n % 53 + 10} آخرين في {place} خلال الساعات الأربع والعشرين الماضية، بينهم {n % 11} أطفال "
        f"و{n % 7} نساء، فيما سقطت {n % 29 + 1} قذيفة على {WORDS[(n * 3) % len(WORDS)]} وريفها "
        f"وتواصلت الاشتباكات في {WORDS[(n * 5) % len(WORDS)]} لليوم {n % 90 + 1} على التوالي. "
        "ويعتمد المرصد في توثيقه على شبكة من المراسلين والناشطين والمصادر الطبية في مختلف المحافظات "
        "السورية، ويدعو جميع الأطراف إلى تحييد المدنيين والمنشآت الطبية والتعليمية عن العمليات العسكرية."
    )


def test_a_bulletin_costs_the_same_among_thousands_of_look_alikes() -> None:
    """Counted in SQLite's own steps, not seconds: the work to place a bulletin among 2,000
    bulletins of one template is the work among 200, though every band's bucket keeps growing."""
    conn = _bare_store()
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    cost = {}
    for n in range(1, 3001):
        if n in (481, 2981):
            steps = 0
            conn.set_progress_handler(count, 100)
        _add(conn, n, _bulletin(n))
        if n in (500, 3000):  # twenty bulletins each time
            conn.set_progress_handler(None, 0)
            cost[n] = steps
    largest = conn.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM bands GROUP BY key)").fetchone()[0]
    assert largest > 1000  # a band of the template's holds most bulletins
    assert cost[3000] <= 1.2 * cost[500]


def _bare_store() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        "CREATE TABLE duplicates (doc_id INTEGER, other_id INTEGER, similarity REAL, PRIMARY KEY (doc_id, other_id));"
        "CREATE TABLE signatures (doc_id INTEGER PRIMARY KEY, minhash BLOB NOT NULL, shingles BLOB NOT NULL);"
        "CREATE TABLE bands (key INTEGER NOT NULL, doc_id INTEGER NOT NULL, PRIMARY KEY (key, doc_id)) WITHOUT ROWID;"
        "CREATE VIRTUAL TABLE search USING fts5(title, body, content='', tokenize='ascii');"
    )
    return conn


def _add(conn: sqlite3.Connection, doc_id: int, text: str) -> list[tuple[int, float]]:
    return index_document(conn, doc_id, digest("", text))


# --- a file of schema 3 -------------------------------------------------------------------


def test_a_version_3_file_gets_signatures_for_every_document_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "coder.db"
    reports = [" ".join(f"{word}{k}" if n % 2 == k % 2 else word for n, word in enumerate(WORDS)) + f" {k}"
               for k in (0, 1, 2)]  # none repeats another
    with Project.create(path, coder="amal") as project:
        for n, report in enumerate(reports):
            project.add_document(report, key=f"r{n}")
        found_before = project.duplicates()
    as_version_3(path)
    with Project.open(path, readonly=True) as project:  # a lead reading a coder's file of schema 3
        assert [d.key for d in project.documents()] == ["r0", "r1", "r2"]
        assert project.duplicates() == found_before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3  # reading changed nothing
    conn.close()
    with Project.open(path) as project:
        assert any(b.reason == "schema-v3" for b in project.backups())
        stored = project.conn.execute("SELECT doc_id, minhash, shingles FROM signatures ORDER BY doc_id").fetchall()
        assert [row[0] for row in stored] == [1, 2, 3]
        for (doc_id, minhash, shingle_blob), report in zip(stored, reports, strict=True):
            made = digest("", report)
            assert (minhash, shingle_blob) == (made.minhash, made.shingles), doc_id
        assert project.conn.execute("SELECT count(*) FROM bands").fetchone()[0] == 3 * BANDS
        # A copy of an earlier report, a few words changed, is found among the migrated documents.
        copy = reports[1].replace("الخميس", "الجمعة").replace("نهر", "ضفاف") + " بحسب رويترز."
        _, _, duplicates = project.add_document(copy, key="copy")
        assert [other for other, _ in duplicates] == [2]
        assert [pair[:2] for pair in project.duplicates()] == [("copy", "r1")]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "sketches" not in names and {"signatures", "bands"} <= names
    assert conn.execute("SELECT value FROM meta WHERE key = 'sketch_scheme'").fetchone()[0].startswith("oph")
    conn.close()


def test_a_failed_migration_leaves_the_version_3_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "coder.db"
    with Project.create(path, coder="amal") as project:
        project.add_document(" ".join(WORDS), key="r0")
    as_version_3(path)

    def broken(conn: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("annotator.store.schema.rebuild_sketches", broken)
    with pytest.raises(Exception, match="disk I/O error"):
        Project.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM sketches").fetchone()[0] == 16
    conn.close()
