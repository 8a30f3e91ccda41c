"""The watch list: which notices name a watched company or person.

Pure: names and notices in, hits out. Names are compared folded (width, brackets, spaces,
traditional characters), and a watched name inside a longer party name is a hit, so watching a
company also catches its branches (…有限公司黄岛分公司).
"""
from __future__ import annotations

from dataclasses import dataclass

from notices.cases import fold
from notices.model import Notice
from notices.normalize import to_simplified

# Two characters (a surname and a given name, 佳豪) occur inside far too many other names.
MIN_NAME_LENGTH = 3


@dataclass(frozen=True, order=True)
class Hit:
    """A watched name found in a notice: as a party (respondent, claimant) or only in its text."""

    name: str  # the watched name as entered
    notice_id: str
    role: str  # "respondent", "claimant" or "text"
    party: str  # the party name as printed; "" when found only in the notice text


def fold_name(name: str) -> str:
    """How a name compares: width folded, one bracket form, no spaces, simplified characters."""
    return to_simplified(fold(name))


def check_name(name: str) -> str:
    """The name to store, stripped; ValueError with the reason when it cannot be watched."""
    name = name.strip()
    if len(fold_name(name)) < MIN_NAME_LENGTH:
        raise ValueError(
            f"{name!r} is too short to watch: names of {MIN_NAME_LENGTH - 1} characters or fewer "
            "match too many other names; watch the full name"
        )
    return name


def name_matches(watched: str, party: str) -> bool:
    """True when the watched name is the party or part of it (a branch, a longer form)."""
    folded = fold_name(watched)
    return bool(folded) and folded in fold_name(party)


def find_hits(watched_names: list[str], notices: list[Notice]) -> list[Hit]:
    """Every (watched name, notice) pair that matches, sorted. The notice text is searched too,
    but only when no party matched: a name the extractor missed must still be seen."""
    folded_names = [(name, fold_name(name)) for name in watched_names]
    hits: set[Hit] = set()
    for notice in notices:
        parties = [("respondent", party) for party in notice.respondents]
        parties += [("claimant", party) for party in notice.claimants]
        folded_parties = [(role, party, fold_name(party)) for role, party in parties]
        text = None
        for name, folded in folded_names:
            if not folded:
                continue
            matched = {Hit(name, notice.id, role, party)
                       for role, party, folded_party in folded_parties if folded in folded_party}
            if not matched and notice.text:
                text = text if text is not None else fold_name(notice.text)
                if folded in text:
                    matched = {Hit(name, notice.id, "text", "")}
            hits |= matched
    return sorted(hits)
