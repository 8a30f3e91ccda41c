"""Closed vocabularies of Chinese courts and committees, read once from notices/data/.

Each data file names, in its `#` header, the official text it was taken from and what may be
missing; rules build their patterns from these lists instead of listing the few words their
examples needed. Lines starting with `#` are comments, blank lines are skipped, and a TSV file's
first column is its entry.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import regex

DATA = Path(__file__).with_name("data")


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of a data file: each line's tab-separated fields, comments and blanks skipped."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(tuple(field.strip() for field in line.split("\t")) for line in lines
                 if line.strip() and not line.lstrip().startswith("#"))


def words(name: str) -> tuple[str, ...]:
    """The first field of every entry, in file order, each once."""
    return tuple(dict.fromkeys(row[0] for row in rows(name)))


def alternation(entries) -> str:
    """A regex alternation of literal words, longest first so the whole word is taken."""
    unique = sorted(set(entries), key=lambda word: (-len(word), word))
    return "(?:" + "|".join(regex.escape(word) for word in unique) + ")"


@cache
def role_sides() -> dict[str, str]:
    """Role label → side (claimant, respondent, third, other), from roles.tsv. A label listed
    twice (申请人 in litigation and in arbitration) keeps its first side."""
    sides: dict[str, str] = {}
    for row in rows("roles.tsv"):
        sides.setdefault(row[0], row[1])
    return sides


def roles(side: str) -> tuple[str, ...]:
    return tuple(label for label, label_side in role_sides().items() if label_side == side)


@cache
def case_types() -> tuple[str, ...]:
    """Case-type codes (类型代字) of the SPC's standard: 民初, 执恢, 破申, 刑更 …"""
    return words("case_types.tsv")


@cache
def court_codes() -> tuple[str, ...]:
    """Court codes of the high courts and the SPC (京, 内, 兵, 最高法 …)."""
    return words("court_codes.tsv")


# The names of the upper levels of the civil causes, printed as comment headings in the data
# files (# ===== 第九部分 侵权责任纠纷 =====, # --- 十七、劳动争议 ---): a notice may name its case
# by one of them when no narrower cause fits.
HEADING = regex.compile(r"^#\s*(?:=+\s*第[一二三四五六七八九十]+部分\s*|-+\s*[一二三四五六七八九十百]+、\s*)(?P<name>[^=\-\s（(]+)")


@cache
def headings(name: str) -> tuple[str, ...]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    found = []
    for line in lines:
        m = HEADING.match(line)
        if m:
            found.extend(part for part in m.group("name").split("、") if part.endswith(("纠纷", "争议")))
            if not m.group("name").endswith(("纠纷", "争议")) and "、" in m.group("name"):
                continue
            found.append(m.group("name"))
    return tuple(dict.fromkeys(found))


@cache
def causes() -> tuple[str, ...]:
    """Every cause of action or charge a notice may name: civil causes (the 2025 revision in force
    since 2026, and the 2020 one older notices print), administrative causes, criminal charges
    and the penalty-change and special criminal procedures, and labour-dispute causes, each as
    listed officially."""
    names = []
    for name in ("civil_causes_2025.txt", "civil_causes.txt", "criminal_charges.txt", "criminal_procedures.txt",
                 "labour_disputes.txt", "administrative_causes.txt"):
        names.extend(words(name))
    for name in ("civil_causes_2025.txt", "civil_causes.txt", "labour_disputes.txt"):
        names.extend(headings(name))
    # The maritime causes are listed for 海上、通海水域…; a notice names the one its case is of
    # (海上货物运输合同纠纷).
    names.extend(name.replace("海上、通海水域", water) for name in list(names) if "海上、通海水域" in name
                 for water in ("海上", "通海水域"))
    return tuple(dict.fromkeys(names))
