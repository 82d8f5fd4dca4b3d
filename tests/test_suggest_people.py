"""People named after their title are ACTORs of kind person (suggest/people.py), and their
family name alone after a verb of saying is the person again. Sentences written for the tests."""

from __future__ import annotations

import pytest

from annotator.suggest.gazetteer import load_gazetteer
from tests.gazetteer_spans import names


def people(text: str) -> list[str]:
    return names(text, "ACTOR", kind="person")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وقال المتحدث باسم الجيش أحمد المسماري إن قواته ردت على الهجوم.", "أحمد المسماري"),
        ("وقال وزير الصحة العامة فراس الأبيض إن الحصيلة ارتفعت.", "فراس الأبيض"),
        ("فيما أمر رئيس الوزراء مصطفى الكاظمي بتوقيف آمر القوة.", "مصطفى الكاظمي"),
        ("وقال المتحدث باسم التحالف العقيد تركي المالكي إن الضربة استهدفت موقعاً.", "تركي المالكي"),
        ("وقال رئيس اللجنة عبد القادر المرتضى إن المبنى دُمّر.", "عبد القادر المرتضى"),
        ("وأعلن قائد القوات في الولاية أبو عاقلة كيكل انشقاقه.", "أبو عاقلة كيكل"),
        ("قُتل والي ولاية غرب دارفور خميس أبكر، مساء الأربعاء.", "خميس أبكر"),
        ("بحسب رئيس مجلس قروي المغير أمين أبو عليا.", "أمين أبو عليا"),
    ],
)
def test_a_name_after_a_title_is_a_person(text: str, person: str) -> None:
    assert person in people(text)


@pytest.mark.parametrize(
    "text",
    [
        "وقال رئيس الحكومة إن الوضع مستقر.",  # no name after the office
        "وقال المتحدث باسم الجيش في بيان إن القوات تقدمت.",
        "وأكد وزير الدفاع على ضرورة ضبط النفس.",
        "وقال قائد ميداني لوكالة الأنباء إن المعارك مستمرة.",
    ],
)
def test_an_office_without_a_name_names_no_person(text: str) -> None:
    assert people(text) == []


def test_a_family_name_after_a_verb_of_saying_is_the_person_again() -> None:
    text = "بحسب وزير الصحة العامة فراس الأبيض. وقال الأبيض إن بين القتلى أطفالاً. وفي البيت الأبيض صمت."
    assert people(text) == ["فراس الأبيض", "الأبيض"]


def test_settlers_are_no_actor_of_the_built_in_lists() -> None:
    found = load_gazetteer().suggest("وأحرق المستوطنون منازل في القرية، وقال شهود إن مستوطنين هاجموا المزارعين.")
    assert [s for s in found if s.label == "ACTOR"] == []


def test_what_a_spokesman_announced_is_no_name() -> None:
    assert people("فيما أعلن المتحدث العسكري باسم الحوثيين استهداف سفينة في خليج عدن.") == []
