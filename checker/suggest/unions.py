"""Sets joined through shared members (union-find): senses one value ties, documents one
word ties, speakers whose names hold one another."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class Unions(Generic[K]):
    """Keys in sets; `join` puts two keys' sets together."""

    def __init__(self, keys: Iterable[K]) -> None:
        self._parent: dict[K, K] = {k: k for k in keys}

    def find(self, key: K) -> K:
        """The key that stands for `key`'s set."""
        parent = self._parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(self, a: K, b: K) -> None:
        self._parent[self.find(a)] = self.find(b)

    def sets(self) -> list[list[K]]:
        """Every set, its keys in the order they were given, sets by their first key."""
        members: dict[K, list[K]] = {}
        for key in self._parent:
            members.setdefault(self.find(key), []).append(key)
        return list(members.values())
