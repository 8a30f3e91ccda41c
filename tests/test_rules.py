"""Every rule of every table finds the texts it lists and none of the texts it rejects."""
from __future__ import annotations

import pytest

import notices.deadlines  # noqa: F401  (with notices.extract, registers every rule table)
import notices.extract  # noqa: F401
from notices.rules import ALL_TABLES, STANDALONE, example_misses, example_text

RULES = [rule for table in ALL_TABLES for rule in table] + STANDALONE


def test_every_rule_has_examples():
    assert RULES
    assert [rule.id for rule in RULES if not rule.match] == []


def test_rule_ids_are_unique():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_matches_its_examples(rule):
    """Each example is found, and where it says what must be found, exactly that."""
    assert [(example_text(example), why) for example in rule.match
            if (why := example_misses(rule, example))] == []


@pytest.mark.parametrize("rule", [r for r in RULES if r.reject], ids=lambda r: r.id)
def test_rule_rejects_its_counter_examples(rule):
    assert [text for text in rule.reject if rule.search(text)] == []
