"""Train/dev/test splits (``--split 80,10,10 --seed N``) that do not leak.

A split never cuts a document, and near-duplicate documents (the same report
from two outlets, :meth:`annotator.store.project.Project.duplicates`) always go to
the same part: otherwise the test set holds text the model was trained on and
the figures flatter it. Documents are grouped with a union-find over the
duplicate pairs; the groups are shuffled with the seed and each goes to the part
furthest below its share, so the parts meet the ratios as closely as whole
groups allow, and the same project and seed give the same parts.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.errors import ValidationError

PART_NAMES = {2: ("train", "test"), 3: ("train", "dev", "test")}


def parse_split(spec: str | Sequence[float]) -> tuple[float, ...]:
    """``"80,10,10"`` or ``"0.8,0.1,0.1"`` (or numbers): two or three non-negative shares."""
    if isinstance(spec, str):
        try:
            shares = tuple(float(part) for part in spec.replace(" ", "").split(","))
        except ValueError:
            raise ValidationError(f"--split {spec!r}: give two or three numbers such as 80,10,10") from None
    else:
        shares = tuple(float(part) for part in spec)
    if len(shares) not in PART_NAMES:
        raise ValidationError(f"--split {spec!r}: give two (train,test) or three (train,dev,test) numbers")
    if not all(math.isfinite(share) for share in shares):
        raise ValidationError(f"--split {spec!r}: the shares must be plain numbers (not nan or inf)")
    if any(share < 0 for share in shares) or sum(shares) <= 0:
        raise ValidationError(f"--split {spec!r}: the shares must be positive or zero, and not all zero")
    return shares


class _UnionFind:
    def __init__(self, items: Iterable[str]):
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def duplicate_groups(keys: Sequence[str], pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Groups of keys joined by near-duplicate pairs (transitively), each in ``keys`` order.

    Pairs naming a key not in ``keys`` (a document left out by ``--status``) are
    ignored: it is in no part, so it cannot leak.
    """
    finder = _UnionFind(keys)
    for a, b in pairs:
        if a in finder.parent and b in finder.parent:
            finder.union(a, b)
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(finder.find(key), []).append(key)
    return list(groups.values())


@dataclass(frozen=True)
class Split:
    """Which document keys went to which part, in the project's order within each part."""

    shares: tuple[float, ...]
    seed: int
    parts: dict[str, list[str]]
    groups_joined: int

    def part_of(self) -> dict[str, str]:
        return {key: name for name, keys in self.parts.items() for key in keys}

    def summary(self) -> str:
        return ", ".join(f"{name} {len(keys)}" for name, keys in self.parts.items())


def assign_parts(keys: Sequence[str], pairs: Iterable[tuple[str, str]], shares: tuple[float, ...], seed: int) -> Split:
    """Deterministic split of ``keys`` (see the module docstring)."""
    names = PART_NAMES[len(shares)]
    groups = duplicate_groups(keys, pairs)
    random.Random(seed).shuffle(groups)
    total = sum(shares)
    targets = [share / total * len(keys) for share in shares]
    counts = [0] * len(shares)
    chosen: dict[str, int] = {}
    for group in groups:
        # the part furthest below its target; zero shares get nothing; ties go to the earlier part
        part = max(
            (i for i in range(len(shares)) if shares[i] > 0),
            key=lambda i: (targets[i] - counts[i], -i),
        )
        counts[part] += len(group)
        for key in group:
            chosen[key] = part
    parts = {name: [key for key in keys if chosen[key] == i] for i, name in enumerate(names)}
    return Split(shares, seed, parts, sum(1 for g in groups if len(g) > 1))
