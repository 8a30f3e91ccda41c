"""`notices extract` and `notices eval` run as a user runs them: `python -m notices …` in the
repository, output read from a pipe; notices.cli.main() with capsys where that is enough."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from notices.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SEED = "seeds/001_b5eb491884ba4549.txt"
RESPONDENTS = ["青岛意合达金属制品有限公司", "青岛佳豪塑钢门窗有限公司", "山东安齐建筑安装劳务有限公司",
               "济南染优传媒有限公司", "新地能源工程技术有限公司"]  # the last one is served twice
CASE_NUMBERS = ["青黄劳人仲案字[2025]第7062号", "青黄劳人仲案字[2026]第2888号", "青黄劳人仲案字[2024]第22211号",
                "青黄劳人仲案字[2025]第10248号", "青黄劳人仲案字[2026]第1450号", "青黄劳人仲案字[2024]第22211-1号"]
VENUES = ["青岛西海岸新区双珠路1688号明珠便民服务中心306-2室", "青岛西海岸新区长江中路359号213室"]
RECORD_KEYS = {"page", "span", "notice_type", "authority", "respondents", "claimants", "case_numbers", "dispute_type",
               "hearing_datetime", "venue", "publication_date", "documents", "deadlines", "evidence", "problems", "id"}
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"labelled corpus not found at {CORPUS}")


def run(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m notices ARGS` with stdout and stderr piped; bytes out, so the BOM shows."""
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    environment.pop("COLUMNS", None)
    return subprocess.run([sys.executable, "-m", "notices", *args], cwd=cwd, capture_output=True, timeout=120,
                          env=environment)


def text(data: bytes) -> str:
    return data.decode("utf-8")


def jsonl(data: bytes) -> list[dict]:
    lines = [line for line in text(data).splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


def assert_one_clean_line(stderr: bytes, *must_contain: str) -> str:
    message = text(stderr)
    assert "Traceback" not in message
    lines = message.strip().splitlines()
    assert len(lines) == 1, message
    assert lines[0].startswith("notices:"), message
    for part in must_contain:
        assert part in lines[0], message
    return lines[0]


@pytest.fixture(autouse=True)
def in_repository(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def seed_jsonl() -> subprocess.CompletedProcess:
    return run("extract", SEED, "--format", "jsonl")


# -- table -------------------------------------------------------------------------------------

def test_table_of_the_seed_page():
    result = run("extract", SEED)
    assert result.returncode == 0, text(result.stderr)
    out = text(result.stdout)
    for name in RESPONDENTS + CASE_NUMBERS + VENUES:  # piped: nothing cut
        assert name in out, name
    assert "…" not in out
    rows = [line for line in out.splitlines() if re.match(r"\d{4}-\d{2}-\d{2}", line)]
    assert len(rows) == 6
    assert sum("山东安齐建筑安装劳务有限公司" in row for row in rows) == 2
    assert "6 notices in 1 page\n" == text(result.stderr)


def test_table_with_a_narrow_terminal_is_still_whole_when_piped():
    result = run("extract", SEED, env={"COLUMNS": "40"})
    assert result.returncode == 0
    assert all(name in text(result.stdout) for name in RESPONDENTS + VENUES)


def test_table_columns_option(capsys):
    assert main(["extract", SEED, "--columns", "respondents,venue"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0].split()
    assert header == ["被申请人/被告", "开庭地点"] and out.splitlines()[1].split() == ["Respondents", "Venue"]
    assert all(name in out for name in RESPONDENTS + VENUES)
    assert "青黄劳人仲案字" not in out  # the case number column was not asked for


def test_table_of_a_directory(capsys):
    assert main(["extract", "seeds/"]) == 0
    captured = capsys.readouterr()
    rows = [line for line in captured.out.splitlines() if re.match(r"\d{4}-\d{2}-\d{2}", line)]
    assert len(rows) == 6
    assert "6 notices in 5 pages" in captured.err


# -- jsonl -------------------------------------------------------------------------------------

def test_jsonl_records(seed_jsonl):
    assert seed_jsonl.returncode == 0, text(seed_jsonl.stderr)
    records = jsonl(seed_jsonl.stdout)
    assert len(records) == 6
    for record in records:
        assert RECORD_KEYS <= set(record), RECORD_KEYS - set(record)
        assert record["page"] == SEED
        assert isinstance(record["span"], list) and len(record["span"]) == 2 and record["span"][0] < record["span"][1]
        assert re.fullmatch(r"[0-9a-f]{16}", record["id"])
        assert record["publication_date"] == "2026-03-25"
        assert record["authority"].endswith("劳动人事争议仲裁委员会")
        assert all(d["computed"] is True and {"kind", "date", "rule", "basis"} <= set(d) for d in record["deadlines"])
        for spans in record["evidence"].values():
            assert all(isinstance(s, list) and len(s) == 2 for s in spans)
    assert sorted(name for r in records for name in r["respondents"]) == sorted(RESPONDENTS + [RESPONDENTS[2]])
    assert sorted(number for r in records for number in r["case_numbers"]) == sorted(CASE_NUMBERS)
    assert len({r["id"] for r in records}) == 6
    hearings = {r["hearing_datetime"] for r in records if r["notice_type"] == "hearing"}
    assert hearings == {"2026-06-09T14:00:00+08:00", "2026-05-15T09:30:00+08:00"}


def test_jsonl_spans_and_evidence_point_into_the_page(seed_jsonl):
    page = (ROOT / SEED).read_text(encoding="utf-8")
    for record in jsonl(seed_jsonl.stdout):
        start, end = record["span"]
        for name in record["respondents"]:
            assert name in page[start:end]
        for (s, e), value in zip(record["evidence"]["respondents"], record["respondents"]):
            assert page[s:e] == value


def test_jsonl_page_is_the_path_as_given():
    absolute = str(ROOT / SEED)
    assert {r["page"] for r in jsonl(run("extract", absolute, "--format", "jsonl").stdout)} == {absolute}
    from_dir = jsonl(run("extract", "seeds", "--format", "jsonl").stdout)
    assert len(from_dir) == 6 and {r["page"] for r in from_dir} == {SEED}


def test_jsonl_page_keeps_a_leading_dot_slash():
    given = "./" + SEED
    assert {r["page"] for r in jsonl(run("extract", given, "--format", "jsonl").stdout)} == {given}


def test_ids_are_stable_across_runs(seed_jsonl):
    again = run("extract", SEED, "--format", "jsonl", env={"PYTHONHASHSEED": "12345"})
    assert again.returncode == 0
    assert [r["id"] for r in jsonl(again.stdout)] == [r["id"] for r in jsonl(seed_jsonl.stdout)]
    assert again.stdout == seed_jsonl.stdout  # the whole output, byte for byte


def test_ids_do_not_depend_on_the_file_name(tmp_path, seed_jsonl):
    copy = tmp_path / "another_name.txt"
    shutil.copy(ROOT / SEED, copy)
    moved = jsonl(run("extract", str(copy), "--format", "jsonl").stdout)
    assert [r["id"] for r in moved] == [r["id"] for r in jsonl(seed_jsonl.stdout)]


# -- csv ---------------------------------------------------------------------------------------

def test_csv_has_a_bom_a_header_and_six_rows():
    result = run("extract", SEED, "--format", "csv")
    assert result.returncode == 0, text(result.stderr)
    assert result.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8-sig"), newline="")))
    assert len(rows) == 7
    header = rows[0]
    assert len(set(header)) == len(header)
    assert all(len(row) == len(header) for row in rows[1:])
    respondents = next(i for i, name in enumerate(header) if "Respondents" in name)
    assert sorted(row[respondents] for row in rows[1:]) == sorted(RESPONDENTS + [RESPONDENTS[2]])
    assert b"\r\n" in result.stdout


# -- directories and unreadable pages ----------------------------------------------------------

def test_directory_argument_processes_every_page(seed_jsonl):
    result = run("extract", "seeds/", "--format", "jsonl")
    assert result.returncode == 0, text(result.stderr)
    records = jsonl(result.stdout)
    assert len(records) == 6
    assert [r["id"] for r in records] == [r["id"] for r in jsonl(seed_jsonl.stdout)]


def test_unreadable_page_among_good_ones(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(ROOT / SEED, pages / "a_good.txt")
    (pages / "b_photo.txt").write_bytes(PNG)
    shutil.copy(ROOT / "seeds" / "000_2fb530b26a22141a.txt", pages / "c_news.txt")
    result = run("extract", str(pages), "--format", "jsonl")
    assert result.returncode == 1
    records = jsonl(result.stdout)
    assert len(records) == 6
    assert {r["page"] for r in records} == {str(pages / "a_good.txt")}
    err = text(result.stderr)
    assert "Traceback" not in err
    complaints = [line for line in err.splitlines() if "b_photo.txt" in line]
    assert len(complaints) == 1 and complaints[0].startswith("notices:")
    assert "binary" in complaints[0]


def test_unreadable_page_in_a_table_run(tmp_path):
    photo = tmp_path / "photo.txt"
    photo.write_bytes(PNG)
    result = run("extract", str(photo), SEED)
    assert result.returncode == 1
    assert all(name in text(result.stdout) for name in RESPONDENTS)
    err = text(result.stderr)
    assert "Traceback" not in err and str(photo) in err
    assert "6 notices in 1 page; 1 page could not be read" in err


# -- bad use -----------------------------------------------------------------------------------

def test_missing_file():
    result = run("extract", "seeds/no_such_page.txt")
    assert result.returncode == 2
    assert_one_clean_line(result.stderr, "seeds/no_such_page.txt")
    assert result.stdout == b""


def test_missing_file_among_good_ones(capsys):
    assert main(["extract", SEED, "nope/missing.txt"]) == 2
    captured = capsys.readouterr()
    assert_one_clean_line(captured.err.encode(), "nope/missing.txt")


def test_unknown_option():
    result = run("extract", "--bogus", SEED)
    assert result.returncode == 2
    assert text(result.stderr) == ("notices extract: unrecognized arguments: --bogus "
                                   "(see `notices extract --help`)\n")  # one line, naming the command
    assert result.stdout == b""


@pytest.mark.parametrize("argv, line", [
    (["extrct", SEED], "notices: argument COMMAND: invalid choice 'extrct'; did you mean 'extract'? "
                       "(see `notices --help`)"),
    (["extract", SEED, "--formt", "csv"], "notices extract: unrecognized arguments: --formt csv; did you mean "
                                          "'--format'? (see `notices extract --help`)"),
    (["cases", "--widht", "60"], "notices cases: unrecognized arguments: --widht 60; did you mean '--width'? "
                                 "(see `notices cases --help`)"),
    (["watch", "ad", "某公司"], "notices watch: argument ACTION: invalid choice 'ad'; did you mean 'add'? "
                              "(see `notices watch --help`)"),
    (["frobnicate"], "notices: argument COMMAND: invalid choice: 'frobnicate' (choose from 'extract', 'eval', "
                     "'run', 'cases', 'case', 'hearings', 'deadlines', 'watch', 'export') (see `notices --help`)"),
    (["extract"], "notices extract: the following arguments are required: PAGE (see `notices extract --help`)"),
])
def test_a_mistyped_command_line_is_one_line_with_what_was_meant(argv, line, capsys):
    with pytest.raises(SystemExit) as leaving:
        main(argv)
    assert leaving.value.code == 2
    assert capsys.readouterr().err == line + "\n"


@pytest.mark.parametrize("argv", [[], ["extract", SEED, "--format", "xml"]])
def test_bad_command_lines_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as leaving:
        main(argv)
    assert leaving.value.code == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert re.fullmatch(r"notices \d+\.\d+\.\d+\S*\n", text(result.stdout))


def test_dash_reads_a_page_from_standard_input():
    page = (ROOT / SEED).read_bytes()
    result = subprocess.run([sys.executable, "-m", "notices", "extract", "-", "--format", "jsonl"], cwd=ROOT,
                            input=page, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    from_file = [json.loads(line) for line in run("extract", SEED, "--format", "jsonl").stdout.splitlines()]
    assert [record["page"] for record in records] == ["(standard input)"] * 6
    assert [r["case_numbers"] for r in records] == [r["case_numbers"] for r in from_file]


def test_an_empty_folder_is_its_own_exit_code(tmp_path):
    result = run("extract", str(tmp_path))
    assert (result.returncode, text(result.stderr)) == (4, f"notices: no page files in {tmp_path}\n")


def test_unknown_column():
    result = run("extract", SEED, "--columns", "respondents,no_such_column")
    assert result.returncode == 2
    line = assert_one_clean_line(result.stderr, "no_such_column")
    assert "respondents" in line.split("no_such_column", 1)[1]  # the valid columns are listed
    assert result.stdout == b""


def test_unknown_column_with_another_format(capsys):
    assert main(["extract", SEED, "--format", "csv", "--columns", "no_such_column"]) == 2


def test_broken_pipe_leaves_no_traceback(tmp_path):
    for n in range(30):  # more output than a pipe holds
        shutil.copy(ROOT / SEED, tmp_path / f"p{n:02d}.txt")
    process = subprocess.Popen([sys.executable, "-m", "notices", "extract", str(tmp_path), "--format", "jsonl"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) in (0, 1)
    assert json.loads(first)["page"].startswith(str(tmp_path))
    assert "Traceback" not in err and "BrokenPipe" not in err


# -- eval --------------------------------------------------------------------------------------

ROW = re.compile(r"^(?P<field>[a-z_]+)\s+(?P<tp>\d+)\s+(?P<fp>\d+)\s+(?P<fn>\d+)\s+"
                 r"(?P<precision>[\d.]+)\s+(?P<recall>[\d.]+)\s+(?P<f1>[\d.]+)\s*$")
EVAL_FIELDS = {"notice_type", "authority", "respondents", "claimants", "case_numbers", "dispute_type",
               "hearing_datetime", "venue", "publication_date"}


def score_rows(output: str) -> dict[str, dict[str, float]]:
    rows = {}
    for line in output.splitlines():
        m = ROW.match(line)
        if m:
            rows[m["field"]] = {k: float(v) for k, v in m.groupdict().items() if k != "field"}
    return rows


def assert_scores_add_up(rows: dict[str, dict[str, float]]) -> None:
    for field, r in rows.items():
        if r["tp"] + r["fp"]:
            assert r["precision"] == pytest.approx(r["tp"] / (r["tp"] + r["fp"]), abs=0.01), field
        if r["tp"] + r["fn"]:
            assert r["recall"] == pytest.approx(r["tp"] / (r["tp"] + r["fn"]), abs=0.01), field
        if r["precision"] + r["recall"]:
            f1 = 2 * r["precision"] * r["recall"] / (r["precision"] + r["recall"])
            assert r["f1"] == pytest.approx(f1, abs=0.01), field


@needs_corpus
def test_eval_on_the_dev_corpus():
    result = run("eval", str(CORPUS))
    assert result.returncode == 0, text(result.stderr)
    out = text(result.stdout)
    header = next(line for line in out.splitlines() if line.startswith("field"))
    assert header.split() == ["field", "tp", "fp", "fn", "precision", "recall", "F1"]
    rows = score_rows(out)
    assert EVAL_FIELDS <= set(rows), EVAL_FIELDS - set(rows)
    assert_scores_add_up(rows)
    low = {field: r["f1"] for field, r in rows.items() if r["f1"] < 0.95}
    assert not low, f"F1 below 0.95: {low}"
    assert sum(r["tp"] for r in rows.values()) > 400  # the corpus was really scored


@needs_corpus
def test_eval_sees_a_wrong_record(tmp_path, capsys):
    """A gold record that disagrees with the extractor lowers the scores: eval is not a rubber stamp."""
    for name in ("seed-001", "arb-001"):
        shutil.copy(CORPUS / f"{name}.txt", tmp_path / f"{name}.txt")
        shutil.copy(CORPUS / f"{name}.json", tmp_path / f"{name}.json")
    gold = json.loads((tmp_path / "seed-001.json").read_text(encoding="utf-8"))
    gold["respondents"] = ["某某不存在有限公司"]
    (tmp_path / "seed-001.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert main(["eval", str(tmp_path)]) == 0
    rows = score_rows(capsys.readouterr().out)
    assert rows["respondents"]["fp"] >= 1 and rows["respondents"]["fn"] >= 1
    assert rows["respondents"]["f1"] < 1
    assert rows["case_numbers"]["f1"] == 1
    assert_scores_add_up(rows)


def test_eval_of_a_missing_directory(tmp_path):
    result = run("eval", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert_one_clean_line(result.stderr, "nowhere")


def test_every_argument_of_every_command_says_what_it_is():
    import argparse

    from notices.cli import build_parser

    def parsers(parser):
        yield parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    yield from parsers(sub)

    silent = [(p.prog, a.dest) for p in parsers(build_parser()) for a in p._actions
              if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction)) and not a.help]
    assert silent == []
