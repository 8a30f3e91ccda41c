"""Fuzz the pipeline longer than the test suite does, with the properties of tests/test_properties.py.

    .venv/bin/python tests/fuzz.py [--examples N] [--seed S] [--only NAME]

Each property runs on N generated inputs (default 100,000 in all, shared out by weight) and the
script prints, per property, the inputs tried, the seconds taken and the first failure hypothesis
shrank to, then exits 1 if any property failed. The suite runs the same properties derandomized
on a few hundred inputs (tests/test_properties.py); this is the search a developer runs before a
release, or overnight with a larger N. Random seeds differ from run to run unless --seed is given.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import test_properties as props  # noqa: E402
from notices.normalize import normalize  # noqa: E402
from notices.pipeline import extract_text  # noqa: E402


@dataclass(frozen=True)
class Property:
    name: str
    strategy: st.SearchStrategy
    check: Callable[[object], None]
    weight: int  # share of the inputs: the costly properties (whole pages) get fewer


def records_of_any_text(text: str) -> None:
    props.assert_records(extract_text(text))


def evidence_on_a_page(page: str) -> None:
    notices = extract_text(page, "p.txt")
    props.assert_records(notices)
    props.assert_evidence(page, notices, literal=False)


def damaged(text: str) -> None:
    props.assert_records(extract_text(text, page_date=dt.date(2026, 3, 25)))


def normalized_once(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once, "normalizing twice changes the text"
    props.assert_offsets_sound(text, 0, len(text))


def deterministic(page: str) -> None:
    first, second = extract_text(page, "p.txt"), extract_text(page, "p.txt")
    assert props.dumps(first) == props.dumps(second), "two runs give different records"


PROPERTIES = [
    Property("any text gives records", st.one_of(props.mixed_text, st.text(max_size=400)), records_of_any_text, 30),
    Property("any bytes give records or UnreadablePage",
             st.tuples(st.binary(max_size=2000), st.sampled_from(props.SUFFIXES)),
             lambda pair: props.read_then_extract(*pair), 25),
    Property("normalizing twice changes nothing", props.mixed_text, normalized_once, 15),
    Property("blocks are ordered, disjoint, inside the page", props.mixed_text, props.assert_blocks_sound, 10),
    Property("damaged notices give records", props.damaged_notices(), damaged, 8),
    Property("evidence of notice pages slices to its value", props.notice_pages(), evidence_on_a_page, 8),
    Property("extraction is deterministic", props.notice_pages(), deterministic, 4),
]


@dataclass
class Outcome:
    tried: int
    seconds: float
    failure: str | None


def run(prop: Property, examples: int, fixed_seed: int | None) -> Outcome:
    tried = 0

    @settings(max_examples=examples, deadline=None, database=None, phases=(Phase.generate, Phase.shrink),
              suppress_health_check=list(HealthCheck))
    @given(prop.strategy)
    def search(value):
        nonlocal tried
        tried += 1
        prop.check(value)

    if fixed_seed is not None:
        search = seed(fixed_seed)(search)
    started = time.perf_counter()
    try:
        search()
        failure = None
    except Exception:  # hypothesis re-raises the shrunk example's error, with the example in its notes
        failure = traceback.format_exc(limit=3)
    return Outcome(tried, time.perf_counter() - started, failure)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=100_000, help="inputs in all (default 100,000)")
    parser.add_argument("--seed", type=int, help="a fixed seed, for a run that can be repeated")
    parser.add_argument("--only", help="run the properties whose name contains this")
    args = parser.parse_args(argv)
    if not props.CORPUS_TEXTS:
        print("fuzz: the labelled corpus (../shared/corpus/dev) is needed for the notice pages", file=sys.stderr)
        return 2
    chosen = [p for p in PROPERTIES if not args.only or args.only in p.name]
    total_weight = sum(p.weight for p in chosen)
    failed = 0
    print(f"{'property':<50} {'inputs':>8} {'seconds':>8}  result")
    for prop in chosen:
        outcome = run(prop, max(1, args.examples * prop.weight // total_weight), args.seed)
        failed += outcome.failure is not None
        print(f"{prop.name:<50} {outcome.tried:>8} {outcome.seconds:>8.1f}  {'FAILED' if outcome.failure else 'ok'}",
              flush=True)
        if outcome.failure:
            print(outcome.failure, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
