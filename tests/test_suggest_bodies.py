"""Bodies no list has, read from a head noun and the name after it, and short references back to
an actor the report named in full (README, "Suggestions": the span convention)."""

from __future__ import annotations

import pytest

from tests.gazetteer_spans import suggested


def found(text: str, label: str | None = None) -> list[tuple[str, str]]:
    return [(found_label, name) for found_label, name, _ in suggested(text, label)]


def actors(text: str) -> list[str]:
    return [name for _, name in found(text, "ACTOR")]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("مصراتة - أعلن جهاز الإسعاف والطوارئ وفاة ثلاثة أشخاص.", "جهاز الإسعاف والطوارئ"),
        ("وفي بنغازي، قالت مديرية الأمن إنها قبضت على سبعة أشخاص.", "مديرية الأمن"),
        ("وقالت هيئة مقاومة الجدار والاستيطان إن المستوطنين نفذوا 1,150 اعتداء.", "هيئة مقاومة الجدار والاستيطان"),
        ("وقالت هيئة شؤون الأسرى إن القوات اعتقلت 17 شخصاً.", "هيئة شؤون الأسرى"),
        ("قالت المؤسسة الوطنية لحقوق الإنسان في ليبيا إن الحملة مستمرة.", "المؤسسة الوطنية لحقوق الإنسان"),
        ("قالت الوحدة التنفيذية لإدارة مخيمات النازحين إن صاروخاً سقط.", "الوحدة التنفيذية لإدارة مخيمات النازحين"),
        ("جراء قصف مدفعي نفذته الحركة الشعبية على أحياء المدينة.", "الحركة الشعبية"),
        ("أفاد مركز طب الطوارئ والدعم بأن الاشتباكات توقفت.", "مركز طب الطوارئ والدعم"),
        ("بحسب وزارة شؤون البيشمركة. وقال مصدر إن الهجوم تكرر.", "وزارة شؤون البيشمركة"),
        ("وذكرت القناة 12 العبرية أن صاروخاً سقط على منزل.", "القناة 12"),
        ("وقالت اللجنة الدولية للصليب الأحمر إن فرقها زارت السجن.", "اللجنة الدولية للصليب الأحمر"),
    ],
)
def test_a_head_noun_and_the_name_after_it_are_one_actor(text: str, body: str) -> None:
    assert body in actors(text)


@pytest.mark.parametrize(
    ("text", "body", "place"),
    [
        ("وقالت بلدية مصراتة إن 25 عائلة أُجليت.", "بلدية مصراتة", "مصراتة"),
        ("وفق ما أفاد مركز تعز الحقوقي. وقال المركز إن الطفلتين أصيبتا.", "مركز تعز الحقوقي", "تعز"),
        ("قرب مركز لتوزيع المساعدات تديره مؤسسة غزة الإنسانية غربي رفح.", "مؤسسة غزة الإنسانية", "غزة"),
    ],
)
def test_a_known_place_inside_a_body_is_no_place_of_its_own(text: str, body: str, place: str) -> None:
    assert ("ACTOR", body) in found(text)
    assert ("PLACE", place) not in found(text)


def test_a_known_body_takes_its_country_adjective() -> None:
    assert actors("قُتل ثلاثة مسعفين من الدفاع المدني اللبناني وأصيب زميل لهم.") == ["الدفاع المدني اللبناني"]
    # an indefinite name is described by the adjective, not named (README: «مشروع مسام» السعودي)
    assert "الحكومة اللبنانية" in actors("وطالبت الحكومة اللبنانية بوقف الغارات.")


@pytest.mark.parametrize(
    "text",
    [
        "وسقطت قذيفة في مركز المدينة وأصابت ثلاثة أشخاص.",
        "وتشهد المنطقة حركة نزوح واسعة، فيما توقفت حركة المرور على الطريق.",
        "وانقطعت شبكة الكهرباء عن الأحياء الشرقية بعد القصف.",
        "وقتل سائق أثناء قيادة السيارة على الطريق الدولي.",
        "ودمرت الغارة الوحدة السكنية بالكامل.",
        "ونقل الجرحى إلى مركز صحي في البلدة.",
        "وكانت قوة الانفجار كبيرة، وقالت فرقه إنها أنقذت طفلين.",
        "وقتل ثلاثة قرب مركز لتوزيع المساعدات.",
    ],
)
def test_heads_that_name_places_and_things_are_no_body(text: str) -> None:
    assert actors(text) == []


def test_a_name_ends_before_a_preposition_a_clause_or_a_descriptive_adjective() -> None:
    assert actors("وقالت وزارة الصحة للصحفيين إن الحصيلة مرشحة للارتفاع.") == ["وزارة الصحة"]
    assert actors("وقالت هيئة شؤون الأسرى في بيان إن 17 اعتقلوا.") == ["هيئة شؤون الأسرى"]
    assert actors("سنار - قال مصدر وفق لجان المقاومة المحلية إن القصف مستمر.") == ["لجان المقاومة"]
    assert actors("وقالت المؤسسة الوطنية لحقوق الإنسان، إن مديرية التحيتا تعرضت للقصف.") == [
        "المؤسسة الوطنية لحقوق الإنسان"
    ]


def test_a_back_reference_is_the_actor_it_refers_to_once_the_full_name_came_first() -> None:
    text = "بهجوم شنته هيئة تحرير الشام. وقالت الوزارة إن قواتها قصفت مواقع الهيئة وقتلت 15 مسلحاً."
    assert actors(text) == ["هيئة تحرير الشام", "الهيئة"]
    text = "قالت المؤسسة إن جهاز دعم الاستقرار اعتقل 35 شخصاً. وكان الجهاز قد أفرج عن 12 محتجزاً."
    assert actors(text) == ["جهاز دعم الاستقرار", "الجهاز"]
    assert actors("وكان الجهاز قد أفرج عن 12 محتجزاً بعد وساطة قبلية.") == []  # named nowhere before


@pytest.mark.parametrize(
    "text",
    [
        "وأعلن جهاز دعم الاستقرار اعتقال خمسة. وقال الجهاز في بيان إن التحقيق مستمر.",
        "اشتباكات بين حركة فتح ومجموعات متشددة. وقال مصدر في الحركة إن القائد قتل.",
        "قتل عنصران من حزب الله. وتجاوز عدد عناصر الحزب الذين قتلوا 400.",
    ],
)
def test_a_back_reference_that_is_only_a_source_or_an_owner_is_left_alone(text: str) -> None:
    assert all(len(name.split()) > 1 for name in actors(text))


def test_the_army_alone_is_an_actor_but_not_as_a_source_or_a_title() -> None:
    assert actors("ونفت قوات الدعم السريع مسؤوليتها، واتهمت الجيش بقصف السوق.") == ["قوات الدعم السريع", "الجيش"]
    assert actors("وقال الجيش إن غارة إسرائيلية استهدفت الموقع.") == []
    assert actors("وقال المتحدث باسم الجيش إن قواته ردت على الهجوم.") == []
    assert actors("وقال الجيش السوداني إنه صد الهجوم.") == ["الجيش السوداني"]


def test_a_name_of_indefinite_words_needs_a_speech_verb_and_keeps_out_its_description() -> None:
    assert actors("درعا - قتل ثلاثة، وفق تجمع أحرار حوران. وأوضح التجمع أن المسلحين فروا.") == ["تجمع أحرار حوران"]
    assert actors("وأعلن مشروع مسام السعودي لنزع الألغام أنه انتزع 1,240 لغماً.") == ["مشروع مسام"]
    assert actors("وقالت منظمة دولية إن الوضع كارثي، وقالت لجنة جديدة إنها ستحقق.") == []
    assert actors("وقدم الوفد مشروع قرار إلى المجلس.") == []


def test_a_name_after_a_title_goes_on_over_the_persons_name() -> None:
    assert actors("واتهمت لجان مقاومة الحاج يوسف قوات الدعم السريع بنهب المنازل.")[0] == "لجان مقاومة الحاج يوسف"


def test_the_forces_of_a_referred_body_are_one_actor_with_it() -> None:
    assert actors("وتقدمت قوات الجيش نحو المدينة.") == ["قوات الجيش"]


@pytest.mark.parametrize(
    "text",
    [
        "ووضع المصاب على جهاز التنفس الاصطناعي.",
        "واستهدفت الغارة تجمع المدنيين قرب المخبز.",
        "وقال المتحدث إن بنك الأهداف يتسع.",
    ],
)
def test_devices_gatherings_and_target_lists_are_no_body(text: str) -> None:
    assert actors(text) == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("وقتل خمسة مدنيين وفقاً لشبكة فرات بوست.", "شبكة فرات بوست"),  # وفقاً starts with و itself
        ("وقالت الشرطة إن ثلاثة أصيبوا، وفقا لمركز الإعلام في المحافظة.", "مركز الإعلام"),
    ],
)
def test_a_cue_word_that_starts_with_waw_shows_a_body(text: str, body: str) -> None:
    assert body in actors(text)
