"""Codebooks: the built-in one, reading TOML and JSON, refusing bad ones with a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.codebook_reading import default_codebook, load_codebook
from annotator.errors import InputError, ValidationError


def test_the_default_codebook_is_the_conflict_news_one() -> None:
    codebook = default_codebook()
    assert codebook.label_names == ["ACTOR", "PLACE", "CASUALTY", "DATE"]
    casualty = codebook.label("CASUALTY")
    assert [a.name for a in casualty.attributes] == ["value", "min", "max", "qualifier", "status", "victims", "scope"]
    assert casualty.attribute("status").choices == ("killed", "injured", "missing", "captured")
    assert codebook.label("ACTOR").attribute("role").choices[:2] == ("perpetrator", "target")


def test_attributes_are_type_checked() -> None:
    casualty = default_codebook().label("CASUALTY")
    casualty.check_attributes({"value": 54, "status": "killed"})
    with pytest.raises(ValidationError, match="whole number"):
        casualty.check_attributes({"value": "54"})
    with pytest.raises(ValidationError, match="must be one of"):
        casualty.check_attributes({"status": "dead"})
    with pytest.raises(ValidationError, match="no attribute 'colour'"):
        casualty.check_attributes({"colour": "red"})
    assert casualty.missing_required({"value": 3}) == ["status"]


def test_a_json_codebook_loads(tmp_path: Path) -> None:
    path = tmp_path / "cb.json"
    path.write_text(
        '{"name": "mini", "labels": [{"name": "WEAPON", "color": "#123456", "key": "w",'
        ' "attributes": [{"name": "kind", "type": "choice", "choices": ["drone", "barrel bomb"]}]}]}',
        encoding="utf-8",
    )
    codebook = load_codebook(path)
    assert codebook.label_names == ["WEAPON"]
    assert codebook.label("WEAPON").attribute("kind").choices == ("drone", "barrel bomb")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[labels]]\nname = "A"\ncolor = "#12345"\n', "line 3: label A: color must look like #RRGGBB"),
        (
            '[[labels]]\nname = "A"\n\n  [[labels.attributes]]\n  name = "n"\n  type = "enum"\n',
            "line 6: label A: attribute n has type 'enum'",
        ),
        ('[[labels]]\nname = "A"\n[[labels]]\nname = "A"\n', "label A is defined twice"),
        ("[[labels]\nname = 1\n", "line 1: not valid TOML"),
        ('name = "x"\n', "needs a non-empty list of labels"),
        ('[[labels]]\nname = "A"\nkey = "a"\n[[labels]]\nname = "B"\nkey = "A"\n', "key 'A' is already used"),
    ],
)
def test_bad_codebooks_are_refused_with_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_codebook(path)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)


def test_differences_name_what_differs() -> None:
    a = default_codebook()
    from dataclasses import replace

    b_labels = tuple(lb for lb in a.labels if lb.name != "PLACE")
    b = replace(a, labels=b_labels)
    assert a.differences(b) == ["label PLACE only in the first"]
    assert a.differences(a) == []
