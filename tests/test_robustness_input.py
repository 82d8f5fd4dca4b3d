"""Hostile input files: one clear line naming the file (and line), exit 1, never a traceback;
``--skip-bad`` skips the bad file and imports the good ones, in line and in worker processes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from robust_helpers import big_jsonl, run_cli

from annotator.cli.main import main
from annotator.errors import InputError
from annotator.importing import json_text, readers
from annotator.importing.run import import_sources
from annotator.store.project import Project

GOOD = {"id": "good", "text": "قصفت الطائرات بلدة الباغوز صباح الأحد"}

HOSTILE_LINES = {
    "nested": "[" * 100_000,
    "nested_in_meta": '{"text": "خبر", "meta": {"x": ' + "[" * 5000 + "]" * 5000 + "}}",
    "huge_int": '{"text": "خبر", "meta": {"n": ' + "7" * 5000 + "}}",
    "huge_attr": '{"text": "خبر عن غارة", "spans": [{"start": 0, "end": 3, "label": "PLACE", "attrs": {"n": '
                 + "9" * 5000 + "}}]}",
}


def jsonl(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", sorted(HOSTILE_LINES))
def test_a_hostile_jsonl_line_is_one_clear_error(tmp_path: Path, kind: str) -> None:
    project = tmp_path / "p.db"
    Project.create(project, coder="amal").close()
    bad = jsonl(tmp_path / "bad.jsonl", json.dumps(GOOD, ensure_ascii=False), HOSTILE_LINES[kind])
    result = CliRunner().invoke(main, ["import", str(project), str(bad)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith(f"error: {bad}, line 2: ")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("worker", [False, True])
@pytest.mark.parametrize("kind", sorted(HOSTILE_LINES))
def test_skip_bad_skips_a_hostile_file_and_imports_the_good(tmp_path: Path, kind: str, worker: bool) -> None:
    bad = jsonl(tmp_path / "bad.jsonl", json.dumps(GOOD, ensure_ascii=False), HOSTILE_LINES[kind])
    good = jsonl(tmp_path / "good.jsonl", json.dumps({"id": "other", "text": "خبر ثان عن دير الزور"}, ensure_ascii=False))
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        report = import_sources(project, [bad, good], skip_bad=True, worker=worker)
        assert [d.key for d in project.documents()] == ["other"]
        assert [path for path, _ in report.skipped] == [str(bad)]
        assert "line 2" in report.skipped[0][1]


def test_no_traceback_from_the_worker_path(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    Project.create(project, coder="amal").close()
    bad = big_jsonl(tmp_path / "bad.jsonl", 800)  # large enough for worker processes
    with open(bad, "a", encoding="utf-8") as handle:
        handle.write(HOSTILE_LINES["nested"] + "\n" + HOSTILE_LINES["huge_int"] + "\n")
    result = run_cli("import", project, bad)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"error: {bad}, line 801: the JSON is nested too deeply (more than {json_text.MAX_JSON_DEPTH} levels)"
    )
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run_cli("import", "--skip-bad", project, bad, good)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert f"skipped {bad}: line 801" in result.stdout
    with Project.open(project, readonly=True) as opened:
        assert [d.key for d in opened.documents()] == ["good"]


# --- a document too long for one -------------------------------------------------------------


def nested_in_meta(levels: int, *, empty: bool) -> dict[str, object]:
    """A record nesting ``levels`` deep (itself and its meta count two), innermost list empty or not."""
    inner: object = [] if empty else [1]
    for _ in range(levels - 3):
        inner = [inner]
    return {"id": f"deep-{levels}", "text": "قصفت الطائرات بلدة الباغوز", "meta": {"x": inner}}


@pytest.mark.parametrize("empty", [False, True])
def test_nesting_up_to_the_limit_is_read_and_one_level_more_refused(tmp_path: Path, empty: bool) -> None:
    limit = json_text.MAX_JSON_DEPTH
    within = jsonl(tmp_path / "within.jsonl", json.dumps(nested_in_meta(limit, empty=empty)))
    beyond = jsonl(tmp_path / "beyond.jsonl", json.dumps(nested_in_meta(limit + 1, empty=empty)))
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        import_sources(project, [within])
        assert [d.key for d in project.documents()] == [f"deep-{limit}"]
        with pytest.raises(InputError, match=f"nested too deeply \\(more than {limit} levels\\)"):
            import_sources(project, [beyond])


def test_many_brackets_that_nest_little_are_read(tmp_path: Path) -> None:
    """Brackets in the text and a hundred spans, each an object with its attributes: far more
    openings than the nesting limit, but only four levels."""
    text = "[قصف] {الباغوز} " * 40
    spans = [{"start": 1, "end": 4, "label": "PLACE", "attrs": {"canonical": "[{"}} for _ in range(100)]
    record = {"id": "brackets", "text": text, "spans": spans, "meta": {"tags": [["a"], ["b"]]}}
    source = jsonl(tmp_path / "brackets.jsonl", json.dumps(record, ensure_ascii=False))
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        import_sources(project, [source])
        assert [d.key for d in project.documents()] == ["brackets"]


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv", "brat"])
def test_a_document_over_the_size_limit_is_refused_and_skippable(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_DOCUMENT_CHARS", 50)
    long_text = "غارة" * 20  # 80 characters
    if fmt == "txt":
        bad = tmp_path / "long.txt"
        bad.write_text(long_text, encoding="utf-8")
    elif fmt == "jsonl":
        bad = jsonl(tmp_path / "long.jsonl", json.dumps({"text": long_text}, ensure_ascii=False))
    elif fmt == "csv":
        bad = tmp_path / "long.csv"
        bad.write_text(f"id,text\nx,{long_text}\n", encoding="utf-8")
    else:
        bad = tmp_path / "long.txt"
        bad.write_text(long_text, encoding="utf-8")
        (tmp_path / "long.ann").write_text("", encoding="utf-8")
    good = jsonl(tmp_path / "good.jsonl", json.dumps(GOOD, ensure_ascii=False))
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        with pytest.raises(InputError, match="80 characters long, more than one document may be") as caught:
            import_sources(project, [bad])
        assert caught.value.path == str(bad)
        report = import_sources(project, [bad, good], skip_bad=True)
        assert [d.key for d in project.documents()] == ["good"]
        assert report.skipped[0][0] == str(bad)


# --- links named directly --------------------------------------------------------------------


def test_a_link_named_directly_is_refused_like_one_inside_a_folder(tmp_path: Path) -> None:
    secret = tmp_path / "private" / "shadow"
    secret.parent.mkdir()
    secret.write_text("root:$6$secret", encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    link = folder / "shadow.txt"
    link.symlink_to(secret)
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        with pytest.raises(InputError, match="outside the folder being imported") as in_folder:
            import_sources(project, [folder])
        with pytest.raises(InputError, match="outside the folder being imported") as named:
            import_sources(project, [link])
        assert named.value.problem == in_folder.value.problem
        assert project.document_count() == 0


def test_a_brat_annotation_file_linked_from_elsewhere_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "private" / "notes"
    secret.parent.mkdir()
    secret.write_text("T1\tPLACE 0 3\tسر\n", encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("سر الخبر", encoding="utf-8")
    (folder / "a.ann").symlink_to(secret)
    with Project.create(tmp_path / "p.db", coder="amal") as project, pytest.raises(InputError, match="outside"):
        import_sources(project, [folder / "a.txt"])


def test_a_link_within_its_own_folder_is_imported(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("خبر عن غارة", encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.txt")
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        import_sources(project, [tmp_path / "alias.txt"])
        assert project.document_count() == 1


def test_a_fifo_named_for_import_is_refused_without_reading_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with Project.create(tmp_path / "p.db", coder="amal") as project, pytest.raises(InputError, match="not a regular"):
        import_sources(project, [fifo])


@pytest.mark.parametrize(
    "bad",
    [
        {"start": 0, "end": 4, "label": "CASUALTY", "attrs": {"value": "عشرة"}},
        {"start": 0, "end": 4, "label": "CASUALTY", "attrs": {"value": -3}},
        {"start": 0, "end": 4, "label": "CASUALTY", "attrs": {"victims": "جنود"}},
        {"start": 0, "end": 4, "label": "PLACE", "attrs": {"value": 3}},
        {"start": 0, "end": 4, "label": "PLACE", "coder": " "},
        {"start": 0, "end": 4, "label": "PLAC"},
    ],
)
def test_a_bad_span_after_good_ones_of_its_kind_is_refused_as_if_alone(tmp_path: Path, bad: dict[str, object]) -> None:
    """The spans before it passed every check with the same label, origin and coder: the bad
    one is still checked in full, and said wrong in the same words."""
    text = "مقتل عشرة مدنيين في قصف على بلدة الباغوز"
    place = {"start": text.index("الباغوز"), "end": len(text), "label": "PLACE"}
    good = [
        {"start": 0, "end": 4, "label": "CASUALTY", "attrs": {"value": 10, "victims": "civilians"}},
        place,
        {**place, "coder": "amal"},
    ]

    def refusal(spans: list[dict[str, object]], name: str) -> str:
        source = jsonl(tmp_path / f"{name}.jsonl", json.dumps({"id": name, "text": text, "spans": spans}, ensure_ascii=False))
        with Project.create(tmp_path / f"{name}.db", coder="amal") as project, pytest.raises(InputError) as caught:
            import_sources(project, [source])
        return caught.value.problem

    alone = refusal([bad], "alone")
    assert refusal([*good, bad], "after") == alone


def test_a_span_emptied_by_a_crlf_after_a_good_one_is_refused_as_if_alone(tmp_path: Path) -> None:
    """doccano's offsets count \\r\\n as two characters: a span over the \\r alone is empty once the
    text is canonical. Its offsets are checked even after a good span of its label."""
    text = "قصف بلدة الباغوز\r\nاليوم"
    cr = text.index("\r")

    def refusal(spans: list[list[object]], name: str) -> str:
        source = jsonl(tmp_path / f"{name}.jsonl", json.dumps({"text": text, "label": spans}, ensure_ascii=False))
        with Project.create(tmp_path / f"{name}.db", coder="amal") as project, pytest.raises(InputError) as caught:
            import_sources(project, [source], fmt="doccano")
        return caught.value.problem

    alone = refusal([[cr, cr + 1, "PLACE"]], "alone")
    assert alone == f"span [{cr}, {cr}) does not fit in a text of {len(text) - 1} characters"
    assert refusal([[text.index("الباغوز"), cr, "PLACE"], [cr, cr + 1, "PLACE"]], "after") == alone
