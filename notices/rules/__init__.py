"""Rules are data: an id, a pattern built from named parts, and the texts it must match and
must not match. tests/test_rules.py runs every rule of every table on its own examples.

All patterns see normalized text (notices.normalize): ASCII digits and ASCII ( ) : , ;
while 、 and 。 stay; simplified characters; no letter spacing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import regex


Example = str | tuple[str, str] | tuple[str, dict[str, str]]


@dataclass(frozen=True)
class Rule:
    """A named pattern with its examples. `match` lists texts the rule must find (a search, not
    a full match); an example may say what it must find: (text, the whole match) or (text,
    {group: value}). `reject` lists texts it must not find."""

    id: str
    pattern: str
    match: tuple[Example, ...] = ()
    reject: tuple[str, ...] = ()
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


def example_text(example: Example) -> str:
    return example if isinstance(example, str) else example[0]


def example_misses(rule: Rule, example: Example) -> str | None:
    """Why `rule` fails its example, or None when it finds what the example says."""
    found = rule.search(example_text(example))
    if found is None:
        return "no match"
    if isinstance(example, str):
        return None
    expected = example[1]
    wanted = {"0": expected} if isinstance(expected, str) else expected
    got = {name: found.group(0 if name == "0" else name) for name in wanted}
    return None if got == wanted else f"found {got}, expected {wanted}"
