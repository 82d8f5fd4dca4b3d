"""A recommender that learns ACTOR and PLACE from the project's finished documents.

The gazetteer knows the names someone listed; a project reads reports full of
names nobody listed (a village, a militia, a new camp). Like INCEpTION's
recommenders, but offline and in the project file: a conditional random field
(python-crfsuite, a small C library with wheels for every platform) learns from
the spans of the documents the coder marked done (in a lead's file, the gold
spans of the documents the lead settled) and suggests names in the documents
still to do, with the suggester ``learned`` in their provenance so the coder,
the exports and the lead can tell them from the gazetteer's and memory's.

The model lives in the project's ``meta`` table (:mod:`annotator.store.models_meta`)
with a stamp of what it learned from; training again on the same spans does nothing.
The window trains after each document marked done, on a worker thread; the command line
trains with ``annotator train``, and ``annotator suggest`` uses the model when there is one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pycrfsuite

from annotator.errors import ProjectError, ValidationError
from annotator.models import GOLD, Origin, Status
from annotator.store.models_meta import read_model, read_model_stamp, write_model
from annotator.store.project import Project
from annotator.store.rows import now
from annotator.suggest.adjectives import without_adjective_places
from annotator.suggest.crf_features import gazetteer_tags, span_tags, spans_from_tags, word_features
from annotator.suggest.gazetteer import Gazetteer
from annotator.suggest.names import NameMatcher, Word, words_of
from annotator.suggest.suggestion import Suggestion

MODEL_KEY = "recommender.crf"
LABELS = ("PLACE", "ACTOR")
SOURCE = "learned"
MIN_DOCUMENTS = 2  # one document teaches the tagger its own names and nothing else
# L1 and L2 weights and iterations that did best on benchmarks/learning_curve.py's corpus.
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 120, "feature.possible_transitions": True}


@dataclass(frozen=True)
class Example:
    """A finished document's text and its ACTOR and PLACE spans ``(label, start, end)``."""

    text: str
    spans: tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class TrainReport:
    """What ``train_project`` did: ``trained`` False when the stored model already knew these spans."""

    trained: bool
    documents: int
    spans: int
    stamp: dict[str, Any]

    def line(self) -> str:
        if not self.trained:
            return f"the recommender already knows these {self.documents} document(s); nothing to train"
        return f"trained the recommender on {self.spans} span(s) of {self.documents} document(s)"


def training_layer(project: Project) -> str:
    """Whose spans teach: gold in a lead's file (once there is gold), else the project's coder."""
    return GOLD if project.has_layer(GOLD) else project.coder


def training_examples(project: Project, labels: tuple[str, ...] = LABELS) -> list[Example]:
    """The documents the project's coder marked done, with the training layer's confirmed spans."""
    layer = training_layer(project)
    wanted = [label for label in labels if project.codebook.has_label(label)]
    out = []
    for doc_id, status in sorted(project.statuses_of(project.coder).items()):
        if status != Status.DONE:
            continue
        spans = tuple(
            (a.label, a.start, a.end)
            for a in project.annotations(doc_id, coder=layer, include_suggestions=False)
            if a.label in wanted and a.origin != Origin.SUGGESTED
        )
        out.append(Example(project.document(doc_id).text, spans))
    return out


def fingerprint(examples: list[Example]) -> str:
    digest = hashlib.sha256()
    for example in examples:
        digest.update(hashlib.sha256(example.text.encode("utf-8")).digest())
        digest.update(repr(sorted(example.spans)).encode("utf-8"))
    return digest.hexdigest()


def gazetteer_hits(
    gazetteer: Gazetteer | None,
    text: str,
    words: list[Word],
    matcher: NameMatcher | None = None,
    labels: set[str] | None = None,
) -> list[Suggestion]:
    """The gazetteer's names in ``text`` as the suggesters use them (country adjectives dropped):
    one function for training and suggesting, so the model's gazetteer feature means the same in both."""
    if gazetteer is None:
        return []
    wanted = set(LABELS) if labels is None else labels
    return without_adjective_places(text, gazetteer.suggest(text, wanted, matcher or gazetteer.matcher(), words))


def train(
    examples: list[Example],
    gazetteer: Gazetteer | None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """A CRF model (its bytes) trained on ``examples``; ``progress(done, total)`` may raise to stop."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    for done, example in enumerate(examples):
        if progress is not None:
            progress(done, len(examples) + 1)
        words = words_of(example.text)
        if not words:
            continue
        tags = gazetteer_tags(words, gazetteer_hits(gazetteer, example.text, words))
        trainer.append(word_features(example.text, words, tags), span_tags(words, example.spans))
    if progress is not None:
        progress(len(examples), len(examples) + 1)
    handle, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(handle)
    try:
        trainer.train(path)
        with open(path, "rb") as model:
            return model.read()
    finally:
        os.unlink(path)


def train_project(
    project: Project,
    gazetteer: Gazetteer | None,
    *,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> TrainReport:
    """Train on the project's finished documents and keep the model in the project file.

    Does nothing when the stored model was trained on exactly these spans (unless
    ``force``); refuses with fewer than :data:`MIN_DOCUMENTS` finished documents.
    """
    examples = training_examples(project)
    spans = sum(len(e.spans) for e in examples)
    if len(examples) < MIN_DOCUMENTS or not spans:
        raise ValidationError(
            f"{project.path}: the recommender learns from documents marked done with ACTOR or PLACE spans; "
            f"there are {len(examples)} done document(s) with {spans} such span(s), and it needs {MIN_DOCUMENTS} "
            "documents with spans"
        )
    mark = fingerprint(examples)
    stored = read_model_stamp(project, MODEL_KEY)
    if not force and stored is not None and stored.get("fingerprint") == mark:
        return TrainReport(False, len(examples), spans, stored)
    data = train(examples, gazetteer, progress)
    stamp = {
        "trained": now(),
        "documents": len(examples),
        "spans": spans,
        "layer": training_layer(project),
        "fingerprint": mark,
    }
    write_model(project, MODEL_KEY, data, stamp)
    return TrainReport(True, len(examples), spans, stamp)


class Recommender:
    """A trained model that suggests ACTOR and PLACE spans, source ``learned``."""

    def __init__(self, data: bytes, stamp: dict[str, Any] | None = None):
        self.stamp = stamp or {}
        self._data = data  # the tagger reads the model from this buffer, which must outlive it
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open_inmemory(data)
        except (ValueError, OSError) as exc:
            raise ProjectError(f"the stored recommender model cannot be read ({exc}); train it again") from None

    def suggest(
        self,
        text: str,
        words: list[Word] | None = None,
        known: list[Suggestion] | None = None,
        labels: set[str] | None = None,
    ) -> list[Suggestion]:
        """The spans the model sees in ``text``; ``known`` are the gazetteer's matches, a feature
        as in training (:func:`gazetteer_hits`)."""
        words = words_of(text) if words is None else words
        if not words:
            return []
        features = word_features(text, words, gazetteer_tags(words, known or []))
        tags = self._tagger.tag(features)
        return [
            Suggestion(label, start, end, {}, SOURCE)
            for label, start, end in spans_from_tags(words, tags)
            if labels is None or label in labels
        ]


_LOADED: dict[tuple[str, str], Recommender] = {}


def load_recommender(project: Project) -> Recommender | None:
    """The project's stored model, or None; read once per project and training."""
    stamp = read_model_stamp(project, MODEL_KEY)
    if stamp is None:
        return None
    key = (project.project_id, f"{stamp.get('fingerprint')}/{stamp.get('trained')}")
    if key not in _LOADED:
        found = read_model(project, MODEL_KEY)
        if found is None:
            return None
        _LOADED.clear()  # one project's model at a time: a window holds one project
        _LOADED[key] = Recommender(*found)
    return _LOADED[key]

