"""write_all() and the WRITERS table: every export on disk, deterministic, written atomically."""
from __future__ import annotations

import json
import os

import pytest
from export_fixtures import all_cases, all_notices

import notices.export as export
from notices.export import FILE_NAMES, STORE_EXPORTS, WRITERS, write_all, write_atomic
from notices.export.common import notice_sort_key

STORE_FILES = ["notices.csv", "cases.csv", "notices.xlsx", "notices.jsonl", "hearings.ics"]
REVIEW = {"review.html": b"<!DOCTYPE html>index", "review/run-0001.html": b"<!DOCTYPE html>run"}


def test_writers_cover_every_format():
    assert sorted(WRITERS) == sorted(["csv", "cases-csv", "xlsx", "jsonl", "ics", "html"])
    for writer in WRITERS.values():
        assert isinstance(writer(all_notices(), all_cases()), bytes)


def test_write_all_writes_the_store_exports_and_the_review_files(tmp_path):
    out = tmp_path / "exports"
    paths = write_all(out, all_notices(), all_cases(), REVIEW)
    assert [p.relative_to(out).as_posix() for p in paths] == STORE_FILES + list(REVIEW)
    assert sorted(os.listdir(out)) == sorted(STORE_FILES + ["review", "review.html"])  # no temp files left
    assert os.listdir(out / "review") == ["run-0001.html"]
    for name, path in zip(STORE_EXPORTS, paths):
        assert path.read_bytes() == WRITERS[name](all_notices(), all_cases())
    assert (out / "review" / "run-0001.html").read_bytes() == REVIEW["review/run-0001.html"]


def test_rewriting_gives_identical_bytes(tmp_path):
    first = {p.name: p.read_bytes() for p in write_all(tmp_path / "a", all_notices(), all_cases(), {})}
    second = {p.name: p.read_bytes() for p in write_all(tmp_path / "b", all_notices()[::-1], all_cases()[::-1], {})}
    assert first == second


def test_empty_input_still_writes_valid_files(tmp_path):
    paths = write_all(tmp_path, [], [], {})
    assert {p.name for p in paths} == {FILE_NAMES[name] for name in STORE_EXPORTS}
    assert (tmp_path / "notices.jsonl").read_bytes() == b""
    assert (tmp_path / "hearings.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_jsonl_is_the_design_record_one_per_line():
    lines = WRITERS["jsonl"](all_notices(), all_cases()).decode("utf-8").splitlines()
    ordered = sorted(all_notices(), key=notice_sort_key)
    assert [json.loads(line) for line in lines] == [n.record() for n in ordered]
    assert lines[0] == json.dumps(ordered[0].record(), ensure_ascii=False, sort_keys=True)
    assert "青岛海润达国际贸易有限公司" in lines[0]  # not \\u-escaped


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "notices.csv"
    target.write_bytes(b"old")

    def broken_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(export.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["notices.csv"]


def test_exports_are_written_as_a_set(tmp_path, monkeypatch):
    """A run that fails (or is killed) while it renders the exports leaves the old set whole,
    not new CSVs beside an old calendar."""
    old = {p.name: p.read_bytes() for p in write_all(tmp_path, all_notices()[:2], all_cases()[:1], {})}

    def broken(notices, cases):
        raise RuntimeError("killed while rendering")

    monkeypatch.setitem(export.WRITERS, "ics", broken)  # the last of five: four are rendered by then
    with pytest.raises(RuntimeError):
        write_all(tmp_path, all_notices(), all_cases(), REVIEW)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old  # and no temp file left


def test_files_get_the_umask_mode_not_a_private_temp_mode(tmp_path):
    umask = os.umask(0o022)
    try:
        write_all(tmp_path, all_notices(), all_cases(), REVIEW)
    finally:
        os.umask(umask)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) == 7 and {(p.stat().st_mode & 0o777) for p in files} == {0o644}


ACTING = "\x00\x1b\x07\x7f\x85\u202e\u2066\u2028\u2029"  # NUL ESC BEL DEL NEL RLO LRI LS PS


def acting_notice():
    """A notice whose party, venue and text carry characters that act instead of being read."""
    from export_fixtures import arbitration_hearing

    notice = arbitration_hearing()
    name = f"恶意{ACTING}科技有限公司"
    return notice.model_copy(update={"respondents": [name], "venue": f"本委{ACTING}仲裁庭",
                                     "text": notice.text.replace("青岛海润达国际贸易有限公司", name)}).with_id()


@pytest.mark.parametrize("name", ["csv", "cases-csv", "html", "ics"])
def test_acting_characters_never_reach_an_export(name):
    from notices.cases import build_cases

    notice = acting_notice()
    text = WRITERS[name]([notice], build_cases([notice], {notice.id: 1})).decode("utf-8-sig")
    assert "科技有限公司" in text
    assert not [ch for ch in ACTING if ch in text], name


def test_review_page_shows_acting_characters_as_codes():
    text = WRITERS["html"]([acting_notice()], []).decode("utf-8")
    assert "恶意\\x00\\x1b\\x07\\x7f\\x85\\u202e\\u2066\\u2028\\u2029科技有限公司" in text


def test_jsonl_escapes_acting_characters_and_keeps_them_in_the_record():
    data = WRITERS["jsonl"]([acting_notice()], [])
    text = data.decode("utf-8")
    assert not [ch for ch in ACTING if ch in text]
    assert len(text.splitlines()) == 1  # str.splitlines breaks on U+0085, U+2028, U+2029
    assert json.loads(text)["respondents"] == [f"恶意{ACTING}科技有限公司"]


def test_xlsx_drops_acting_characters():
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(WRITERS["xlsx"]([acting_notice()], [])))
    cells = [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value]
    assert "恶意科技有限公司" in cells
    assert not [ch for cell in cells for ch in ACTING if ch in cell]
