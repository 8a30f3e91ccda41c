"""Rules are data: an id, a pattern built from named parts, and the texts it must match and
must not match. tests/test_rules.py runs every rule of every table on its own examples.

All patterns see normalized text (notices.normalize): ASCII digits and ASCII ( ) : , ;
while 、 and 。 stay; simplified characters; no letter spacing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import regex


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: str
    match: tuple[str, ...] = ()  # texts the rule must find (a search, not a full match)
    reject: tuple[str, ...] = ()  # texts it must not find
    flags: int = regex.VERBOSE

    @cached_property
    def compiled(self) -> regex.Pattern:
        return regex.compile(self.pattern, self.flags)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.compiled.search(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.compiled.finditer(text, pos, len(text) if endpos is None else endpos)


@dataclass(frozen=True)
class RuleTable:
    """Rules for one field family. Order is priority: the first rule that matches wins."""

    name: str
    rules: tuple[Rule, ...] = field(default_factory=tuple)

    def first(self, text: str, pos: int = 0, endpos: int | None = None):
        """(rule, match) of the first rule, in table order, that matches; or (None, None)."""
        for rule in self.rules:
            found = rule.search(text, pos, endpos)
            if found:
                return rule, found
        return None, None

    def __iter__(self):
        return iter(self.rules)

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}


ALL_TABLES: list[RuleTable] = []
STANDALONE: list[Rule] = []  # rules used on their own, outside a table


def standalone(rule: Rule) -> Rule:
    """Declare a rule used on its own; it is registered for the rule self-tests."""
    STANDALONE.append(rule)
    return rule


def table(name: str, *rules: Rule) -> RuleTable:
    """Declare a rule table; it is registered for the rule self-tests."""
    made = RuleTable(name, tuple(rules))
    ALL_TABLES.append(made)
    return made
