"""Event types in the codebook: the built-in ATTACK, reading them, refusing bad ones with a line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.codebook_reading import codebook_from_dict, default_codebook, load_codebook, parse_codebook
from annotator.errors import InputError, ValidationError

LABELS = """
[[labels]]
name = "ACTOR"
key = "a"

[[labels]]
name = "PLACE"
key = "p"
"""


def test_the_default_codebook_has_attack_with_its_roles_and_attributes() -> None:
    codebook = default_codebook()
    assert codebook.event_type_names == ["ATTACK"]
    attack = codebook.event_type("ATTACK")
    assert attack.role_names == ["perpetrator", "target", "place", "casualties", "source", "date"]
    assert [(r.labels, r.many) for r in attack.roles] == [
        (("ACTOR",), True), (("ACTOR",), True), (("PLACE",), True), (("CASUALTY",), True),
        (("ACTOR",), False), (("DATE",), False),
    ]
    assert attack.attribute("attribution") is not None
    assert attack.attribute("attribution").choices == ("asserted", "accused", "admitted", "hinted", "denied")  # type: ignore[union-attr]
    assert attack.attribute("weapon").choices[-1] == "other"  # type: ignore[union-attr]
    assert attack.attribute("date").type == "date"  # type: ignore[union-attr]
    # every key the window reads in an article is distinct: labels, then the event type
    keys = [label.key for label in codebook.labels] + [attack.key]
    assert len(set(keys)) == len(keys) and codebook.label("DATE").key == "d"
    assert len({r.key for r in attack.roles}) == len(attack.roles)


def test_event_attributes_are_type_checked() -> None:
    attack = default_codebook().event_type("ATTACK")
    attack.check_attributes({"attribution": "denied", "weapon": "drone", "date": "2018-06-07"})
    with pytest.raises(ValidationError, match=r"attribute 'date' of ATTACK must be a date written YYYY-MM-DD, not '٢٠١٨-٠٦-٠٧'"):
        attack.check_attributes({"date": "٢٠١٨-٠٦-٠٧"})
    with pytest.raises(ValidationError, match=r"ATTACK has no attribute 'role'"):
        attack.check_attributes({"role": "perpetrator"})
    assert attack.missing_required({}) == []


def test_a_codebook_round_trips_through_its_plain_data() -> None:
    codebook = default_codebook()
    assert codebook_from_dict(json.loads(codebook.to_json())) == codebook
    without = codebook_from_dict({k: v for k, v in codebook.to_dict().items() if k != "events"})
    assert without.event_types == () and "events" not in without.to_dict()


def test_a_lead_defines_other_event_types(tmp_path: Path) -> None:
    path = tmp_path / "cb.toml"
    path.write_text(
        LABELS + """
[[events]]
name = "DISPLACEMENT"
key = "n"
description = "نزوح"

  [[events.roles]]
  name = "from"
  labels = ["PLACE"]

  [[events.roles]]
  name = "by"
  labels = ["ACTOR", "PLACE"]
  many = true

  [[events.attributes]]
  name = "families"
  type = "integer"
  minimum = 0
""",
        encoding="utf-8",
    )
    displacement = load_codebook(path).event_type("DISPLACEMENT")
    assert displacement.role("by").labels == ("ACTOR", "PLACE") and displacement.role("by").many
    assert displacement.role("from").many is False
    with pytest.raises(ValidationError, match=r"event type DISPLACEMENT has no role 'to' \(its roles: from, by\)"):
        displacement.role("to")
    with pytest.raises(ValidationError, match="at least 0"):
        displacement.check_attributes({"families": -3})


ROLE = '[[events]]\nname = "ATTACK"\n  [[events.roles]]\n  name = "place"\n  labels = ["PLACE"]\n'


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ('[[events]]\nname = "ATTACK"\n  [[events.roles]]\n  name = "place"\n  labels = ["PLAC"]\n',
         r"line 13: event type ATTACK: role place takes unknown label\(s\) PLAC \(the codebook has ACTOR, PLACE\)"),
        (ROLE + "  [[events.roles]]\n  name = \"place\"\n  labels = [\"ACTOR\"]\n", r"event type ATTACK: role place is defined twice"),
        (ROLE + ROLE, r"event type ATTACK is defined twice"),
        ('[[events]]\nname = "ATTACK"\n', r"event type ATTACK needs a non-empty list of roles"),
        (ROLE.replace('name = "ATTACK"', 'name = "ATTACK"\nkey = "a"'), r"event type ATTACK: key 'a' is already used by a label"),
        (ROLE.replace('name = "ATTACK"', 'name = "ATTACK"\nkey = "vv"'), r"event type ATTACK: key must be one character"),
        (ROLE + '  key = "1"\n  [[events.roles]]\n  name = "by"\n  labels = ["ACTOR"]\n  key = "1"\n',
         r"event type ATTACK: role by: key '1' is already used by another role"),
        (ROLE + "  many = 2\n", r"role place: many must be true or false"),
        (ROLE + '  slot = "x"\n', r"role place has unknown field\(s\) slot"),
        (ROLE + '  [[events.attributes]]\n  name = "id"\n  type = "text"\n',
         r"event type ATTACK: 'id' cannot name an attribute: exports use it for the event's own id"),
        (ROLE + '  [[events.attributes]]\n  name = "when"\n  type = "time"\n',
         r"event type ATTACK: attribute when has type 'time'; use one of choice, integer, text, date"),
        ('[[events]]\nname = "ATT ACK"\n', r"event type 1 needs a name of letters, digits"),
    ],
)
def test_bad_event_types_are_refused_with_file_and_line(tmp_path: Path, events: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_codebook(LABELS + events, tmp_path / "cb.toml", "toml")


def test_differences_name_event_types_roles_and_attributes() -> None:
    new = default_codebook()
    data = new.to_dict()
    old = codebook_from_dict({k: v for k, v in data.items() if k != "events"})
    assert old.differences(new) == ["event type ATTACK only in the second"]
    assert new.differences(old) == ["event type ATTACK only in the first"]
    assert old.differences(old) == [] and new.differences(new) == []
    changed = json.loads(json.dumps(data))
    attack = changed["events"][0]
    attack["roles"][4]["many"] = True  # several sources
    attack["roles"][0]["key"] = "0"  # a key is no rule: not a difference
    attack["attributes"][1]["choices"].append("missile")
    assert new.differences(codebook_from_dict(changed)) == ["attribute ATTACK.weapon differs", "role ATTACK.source differs"]


def test_an_event_type_may_not_take_a_labels_name() -> None:
    data = {"name": "c", "labels": [{"name": "ACTOR", "key": "a"}],
            "events": [{"name": "ACTOR", "roles": [{"name": "who", "labels": ["ACTOR"]}]}]}
    with pytest.raises(InputError, match="event type ACTOR has the name of a label"):
        codebook_from_dict(data)


def test_an_error_in_the_events_section_names_its_own_line(tmp_path: Path) -> None:
    source = (tmp_path / "default.toml")
    text = default_codebook_text()
    broken = text.replace('labels = ["PLACE"]', 'labels = "PLACE"', 1)
    assert broken != text
    source.write_text(broken, encoding="utf-8")
    expected = next(n for n, line in enumerate(broken.splitlines(), start=1) if 'labels = "PLACE"' in line)
    with pytest.raises(InputError) as caught:
        load_codebook(source)
    assert caught.value.line in (expected - 1, expected)  # the role's name or its labels, not the label PLACE above


def default_codebook_text() -> str:
    from annotator.resources_path import resource_path

    return resource_path("codebook.toml").read_text(encoding="utf-8")
