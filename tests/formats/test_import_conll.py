"""CoNLL token files imported with their spans rebuilt on the joined text.

The files follow the CoNLL-2003 shared task's format (https://aclanthology.org/W03-0419/,
data description at https://www.clips.uantwerpen.be/conll2003/ner/): one token a line,
space-separated columns ``token POS chunk NER``, a blank line between sentences,
``-DOCSTART- -X- -X- O`` before each document, tags in IOB1 (``I-LOC`` may begin a span;
``B-`` only separates two adjacent spans of one type). The IOB2 file (``B-`` begins every
span; tab-separated, no ``-DOCSTART-``: one document a block) is the WikiANN/Hugging Face
shape (https://huggingface.co/datasets/unimelb-nlp/wikiann).
"""

from __future__ import annotations

from pathlib import Path

from format_helpers import Run, spans_of

from annotator.store.project import Project

CONLL_2003 = """\
-DOCSTART- -X- -X- O

قتل VBD B-VP O
54 CD B-NP I-CASUALTY
شخصا NN I-NP O
في IN B-PP O
دير NNP B-NP I-LOC
الزور NNP I-NP I-LOC
. . O O

أعلن VBD B-VP O
المرصد NNP B-NP I-ORG
السوري JJ I-NP I-ORG
ذلك DT B-NP O
. . O O

-DOCSTART- -X- -X- O

غارة NN B-NP O
على IN B-PP O
حلب NNP B-NP I-LOC
وإدلب NNP B-NP B-LOC
"""

IOB2 = "قصف\tO\nعلى\tO\nريف\tB-PLACE\nحماة\tI-PLACE\n\nمقتل\tO\n3\tB-CASUALTY\nمدنيين\tO\n"

MAP = ("--map-label", "LOC=PLACE", "--map-label", "ORG=ACTOR")


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_conll_2003_documents_are_rebuilt_with_their_spans(tmp_path: Path, db: Path, cli: Run) -> None:
    source = write(tmp_path, "news.conll", CONLL_2003)
    code, out, err = cli("import", db, source, *MAP)
    assert (code, err) == (0, "")
    assert "news.conll: CoNLL text rebuilt with tokens joined with one space, sentences with a line break" in out
    with Project.open(db, readonly=True) as project:
        texts = [project.document(doc_id).text for doc_id, _ in project.document_keys()]
    assert texts == ["قتل 54 شخصا في دير الزور .\nأعلن المرصد السوري ذلك .", "غارة على حلب وإدلب"]
    assert spans_of(db) == [
        ("news-1", "CASUALTY", 4, 6, "54"),
        ("news-1", "PLACE", 15, 24, "دير الزور"),
        ("news-1", "ACTOR", 32, 45, "المرصد السوري"),
        ("news-2", "PLACE", 9, 12, "حلب"),
        ("news-2", "PLACE", 13, 18, "وإدلب"),  # B- after I- of the same type: a second span (IOB1)
    ]


def test_iob2_blocks_without_docstart_are_one_document_each(tmp_path: Path, db: Path, cli: Run) -> None:
    source = write(tmp_path, "wikiann.iob2", IOB2)
    assert cli("import", db, source)[0] == 0
    assert spans_of(db) == [
        ("wikiann-1", "PLACE", 8, 16, "ريف حماة"),
        ("wikiann-2", "CASUALTY", 5, 6, "3"),
    ]


def test_our_own_conll_export_comes_back(tmp_path: Path, db: Path, cli: Run) -> None:
    with Project.open(db) as project:
        doc, _, _ = project.add_document("قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني بدير الزور.", key="d1")
        project.add_annotation(doc.id, "CASUALTY", 7, 9, attrs={"value": 54, "status": "killed"})
        place = doc.text.index("الباغوز فوقاني")
        project.add_annotation(doc.id, "PLACE", place, place + len("الباغوز فوقاني"))
        zor = doc.text.index("دير الزور")
        project.add_annotation(doc.id, "PLACE", zor, zor + len("دير الزور"))  # after the proclitic ب
    exported = tmp_path / "out.conll"
    assert cli("export", db, "--format", "conll", "--status", "all", "--out", exported)[0] == 0
    again = tmp_path / "again.db"
    with Project.create(again, coder="omar"):
        pass
    assert cli("import", again, exported)[0] == 0
    assert [(label, text) for _, label, _, _, text in spans_of(again)] == [
        ("CASUALTY", "54"), ("PLACE", "الباغوز فوقاني"), ("PLACE", "دير الزور")
    ]


def test_bad_conll_lines_are_refused_with_their_line(tmp_path: Path, db: Path, cli: Run) -> None:
    tag = write(tmp_path, "tag.conll", "غارة O\nحلب X-LOC\n")
    code, _, err = cli("import", db, tag)
    assert (code, err) == (1, f"error: {tag}, line 2: 'X-LOC' is not an IOB tag (O, B-LABEL, I-LABEL)\n")
    lone = write(tmp_path, "lone.conll", "غارة O\nحلب\n")
    code, _, err = cli("import", db, lone)
    assert (code, err) == (
        1, f"error: {lone}, line 2: a CoNLL line needs a token and a tag, separated by a tab or spaces\n"
    )
    unknown = write(tmp_path, "unknown.conll", CONLL_2003)
    code, _, err = cli("import", db, unknown)
    assert code == 1
    assert err.startswith(f"error: {unknown}: labels not in the codebook: LOC (3), ORG (1);")
    assert spans_of(db) == []
