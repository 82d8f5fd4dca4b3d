"""Actors written around a known name and places no list has after a cue word: the general
patterns the built-in gazetteer adds to its lists, with the span convention of README's
"Suggestions" (a cue word and a direction outside the place, a body's words inside the actor)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.suggest.cue_names import _CUES, _NOT_NAMES, names_after_cues
from annotator.suggest.names import words_of
from tests.gazetteer_spans import suggested

found = suggested


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وقتل ثلاثة جنود من قوات المجلس الانتقالي الجنوبي أمس.", "قوات المجلس الانتقالي الجنوبي"),
        ("وقالت وزارة الدفاع التركية إنها حيدت مسلحين.", "وزارة الدفاع التركية"),
        ("بحسب وزارة الصحة العامة اللبنانية.", "وزارة الصحة العامة اللبنانية"),
        ("وطالبت الحكومة اللبنانية بوقف الغارات.", "الحكومة اللبنانية"),
        ("وقالت وزارة البيشمركة إن مقاتليها صدوا الهجوم.", "وزارة البيشمركة"),
        ("ونقل عن مصدر بوزارة الداخلية العراقية أن الطريق أغلق.", "وزارة الداخلية العراقية"),
    ],
)
def test_a_state_body_or_the_forces_of_a_known_actor_are_one_actor(text: str, actor: str) -> None:
    assert actor in [name for _, name, _ in found(text, "ACTOR")]


@pytest.mark.parametrize(
    ("text", "actor", "kind"),
    [
        ("بحسب مصدر في شرطة كركوك.", "شرطة كركوك", "state_forces"),
        ("وقالت مديرية صحة دهوك إن شخصين قتلا.", "مديرية صحة دهوك", "organisation"),
        ("وأعلنت قيادة عمليات نينوى بدء حملة تفتيش.", "قيادة عمليات نينوى", "state_forces"),
        ("وقال مجلس منبج العسكري إن مقاتليه صدوا الهجوم.", "مجلس منبج العسكري", "non_state_armed_group"),
        ("ونقل الخبر لشرطة كركوك.", "شرطة كركوك", "state_forces"),
    ],
)
def test_a_body_of_a_known_place_is_an_actor_and_the_place_no_place(text: str, actor: str, kind: str) -> None:
    assert found(text) == [("ACTOR", actor, kind)]


def test_patterns_need_their_known_name_or_adjective() -> None:
    assert found("وعقد مجلس حلب جلسة.", "ACTOR") == []  # a council of a place, not «العسكري»
    assert [name for _, name, _ in found("وعقد مجلس حلب جلسة.")] == ["حلب"]
    assert found("وقال الجيش إن غارة إسرائيلية استهدفت الموقع.", "ACTOR") == []
    assert found("وصلت قوات كبيرة إلى المنطقة.", "ACTOR") == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("وقتل مدنيان قرب بلدة الكسرة أمس.", [("الكسرة", "town")]),
        ("انتشلت الجثث من مبنى في حي تل السلطان.", [("تل السلطان", "district")]),
        ("غارات استهدفت بلدتي بريتال والنبي شيت فجرا.", [("بريتال", "town"), ("النبي شيت", "town")]),
        ("وقال مصدر في مستشفى الثورة إن حالته حرجة.", [("مستشفى الثورة", "site")]),
        ("وقصفت المدفعية قرية أم الزينات.", [("أم الزينات", "town")]),
        ("وسقطت قذيفة على حي الزهيرات الجديدة.", [("الزهيرات الجديدة", "district")]),
    ],
)
def test_an_unlisted_name_after_a_cue_word_is_a_place(text: str, places: list[tuple[str, str]]) -> None:
    assert [(name, kind) for _, name, kind in found(text, "PLACE")] == places


@pytest.mark.parametrize(
    "text",
    [
        "وقصفت الطائرات حي سكني بالكامل.",
        "ونقل الجرحى إلى مخيم للنازحين.",
        "وتقع قرية صغيرة على التلة.",
        "وأفاد مستشفى ميدانياً بأن الجرحى كثر.",
        "ودخلت القوات قرية تل",
        "وتبعد مدينة تبعد 5 كيلومترات.",
    ],
)
def test_words_that_follow_a_cue_without_naming_anything_are_no_place(text: str) -> None:
    assert found(text, "PLACE") == []


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(sorted(_CUES)), st.sampled_from(sorted(_NOT_NAMES)))
def test_no_listed_non_name_after_any_cue_is_a_place(cue: str, word: str) -> None:
    text = f"وقال شهود إن {cue} {word} تعرضت للقصف."
    assert [text[s.start : s.end] for s in names_after_cues(words_of(text), [])] == []
