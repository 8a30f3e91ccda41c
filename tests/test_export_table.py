"""Terminal tables: fit the width, never cut what a reader acts on, count CJK as double width,
reject unknown columns."""
from __future__ import annotations

import re

import pytest
import tabulate
from export_fixtures import ARBITRATION_CASE, COURT_CASE, all_cases, all_notices

from notices.export.common import display_width, sorted_cases, sorted_notices
from notices.export.table import (
    CASE_TABLE_COLUMNS,
    NOTICE_TABLE_COLUMNS,
    fit_widths,
    one_line,
    render_cases_table,
    render_notices_table,
    shorten,
    wrap,
)


def test_tabulate_measures_wide_characters():
    assert tabulate.WIDE_CHARS_MODE, "install wcwidth: without it CJK columns do not line up"


def columns_of(table: str) -> tuple[list[str], list[str]]:
    """A rendered table's header and the text of each column, its lines joined (where a cell
    wrapped, the parts are joined without the blank at the break), read off the rule line."""
    lines = table.splitlines()
    rule = next(i for i, line in enumerate(lines) if set(line) <= {"-", " "} and "-" in line)
    extents = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[rule])]

    def cell(line: str, start: int, end: int) -> str:
        kept, at = [], 0
        for char in line:
            if start <= at < end:
                kept.append(char)
            at += display_width(char)
        return "".join(kept).strip()

    body = lines[rule + 1:lines.index("")] if "" in lines else lines[rule + 1:]  # a note follows a blank line
    headers = [" ".join(cell(line, *extent) for line in lines[:rule]) for extent in extents]
    return headers, ["".join(cell(line, *extent) for line in body) for extent in extents]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("width", [60, 80, 100, 120, 140])
def test_notice_table_fits_the_terminal_and_never_cuts_what_matters(width):
    notices = sorted_notices(all_notices())
    table = render_notices_table(notices, width=width)
    assert max(display_width(line) for line in table.splitlines()) <= width
    headers, texts = columns_of(table)
    shown = {header.split()[0][:2]: text for header, text in zip(headers, texts)}  # headers may be shortened
    assert squeezed(shown["案号"]) == squeezed("".join("、".join(n.case_numbers) for n in notices))
    assert squeezed(shown["被申"]) == squeezed(
        "".join(one_line("；".join(n.respondents)) for n in notices))
    hearings = [n.hearing_datetime.strftime("%Y-%m-%d %H:%M") for n in notices if n.hearing_datetime]
    assert all(hearing[:10] in table for hearing in hearings)  # a date stays on its line
    assert all(hearing in table for hearing in hearings) or width < 80  # and its time, at 80 columns


@pytest.mark.parametrize("width", [80, 120])
def test_case_numbers_and_hearing_times_are_whole_on_their_line(width):
    table = render_notices_table(all_notices(), width=width)
    for notice in all_notices():
        assert all(number in table for number in notice.case_numbers), (width, notice.case_numbers)


def test_columns_that_give_way_leave_the_table_and_it_says_which():
    table = render_notices_table(all_notices(), width=80)
    headers, _ = columns_of(table)
    assert headers == ["被申请人/被告 Respondents", "案号 Case numbers", "开庭时间(北京… Hearing (UTC+…", "问题 Problems"]
    assert table.splitlines()[-2:] == ["", "(left out at 80 columns: page, published, type, venue; --width, --columns)"]
    wide = render_notices_table(all_notices(), width=240)
    assert "left out" not in wide and len(columns_of(wide)[0]) == 8


def test_headers_are_the_files_bilingual_ones_chinese_over_english():
    lines = render_notices_table(all_notices(), columns=["published", "respondents"]).splitlines()
    assert lines[0].split() == ["公告日期", "被申请人/被告"] and lines[1].split() == ["Published", "Respondents"]


def test_page_column_when_several_pages_and_problems_when_there_are_any():
    notices = all_notices()
    headers = columns_of(render_notices_table(notices))[0]
    assert headers[0] == "来源页 Page" and headers[-1] == "问题 Problems"
    one_page = [notice for notice in notices if notice.page == notices[0].page and not notice.problems]
    headers = columns_of(render_notices_table(one_page))[0]
    assert "来源页 Page" not in headers and "问题 Problems" not in headers
    problems = columns_of(render_notices_table(notices, columns=["problems"]))[1][0]
    assert "case_numbers" in problems and "not_found" not in problems  # the fields; the files say why


@pytest.mark.parametrize("width", [60, 80, 120])
def test_case_table_fits_the_terminal(width):
    table = render_cases_table(all_cases(), width=width)
    assert max(display_width(line) for line in table.splitlines()) <= width
    numbers = squeezed(columns_of(table)[1][0])
    assert numbers == squeezed("".join(case.case_number or "" for case in sorted_cases(all_cases())))
    assert all(case.case_number in table for case in all_cases() if case.case_number) or width < 80


def test_too_narrow_a_terminal_still_shows_every_case_number_and_name_wrapped():
    table = render_notices_table(all_notices(), width=24)
    assert max(display_width(line) for line in table.splitlines()) <= 24
    texts = columns_of(table)[1]
    assert squeezed(texts[1]) == squeezed("".join("、".join(n.case_numbers) for n in sorted_notices(all_notices())))


def test_columns_line_up_with_chinese_text():
    # The last column starts at the same display column on every line, whatever CJK text precedes it.
    lines = render_notices_table(all_notices(), columns=["respondents", "case_numbers", "published"]).splitlines()
    dated = [line for line in lines[3:] if "2026-" in line]
    starts = {display_width(line[: line.index("2026-")]) for line in dated}
    assert starts == {display_width(lines[0][: lines[0].index("公告日期")])}


def test_long_values_of_columns_that_give_way_are_shortened_only_when_needed():
    narrow = render_notices_table(all_notices(), columns=["respondents", "case_numbers", "venue"], width=80)
    assert "…" in narrow.split("\n", 3)[3]
    wide = render_notices_table(all_notices(), columns=["respondents", "case_numbers", "venue"])
    assert "…" not in wide and ARBITRATION_CASE in wide and COURT_CASE in wide


def test_wrap_breaks_after_list_marks_and_keeps_everything():
    assert wrap("李建国；青岛鑫源建材有限公司", 16) == ["李建国；", "青岛鑫源建材有限", "公司"]
    assert wrap("abc", 3) == ["abc"]
    assert "".join(wrap("青黄劳人仲案字[2026]第2888号", 10)) == "青黄劳人仲案字[2026]第2888号"


def test_shorten_counts_double_width():
    assert shorten("青岛海润达国际贸易有限公司", 9) == "青岛海润…"
    assert display_width(shorten("青岛海润达国际贸易有限公司", 10)) <= 10
    assert shorten("abc", 3) == "abc"


def test_fit_widths_narrows_the_widest_first():
    assert fit_widths([10, 40, 20], [5, 5, 5], 50) == [10, 18, 18]
    assert fit_widths([10, 10], [8, 8], 10) == [8, 8]  # cannot fit: stops at the minimum


def test_chosen_columns_in_the_order_given():
    header = render_notices_table(all_notices(), columns=["hearing", "id"]).splitlines()[1].split()
    assert header == ["Hearing", "(UTC+8)", "ID"]


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


def test_a_path_is_cut_in_the_middle_keeping_its_distinct_end():
    assert shorten("青黄劳人仲案字[2026]第2888号", 16, middle=True) == "青黄劳人…2888号"  # 15 columns
    table = render_notices_table(all_notices(), columns=["page", "case_numbers"], width=40)
    assert all(line.split()[0].endswith(".txt") for line in table.splitlines()[3:] if "…" in line.split()[0])


@pytest.mark.parametrize("width", [70, 80])
def test_dates_and_times_are_not_cut_while_other_cells_can_give_way(width):
    table = render_notices_table(all_notices(), columns=["published", "hearing", "venue", "authority"], width=width)
    assert "2026-06-09 14:00" in table and "2026-03-25" in table and "…" in table
    assert max(display_width(line) for line in table.splitlines()) <= width


def test_text_that_starts_with_a_date_keeps_its_date_when_the_table_is_narrow():
    from notices.export.columns import Column
    from notices.export.table import render

    columns = [Column("next", "下次开庭 Next", lambda r: r[0]), Column("who", "当事人 Who", lambda r: r[1])]
    table = render(columns, [("2027-04-12 09:30 [计算][暂定]", "青岛佳豪塑钢门窗有限公司" * 3)], 30)
    assert "2027-04-12 09:30…" in table and all(display_width(line) <= 30 for line in table.splitlines())
