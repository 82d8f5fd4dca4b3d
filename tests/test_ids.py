"""Annotation ids: valid UUIDv7, unique, and increasing in the order they were made."""

from __future__ import annotations

import time
import uuid

from annotator.ids import time_ordered_id, time_ordered_ids


def test_ids_are_version_7_uuids_that_increase_even_within_a_millisecond() -> None:
    ids = [time_ordered_id() for _ in range(20_000)]  # far more than one per millisecond
    parsed = [uuid.UUID(value) for value in ids]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in parsed)
    assert [str(u) for u in parsed] == ids
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_the_id_carries_the_time_it_was_made() -> None:
    before = time.time_ns() // 1_000_000
    made = uuid.UUID(time_ordered_id()).int >> 80
    after = time.time_ns() // 1_000_000
    assert before <= made <= after + 1


def test_ids_made_at_once_are_the_same_kind_and_keep_increasing() -> None:
    one = time_ordered_id()
    batch = time_ordered_ids(70_000)  # more than 2**16: the counter's low 16 bits wrap at least once
    after = time_ordered_id()
    ids = [one, *batch, after]
    parsed = [uuid.UUID(value) for value in ids]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in parsed)
    assert [str(u) for u in parsed] == ids
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert time_ordered_ids(0) == []
