"""A Hugging Face ``datasets`` folder: JSONL data, the tag list, the features, a dataset card.

``load_dataset("json", data_files=...)`` infers column types chunk by chunk
and fails when an early chunk holds only documents without spans (a list of
nulls it cannot later widen), and it reads ``ner_tags`` as plain integers. So
the folder ships its types: ``labels.txt`` (``ClassLabel(names_file=...)``),
``features.json`` (``Features.from_dict``) and, in the README's YAML header,
the same features and the data files, so that ``load_dataset(folder)`` alone
gives the typed dataset. Nothing here imports ``datasets``: the types are
written out by hand, in the forms old and new ``datasets`` versions read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from annotator.codebook import Codebook
from annotator.export.files import text_file, write_folder
from annotator.export.options import Job
from annotator.export.readme import token_section, write_readme, write_split_list
from annotator.export.tokens import TaggedDocument, TokenStats, tag_names
from annotator.export.training import clitic_evidence, finish, tagged
from annotator.records import dumps

HF_SPLIT_NAMES = {"data": "train", "train": "train", "dev": "validation", "test": "test"}

# A feature type: ("value", dtype) | ("class", names) | ("sequence", type) | ("struct", fields) | ("list", fields)
Spec = tuple[str, Any]


def attribute_types(codebook: Codebook) -> dict[str, str]:
    """One Arrow type per attribute name across labels: int64 for integers, else string.

    Two labels may share a name (``kind`` of ACTOR and of PLACE); if their types
    differ the column is string and integers are written as text.
    """
    types: dict[str, str] = {}
    for label in codebook.labels:
        for attribute in label.attributes:
            dtype = "int64" if attribute.type == "integer" else "string"
            types[attribute.name] = dtype if types.get(attribute.name, dtype) == dtype else "string"
    return types


def features(job: Job) -> list[tuple[str, Spec]]:
    span_fields: list[tuple[str, Spec]] = [
        ("id", ("value", "string")),
        ("start", ("value", "int64")),
        ("end", ("value", "int64")),
        ("label", ("value", "string")),
        ("text", ("value", "string")),
        ("coder", ("value", "string")),
        ("origin", ("value", "string")),
    ]
    attrs = attribute_types(job.project.codebook)
    if attrs:
        span_fields.append(("attrs", ("struct", [(name, ("value", dtype)) for name, dtype in attrs.items()])))
    out: list[tuple[str, Spec]] = [
        ("id", ("value", "string")),
        ("title", ("value", "string")),
        ("status", ("value", "string")),
        ("text", ("value", "string")),
        ("tokens", ("sequence", ("value", "string"))),
        ("offsets", ("sequence", ("sequence", ("value", "int64")))),
        ("ner_tags", ("sequence", ("class", tag_names(job.labels)))),
    ]
    if job.options.layer_per_label:
        out += [(f"ner_tags_{label}", ("sequence", ("class", tag_names([label])))) for label in job.labels]
    out.append(("spans", ("list", span_fields)))
    return out


def _to_dict(spec: Spec) -> Any:
    """The ``Features.from_dict`` form."""
    kind, inner = spec
    if kind == "value":
        return {"dtype": inner, "_type": "Value"}
    if kind == "class":
        return {"names": list(inner), "_type": "ClassLabel"}
    if kind == "sequence":
        return {"feature": _to_dict(inner), "_type": "Sequence"}
    fields = {name: _to_dict(sub) for name, sub in inner}
    return [fields] if kind == "list" else fields


def _to_card(spec: Spec) -> Any:
    """The dataset card (YAML) form: ``dtype``, ``sequence``, ``class_label``, ``struct``, ``list``."""
    kind, inner = spec
    if kind == "value":
        return inner
    if kind == "class":
        return {"class_label": {"names": {str(i): name for i, name in enumerate(inner)}}}
    if kind == "sequence":
        return {"sequence": _to_card(inner)}
    return {kind: [_card_field(name, sub) for name, sub in inner]}


def _card_field(name: str, spec: Spec) -> dict[str, Any]:
    body = _to_card(spec)
    return {"name": name, **({"dtype": body} if spec[0] == "value" else body)}


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _yaml_key(key: str) -> str:
    return key if _PLAIN_KEY.match(key) and key.lower() not in _YAML_WORDS else _yaml_scalar(key)


def to_yaml(value: Any, indent: int = 0) -> list[str]:
    """A small YAML writer for the card: plain dicts, lists and quoted scalars (no PyYAML needed)."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list):
                lines.append(f"{pad}{_yaml_key(key)}:")
                lines += to_yaml(item, indent + 2)
            else:
                lines.append(f"{pad}{_yaml_key(key)}: {_yaml_scalar(item)}")
    else:
        for item in value:
            if not isinstance(item, dict | list):
                lines.append(f"{pad}- {_yaml_scalar(item)}")
                continue
            sub = to_yaml(item, indent + 2)
            lines.append(f"{pad}- {sub[0].lstrip()}")
            lines += sub[1:]
    return lines


def record(doc: TaggedDocument, item_status: str, title: str, job: Job, attrs: dict[str, str]) -> dict[str, Any]:
    tag_id = {name: i for i, name in enumerate(tag_names(job.labels))}
    out: dict[str, Any] = {
        "id": doc.key,
        "title": title,
        "status": item_status,
        "text": doc.text,
        "tokens": [t.text for t in doc.tokens],
        "offsets": [[t.start, t.end] for t in doc.tokens],
        "ner_tags": [tag_id[tag] for tag in doc.tags],
        "spans": [],
    }
    for label, column in doc.columns.items():
        own = {name: i for i, name in enumerate(tag_names([label]))}
        out[f"ner_tags_{label}"] = [own[tag] for tag in column]
    for span in doc.spans:
        entry: dict[str, Any] = {
            "id": span.id,
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "text": span.text,
            "coder": span.coder,
            "origin": span.origin,
        }
        if attrs:
            entry["attrs"] = {
                name: (None if span.attrs.get(name) is None else _typed(span.attrs[name], dtype))
                for name, dtype in attrs.items()
            }
        out["spans"].append(entry)
    return out


def _typed(value: Any, dtype: str) -> Any:
    return value if dtype == "int64" else str(value)


def write_hf(job: Job, out: str | Path) -> list[str]:
    stats = TokenStats()
    clitics = clitic_evidence(job)
    attrs = attribute_types(job.project.codebook)
    spec = features(job)

    def build(folder: Path) -> list[str]:
        files, data_files = [], []
        for name, docs in job.parts():
            file_name = f"{name}.jsonl"
            if not docs and job.split is not None:
                # load_dataset refuses a split with no rows: leave the part out
                files.append(f"no `{file_name}`: the {name} part is empty")
                continue
            by_key = {item.document.key: item for item in docs}
            with open(folder / file_name, "w", encoding="utf-8", newline="\n") as handle:
                for doc in tagged(job, docs, stats, clitics):
                    item = by_key[doc.key]
                    handle.write(dumps(record(doc, item.status, item.document.title, job, attrs)) + "\n")
            files.append(f"`{file_name}`: {len(docs)} document(s), one a line (split `{HF_SPLIT_NAMES[name]}`)")
            data_files.append({"split": HF_SPLIT_NAMES[name], "path": file_name})
        finish(job, stats)
        text_file(folder, "labels.txt", "\n".join(tag_names(job.labels)) + "\n")
        files.append("`labels.txt`: the tag names, one a line; line n (from 0) is tag id n")
        if job.options.layer_per_label:
            for label in job.labels:
                text_file(folder, f"labels-{label}.txt", "\n".join(tag_names([label])) + "\n")
            files.append("`labels-LABEL.txt`: the tag names of each `ner_tags_LABEL` column")
        text_file(folder, "features.json", json.dumps({n: _to_dict(s) for n, s in spec}, indent=2) + "\n")
        files.append("`features.json`: the column types, for `datasets.Features.from_dict`")
        listed = write_split_list(folder, job)
        card = {
            "configs": [{"config_name": "default", "data_files": data_files}],
            "dataset_info": {"features": [_card_field(n, s) for n, s in spec]},
            "task_categories": ["token-classification"],
            "language": ["ar"],
        }
        write_readme(
            folder,
            job,
            title="Hugging Face datasets export",
            files=[*files, *([listed] if listed else [])],
            sections=[
                HF_USAGE.format(first=data_files[0]["path"] if data_files else "data.jsonl"),
                token_section(stats, per_label=job.options.layer_per_label, split_clitics=job.options.split_clitics),
            ],
            front_matter="---\n" + "\n".join(to_yaml(card)) + "\n---\n",
        )
        return files

    write_folder(out, build)
    return [str(out)]


HF_USAGE = """\
## Loading

```python
from datasets import load_dataset
ds = load_dataset("path/to/this/folder")   # reads the YAML header above: typed columns, tag names
```

or, from the data files alone:

```python
import json
from pathlib import Path
from datasets import ClassLabel, Features, load_dataset
features = Features.from_dict(json.loads(Path("features.json").read_text(encoding="utf-8")))
ds = load_dataset("json", data_files={{"train": "{first}"}}, features=features)
names = ClassLabel(names_file="labels.txt").names   # the same names as ds["train"].features["ner_tags"]
```

Each line is one document: `id`, `title`, `status`, `text`; `tokens` with their
`offsets` (`[start, end)` in code points of `text`); `ner_tags`, the IOB2 tag id
of each token (names in `labels.txt`); and `spans`, every span with its
character offsets, label, coder, origin and attributes (`null` where not set).
`spans` is complete even where `ner_tags` had to leave an overlapping span out.
Documents are whole articles: cut them into windows for a model with a token limit.
"""
