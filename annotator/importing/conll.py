"""CoNLL token files with IOB tags read as records (CoNLL-2003: https://aclanthology.org/W03-0419/).

One token a line: the token first, its tag last (CoNLL-2003's POS and chunk columns between
them are passed over; so is every tag column but the last of our ``--layer-per-label``
export). Columns are split at tabs when the line has one, else at spaces. A blank line ends
a sentence; a ``-DOCSTART-`` line starts a document. A file without ``-DOCSTART-`` lines
holds one document per blank-line-separated block (WikiANN, many tools' exports).

Tags are IOB2 (``B-X`` begins a span, ``I-X`` continues it) and IOB1 is read too: an
``I-X`` after ``O`` or after another label begins a span. ``E-``/``S-``/``L-``/``U-``
(BIOES, BILOU) are read as their IOB equivalents.

The spacing rule (:data:`SPACING`): the text is rebuilt by joining a sentence's tokens with
one space and its sentences with a line break, so each token keeps its exact place and a
span covers its tokens and the spaces between them. Punctuation stands apart as tokenised
(«غارة ، قتل»): the original spacing is not in the file and is not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError
from annotator.importing.foreign import add_note
from annotator.records import DocumentRecord, SpanRecord
from annotator.text import canonical_text

DOCSTART = "-DOCSTART-"
SPACING = "tokens joined with one space, sentences with a line break"
_TAG = re.compile(r"^(?:(?P<prefix>[BIESLU])[-_](?P<label>.+)|O)$")
TITLE_CHARACTERS = 120


@dataclass
class _Document:
    line: int
    sentences: list[list[tuple[int, str, str]]] = field(default_factory=list)  # (line, token, tag)


def read_conll(path: Path, text: str) -> Iterator[DocumentRecord]:
    documents = _documents(path, text)
    if not documents:
        raise InputError("the CoNLL file holds no token", path=path)
    for index, document in enumerate(documents, start=1):
        key = path.stem if len(documents) == 1 else f"{path.stem}-{index}"
        record = _record(path, key, document)
        if index == 1:
            add_note(record, f"{path.name}: CoNLL text rebuilt with {SPACING}")
        yield record


def _documents(path: Path, text: str) -> list[_Document]:
    lines = text.split("\n")
    by_docstart = any(line.split()[:1] == [DOCSTART] for line in lines)
    documents: list[_Document] = []
    sentence: list[tuple[int, str, str]] = []
    current: _Document | None = None

    def end_sentence() -> None:
        nonlocal sentence, current
        if not sentence:
            return
        if current is None:
            current = _Document(sentence[0][0])
            documents.append(current)
        current.sentences.append(sentence)
        sentence = []
        if not by_docstart:
            current = None

    for number, line in enumerate(lines, start=1):
        if not line.strip():
            end_sentence()
            continue
        columns = line.split("\t") if "\t" in line else line.split()
        columns = [c.strip() for c in columns]
        if columns[0] == DOCSTART:
            end_sentence()
            current = None
            continue
        if len(columns) < 2 or not columns[0]:
            raise InputError("a CoNLL line needs a token and a tag, separated by a tab or spaces", path=path, line=number)
        if not _TAG.match(columns[-1]):
            raise InputError(f"{columns[-1]!r} is not an IOB tag (O, B-LABEL, I-LABEL)", path=path, line=number)
        sentence.append((number, columns[0], columns[-1]))
    end_sentence()
    return documents


def _record(path: Path, key: str, document: _Document) -> DocumentRecord:
    pieces: list[str] = []
    spans: list[SpanRecord] = []
    offset = 0
    for s_index, sentence in enumerate(document.sentences):
        if s_index:
            pieces.append("\n")
            offset += 1
        open_span: SpanRecord | None = None
        for t_index, (_line, token, tag) in enumerate(sentence):
            if t_index:
                pieces.append(" ")
                offset += 1
            start, end = offset, offset + len(token)
            pieces.append(token)
            offset = end
            match = _TAG.match(tag)
            assert match is not None  # checked as the lines were read
            prefix, label = match.group("prefix"), match.group("label")
            if prefix is None:
                open_span = None
                continue
            continues = open_span is not None and open_span.label == label and prefix in ("I", "E", "L")
            if continues and open_span is not None:
                open_span.end = end
            else:
                open_span = SpanRecord(start=start, end=end, label=label)
                spans.append(open_span)
            if prefix in ("E", "L", "S", "U"):
                open_span = None
    text = canonical_text("".join(pieces), path)
    first = text.split("\n", 1)[0]
    title = first if len(first) <= TITLE_CHARACTERS else first[: TITLE_CHARACTERS - 1].rstrip() + "…"
    return DocumentRecord(
        text=text, key=key, meta={"title": title, "source": path.name}, spans=spans, path=str(path),
        line=document.line,
    )
