"""spaCy v3 training data: a ``.spacy`` DocBin built from our own tokens.

spaCy's ``spacy convert`` reads no JSONL, and its own tokenizer would cut
Arabic differently from the spans' edges, so each ``Doc`` is built from
:mod:`annotator.export.tokens` with ``Doc(vocab, words, spaces)``. Runs of
whitespace other than one space after a token become whitespace tokens, as
spaCy's tokenizer makes them, so ``doc.text`` is the stored text exactly and
``doc.char_span(start, end)`` finds every span. Entities go to ``doc.ents``
where they do not overlap (the outermost wins), every span to
``doc.spans["sc"]`` (with the annotation id as ``span.id_``), and the
attributes, coders and document metadata to ``doc.user_data["annotator"]``.

spaCy is an optional extra (``pip install 'arabic-event-annotator[spacy]'``).
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.export.files import write_binary, write_folder
from annotator.export.options import Job
from annotator.export.readme import token_section, write_readme, write_split_list
from annotator.export.selection import ExportDocument, SelectedDocuments
from annotator.export.tokens import CliticEvidence, TaggedDocument, TokenStats
from annotator.export.training import clitic_evidence, finish, tagged
from annotator.records import document_to_json

SPAN_KEY = "sc"
INSTALL_HINT = "pip install 'arabic-event-annotator[spacy]'"


def _spacy() -> Any:
    try:
        import spacy.tokens
        import spacy.vocab
    except ImportError:
        raise AnnotatorError(f"the spacy format needs spaCy, which is not installed here ({INSTALL_HINT})") from None
    return spacy


def words_and_spaces(doc: TaggedDocument) -> tuple[list[str], list[bool], list[bool]]:
    """Words, trailing-space flags and sentence starts such that ``"".join`` gives ``doc.text`` back.

    A single space after a token is that token's trailing space unless a span
    edge needs a token boundary there (a span that starts or ends in the space);
    every other stretch of whitespace is a token of its own, cut at span edges.
    """
    text = doc.text
    starts = {s.start for s in doc.spans}
    ends = {s.end for s in doc.spans}
    edges = sorted(starts | ends)
    sentence_starts = {sentence.start for sentence in doc.sentences}
    words: list[str] = []
    spaces: list[bool] = []
    sent: list[bool] = []
    position = 0

    def gap(begin: int, end: int) -> None:
        if begin == end:
            return
        # one space as the previous token's trailing space, unless a span starts at it or ends after it
        if words and text[begin] == " " and begin not in starts and begin + 1 not in ends:
            spaces[-1] = True
            begin += 1
        low, high = bisect.bisect_right(edges, begin), bisect.bisect_left(edges, end)
        bounds = [begin, *edges[low:high], end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            if a < b:
                words.append(text[a:b])
                spaces.append(False)
                sent.append(not sent)

    for index, token in enumerate(doc.tokens):
        gap(position, token.start)
        words.append(token.text)
        spaces.append(False)
        sent.append(index in sentence_starts or not sent)
        position = token.end
    gap(position, len(text))
    return words, spaces, sent


def build_doc(vocab: Any, doc: TaggedDocument, item: ExportDocument) -> Any:
    spacy = _spacy()
    words, spaces, sent_starts = words_and_spaces(doc)
    built = spacy.tokens.Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts or None)
    if built.text != doc.text:  # a bug, never the user's input
        raise AssertionError(f"spaCy text of {doc.key} differs from the stored text")

    def span(annotation: Any) -> Any:
        found = built.char_span(annotation.start, annotation.end, label=annotation.label, span_id=annotation.id)
        if found is None:  # a bug: every span edge is a token edge by construction
            raise AssertionError(f"span {annotation.id} of {doc.key} falls off the tokens")
        return found

    built.spans[SPAN_KEY] = [span(a) for a in doc.spans]
    built.ents = [span(a) for a in doc.entities]
    record = document_to_json(item.document, item.status, item.spans)
    built.user_data["annotator"] = {k: record[k] for k in ("id", "meta", "status", "spans")}
    return built


def _docbin(job: Job, docs: SelectedDocuments, stats: TokenStats, clitics: CliticEvidence | None) -> bytes:
    spacy = _spacy()
    vocab = spacy.vocab.Vocab()
    store = spacy.tokens.DocBin(store_user_data=True)
    by_key = {item.document.key: item for item in docs}
    for doc in tagged(job, docs, stats, clitics):
        store.add(build_doc(vocab, doc, by_key[doc.key]))
    return bytes(store.to_bytes())


def write_spacy(job: Job, out: str | Path) -> list[str]:
    if job.options.layer_per_label:
        raise AnnotatorError("--layer-per-label is for conll and hf; spaCy keeps every span in doc.spans['sc']")
    _spacy()
    stats = TokenStats()
    clitics = clitic_evidence(job)
    hint = f"; every span is in doc.spans['{SPAN_KEY}']"
    if job.split is None:
        write_binary(out, lambda handle: handle.write(_docbin(job, job.documents, stats, clitics)))
        finish(job, stats, target="doc.ents", hint=hint)
        return [str(out)]

    def build(folder: Path) -> list[str]:
        files = []
        for name, docs in job.parts():
            (folder / f"{name}.spacy").write_bytes(_docbin(job, docs, stats, clitics))
            files.append(f"`{name}.spacy`: {len(docs)} document(s)")
        finish(job, stats, target="doc.ents", hint=hint)
        listed = write_split_list(folder, job)
        write_readme(
            folder,
            job,
            title="spaCy DocBin export",
            files=[*files, *([listed] if listed else [])],
            sections=[
                SPACY_USAGE,
                token_section(stats, per_label=False, split_clitics=job.options.split_clitics, target="doc.ents"),
            ],
        )
        return files

    write_folder(out, build)
    return [str(out)]


SPACY_USAGE = """\
## Loading

```python
import spacy
from spacy.tokens import DocBin
nlp = spacy.blank("ar")
docs = list(DocBin().from_disk("train.spacy").get_docs(nlp.vocab))
```

or train directly: `python -m spacy train config.cfg --paths.train train.spacy --paths.dev dev.spacy`.

`doc.text` is the document's stored text, character for character. Entities that
do not overlap are in `doc.ents` (where spans overlap, the outermost wins); every
span is in `doc.spans["sc"]`, its annotation id in `span.id_`. Attributes,
coders, origins and the document's metadata and status are in
`doc.user_data["annotator"]`, spans there with their character offsets
(`doc.char_span(span["start"], span["end"])` finds each).
"""
