"""Terminal tables: fit the width, count CJK as double width, reject unknown columns."""
from __future__ import annotations

import pytest
import tabulate
from export_fixtures import ARBITRATION_CASE, COURT_CASE, all_cases, all_notices

from notices.export.common import display_width
from notices.export.table import (
    CASE_TABLE_COLUMNS,
    NOTICE_TABLE_COLUMNS,
    fit_widths,
    render_cases_table,
    render_notices_table,
    shorten,
)


def test_tabulate_measures_wide_characters():
    assert tabulate.WIDE_CHARS_MODE, "install wcwidth: without it CJK columns do not line up"


@pytest.mark.parametrize("width", [40, 60, 80, 100, 140])
def test_notice_table_fits_the_terminal(width):
    table = render_notices_table(all_notices(), width=width)
    lines = table.splitlines()
    assert len(lines) == len(all_notices()) + 2  # header, rule, one line per notice
    assert max(display_width(line) for line in lines) <= width


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_case_table_fits_the_terminal(width):
    lines = render_cases_table(all_cases(), width=width).splitlines()
    assert len(lines) == len(all_cases()) + 2
    assert max(display_width(line) for line in lines) <= width


def test_columns_line_up_with_chinese_text():
    # The last column starts at the same display column on every line, whatever CJK text precedes it.
    lines = render_notices_table(all_notices(), columns=["respondents", "case_numbers", "published"]).splitlines()
    starts = {display_width(line[: line.index("2026-")]) for line in lines[2:]}
    assert starts == {display_width(lines[0][: lines[0].index("published")])}


def test_too_narrow_a_terminal_still_shows_every_row_and_column():
    lines = render_notices_table(all_notices(), width=20).splitlines()
    assert len(lines) == len(all_notices()) + 2
    assert len(lines[1].split()) == 6


def test_long_names_are_shortened_only_when_needed():
    narrow = render_notices_table(all_notices(), columns=["respondents", "case_numbers"], width=40)
    assert "…" in narrow and ARBITRATION_CASE not in narrow
    wide = render_notices_table(all_notices(), columns=["respondents", "case_numbers"])
    assert "…" not in wide and ARBITRATION_CASE in wide and COURT_CASE in wide


def test_shorten_counts_double_width():
    assert shorten("青岛海润达国际贸易有限公司", 9) == "青岛海润…"
    assert display_width(shorten("青岛海润达国际贸易有限公司", 10)) <= 10
    assert shorten("abc", 3) == "abc"


def test_fit_widths_narrows_the_widest_first():
    assert fit_widths([10, 40, 20], [5, 5, 5], 50) == [10, 18, 18]
    assert fit_widths([10, 10], [8, 8], 10) == [8, 8]  # cannot fit: stops at the minimum


def test_chosen_columns_in_the_order_given():
    header = render_notices_table(all_notices(), columns=["hearing", "id"]).splitlines()[0].split()
    assert header == ["hearing", "id"]


def test_valid_column_names_are_exposed():
    assert {"published", "respondents", "case_numbers", "hearing", "venue", "deadlines"} <= set(NOTICE_TABLE_COLUMNS)
    assert {"case_number", "hearing", "moves"} <= set(CASE_TABLE_COLUMNS)


def test_unknown_column_lists_the_valid_ones():
    with pytest.raises(ValueError) as error:
        render_notices_table(all_notices(), columns=["respondents", "judge"])
    assert "judge" in str(error.value) and "case_numbers" in str(error.value)
    with pytest.raises(ValueError, match="hearing"):
        render_cases_table(all_cases(), columns=["nope"])


def test_terminal_control_sequences_are_removed():
    table = render_notices_table(all_notices(), columns=["text"])
    assert "\x1b" not in table and "\x07" not in table
    assert "红字" in table


def test_moved_case_shows_its_new_hearing():
    table = render_cases_table(all_cases(), columns=["case_number", "hearing", "moves"])
    line = next(line for line in table.splitlines() if ARBITRATION_CASE in line)
    assert "2026-06-23 09:30" in line and line.rstrip().endswith("1")


def test_case_numbers_are_cut_in_the_middle_keeping_their_distinct_end():
    table = render_cases_table(all_cases(), columns=["case_number", "respondents"], width=36)
    line = next(line for line in table.splitlines() if "2888号" in line)
    assert "…" in line.split()[0] and line.split()[0].startswith("青黄")
    assert shorten("青黄劳人仲案字[2026]第2888号", 16, middle=True) == "青黄劳人…2888号"  # 15 columns


@pytest.mark.parametrize("width", [70, 80])
def test_dates_and_times_are_not_cut_while_other_cells_can_give_way(width):
    table = render_notices_table(all_notices(), width=width)
    assert "2026-06-09 14:00" in table and "2026-03-25" in table
    assert max(display_width(line) for line in table.splitlines()) <= width


def test_text_that_starts_with_a_date_keeps_its_date_when_the_table_is_narrow():
    from notices.export.columns import Column
    from notices.export.table import render

    columns = [Column("next", "下次开庭 Next", lambda r: r[0]), Column("who", "当事人 Who", lambda r: r[1])]
    table = render(columns, [("2027-04-12 09:30 [计算][暂定]", "青岛佳豪塑钢门窗有限公司" * 3)], 30)
    assert "2027-04-12 09:30…" in table and all(display_width(line) <= 30 for line in table.splitlines())
