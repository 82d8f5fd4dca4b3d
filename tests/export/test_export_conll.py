"""CoNLL IOB2 through the command line, read back with seqeval."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from seqeval.metrics.sequence_labeling import get_entities

from annotator.cli.main import main
from annotator.export.tokens import segment
from annotator.store.project import Project


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def read_conll(text: str) -> list[tuple[str, list[list[list[str]]]]]:
    """A plain CoNLL reader: documents of sentences of rows (token, tags...)."""
    documents: list[tuple[str, list[list[list[str]]]]] = []
    sentence: list[list[str]] = []
    for line in text.split("\n"):
        if line.startswith("-DOCSTART-"):
            documents.append((line, []))
        elif line == "":
            if sentence:
                documents[-1][1].append(sentence)
            sentence = []
        else:
            sentence.append(line.split("\t"))
    assert not sentence, "the file must end with a blank line"
    return documents


def test_conll_to_stdout_is_iob2_with_cut_tokens_and_notes(annotated: Project):
    result = run("export", str(annotated.path), "--format", "conll", "--out", "-")
    assert result.exit_code == 0
    documents = read_conll(result.stdout)
    assert [doc[0] for doc in documents] == ["-DOCSTART-\tO", "-DOCSTART-\tO"]  # d1, d2 done; d3 left out
    first = documents[0][1]
    assert len(first) == 2  # two sentences: . and the line break
    rows = [row for sentence in first for row in sentence]
    assert rows[:3] == [["قُتِلَ", "O"], ["54", "B-CASUALTY"], ["شخصاً", "O"]]
    assert ["ب", "O"] in rows and ["دير", "B-PLACE"] in rows and ["الزور", "I-PLACE"] in rows
    assert rows[-4:] == [["في", "O"], ["و", "O"], ["الباغوز", "B-PLACE"], [".", "O"]]
    assert ["😀", "O"] in rows and ["٢٣", "B-CASUALTY"] in rows
    assert result.stderr.splitlines() == [
        "note: left out 1 of 3 document(s) not marked done by amal (in_progress 1) "
        "(the default for training formats; --status all takes every document)",
        "note: 2 token(s) were cut where a span edge falls inside them (e.g. ب|دير, و|الباغوز)",
        "note: 1 overlapping inner span(s) left out of the IOB tags (PLACE 1): one span per token, "
        "the outermost wins; --layer-per-label writes one column per label",
    ]


def test_conll_tags_read_back_as_the_spans(annotated: Project, tmp_path: Path):
    out = tmp_path / "gold.conll"
    result = run("export", str(annotated.path), "--format", "conll", "--out", str(out), "--status", "all")
    assert result.exit_code == 0 and "wrote 3 document(s) to" in result.stderr
    documents = read_conll(out.read_text(encoding="utf-8"))
    for (_, sentences), doc_id in zip(documents, annotated.document_ids(), strict=True):
        doc = annotated.document(doc_id)
        spans = annotated.annotations(doc_id)
        tokens = segment(doc.text, spans)
        rows = [row for sentence in sentences for row in sentence]
        assert [row[0] for row in rows] == [t.text for t in tokens]  # every token maps back to the text
        found = {(label, tokens[a].start, tokens[b].end) for label, a, b in get_entities([r[1] for r in rows])}
        nested = {(s.label, s.start, s.end) for s in spans if s.text == "الباغوز" and doc.text[s.end] == " "}
        assert found == {(s.label, s.start, s.end) for s in spans} - nested


def test_layer_per_label_keeps_nested_spans_of_other_labels_and_says_so(annotated: Project):
    doc = annotated.document_by_key("d1")
    assert doc is not None
    start = doc.text.index("التحالف الدولي")
    annotated.add_annotation(doc.id, "PLACE", start, start + len("التحالف"), attrs={"kind": "site"})
    result = run("export", str(annotated.path), "--format", "conll", "--out", "-", "--layer-per-label")
    assert result.exit_code == 0
    rows = [row for sentence in read_conll(result.stdout)[0][1] for row in sentence]
    assert ["التحالف", "B-ACTOR", "B-PLACE", "O", "O"] in rows
    assert ["الدولي", "I-ACTOR", "O", "O", "O"] in rows
    assert "note: columns: token, then one IOB2 tag per label (ACTOR, PLACE, CASUALTY, DATE)" in result.stderr
    # the nested PLACE inside a PLACE still cannot share the PLACE column; nothing else is left out
    assert (
        "note: 1 span(s) nested in or crossing a span of the same label left out of that label's column (PLACE 1)"
        in (result.stderr)
    )
    assert "left out of the IOB tags" not in result.stderr


def test_split_clitics_flag(annotated: Project):
    plain = run("export", str(annotated.path), "--format", "conll", "--out", "-").stdout
    split = run("export", str(annotated.path), "--format", "conll", "--out", "-", "--split-clitics")
    assert "وقال\tO" in plain and "وقال\tO" in split.stdout  # قال: no evidence, kept whole
    assert "note: 2 word(s) had their proclitics cut off as tokens (--split-clitics)" in split.stderr


def test_conll_split_writes_a_folder_with_readme(annotated: Project, tmp_path: Path):
    out = tmp_path / "conll"
    result = run(
        "export",
        str(annotated.path),
        "--format",
        "conll",
        "--out",
        str(out),
        "--status",
        "all",
        "--split",
        "34,33,33",
        "--seed",
        "1",
    )
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == f"wrote 3 document(s) to {out} (train 1, dev 1, test 1)"
    assert sorted(p.name for p in out.iterdir()) == [
        "README.md",
        "dev.conll",
        "split.json",
        "test.conll",
        "train.conll",
    ]
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "و|الباغوز" in readme and "2 token(s) cut at a span edge" in readme
    assert "split 34,33,33 with seed 1" in readme


def test_training_formats_refuse_an_ambiguous_layer(annotated: Project):
    doc = annotated.document_by_key("d2")
    assert doc is not None
    annotated.add_annotation(doc.id, "PLACE", 0, 8, coder="omar")
    result = CliRunner().invoke(main, ["export", str(annotated.path), "--format", "conll", "--out", "-"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: the project has several coders (amal, omar) and no gold layer; choose one with --layer\n"
    )
    assert run("export", str(annotated.path), "--format", "conll", "--out", "-", "--layer", "omar").exit_code == 0


def test_bad_options_are_one_line_errors(annotated: Project, tmp_path: Path):
    cases = [
        (["--format", "conll", "--out", "-", "--split", "80,x"], "error: --split '80,x': give two or three numbers"),
        (["--format", "conll", "--out", "-", "--split", "1,2,3,4"], "error: --split '1,2,3,4': give two (train,test)"),
        (["--format", "html", "--out", "-", "--split", "80,20"], "error: --split is for jsonl, conll, hf, spacy, brat"),
        (["--format", "conll", "--out", "-", "--seed", "3"], "error: --seed chooses the documents"),
        (["--format", "jsonl", "--out", "-", "--split-clitics"], "error: --split-clitics is for the token-level"),
        (
            ["--format", "spacy", "--out", "x.spacy", "--layer-per-label"],
            "error: --layer-per-label is for conll and hf",
        ),
        (["--format", "template", "--out", "-"], "error: the template format needs --template FILE.j2"),
        (["--format", "hf", "--out", "-"], "error: this export writes a folder, not standard output"),
        (["--format", "conll", "--out", str(tmp_path / "no" / "x.conll")], "error: "),
    ]
    for args, message in cases:
        result = CliRunner().invoke(main, ["export", str(annotated.path), *args])
        assert result.exit_code == 1, args
        assert result.stderr.startswith(message), (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
