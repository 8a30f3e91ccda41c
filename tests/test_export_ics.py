"""hearings.ics, proven with real software: icalendar and vobject parse it, khal imports and lists
it at the right local time, and a Radicale CalDAV server on 127.0.0.1 stores and updates it."""
from __future__ import annotations

import datetime as dt
import shutil
import socket
import subprocess
import sys
import time
import zoneinfo
from pathlib import Path

import icalendar
import pytest
import vobject
from export_fixtures import (
    ARBITRATION_CASE,
    ARBITRATION_VENUE,
    COURT_VENUE,
    all_cases,
    all_notices,
    arbitration_case,
    arbitration_hearing,
    case_of,
    court_service,
    no_number_hearing,
)

from notices.export.ics import hearings_ics
from notices.model import Notice

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
CASE_SUMMARY = f"开庭: 青岛海润达国际贸易有限公司 — {ARBITRATION_CASE}"


def feed(notices=None, cases=None) -> bytes:
    return hearings_ics(all_notices() if notices is None else notices, all_cases() if cases is None else cases)


def events(data: bytes) -> dict[str, icalendar.Event]:
    return {str(e["summary"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_calendar_header_and_timezone():
    calendar = icalendar.Calendar.from_ical(feed())
    assert (calendar["method"], calendar["version"]) == ("PUBLISH", "2.0")
    assert "公告开庭" in str(calendar["x-wr-calname"])
    zone = calendar.walk("VTIMEZONE")[0]
    assert zone["tzid"] == "Asia/Shanghai"
    standard = zone.walk("STANDARD")[0]
    assert standard["tzoffsetto"].td == standard["tzoffsetfrom"].td == dt.timedelta(hours=8)
    assert not zone.walk("DAYLIGHT")


def test_one_event_per_hearing_and_per_computed_date():
    found = events(feed())
    hearings = [s for s in found if s.startswith("开庭")]
    computed = [s for s in found if s.startswith("[计算]")]
    # The moved case once, the court case, and the notice without a case number.
    assert sorted(hearings) == sorted([CASE_SUMMARY, "开庭: 李建国 等 — （2025）鲁0211民初1234号",
                                       "开庭: 青岛蓝海餐饮管理有限公司"])
    assert len(computed) == sum(len(n.deadlines) for n in all_notices())
    uids = [str(e["uid"]) for e in found.values()]
    assert len(set(uids)) == len(uids) == len(found)


def test_hearing_event_fields():
    event = events(feed())[CASE_SUMMARY]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == dt.datetime(2026, 6, 23, 9, 30, tzinfo=SHANGHAI)
    assert event["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert end - start == dt.timedelta(hours=2)
    assert str(event["location"]) == ARBITRATION_VENUE
    assert event["sequence"] == 1  # moved once
    description = str(event["description"])
    for text in ("张晓梅", "劳动报酬争议", ARBITRATION_CASE, "青岛市黄岛区劳动人事争议仲裁委员会",
                 "seeds/qingdao_daily_2026-04-10_p06.txt", "改期自 Moved from: 2026-06-09 14:00"):
        assert text in description
    alarm = event.walk("VALARM")[0]
    assert alarm.decoded("trigger") == dt.timedelta(days=-1) and alarm["action"] == "DISPLAY"
    # DTSTAMP: midnight China time of the notice that set this time (2026-04-10), in UTC.
    assert event.decoded("dtstamp") == dt.datetime(2026, 4, 9, 16, 0, tzinfo=dt.timezone.utc)


def test_computed_dates_are_marked_all_day_events():
    found = events(feed())
    deemed = found[f"[计算] 视为送达: 青岛海润达国际贸易有限公司 — {ARBITRATION_CASE}"]
    assert deemed.decoded("dtstart") == dt.date(2026, 4, 24)
    assert deemed["dtstart"].params.get("VALUE") == "DATE"
    assert deemed.decoded("dtend") == dt.date(2026, 4, 25)
    assert "劳动人事争议仲裁办案规则(2017) 第22条" in str(deemed["description"])
    assert "published 2026-03-25; 30 days" in str(deemed["description"])
    assert deemed["transp"] == "TRANSPARENT"
    computed_hearing = found["[计算] 开庭: 浙江宏图科技有限公司 — （2026）浙0110民初5678号"]
    assert computed_hearing.decoded("dtstart") == dt.datetime(2026, 5, 6, 9, 0, tzinfo=SHANGHAI)
    assert "公告期满后第三日上午9时" in str(computed_hearing["description"])


def test_an_earlier_reading_is_its_own_event_and_each_names_the_other():
    from notices.pipeline import derive

    text = ("张三:现依法向你公告送达起诉状副本。自公告之日起经过30日即视为送达。提出答辩状的期限为公告期满后15日内。")
    record = derive(Notice(page="p.txt", span=(0, len(text)), notice_type="document_service", text=text,
                           respondents=["张三"], publication_date=dt.date(2026, 9, 1))).with_id()
    found = events(feed([record], []))
    # 9-1 + 30 = 10-1, National Day: served 10-8; the earlier reading leaves it on 10-1
    primary, earlier = found["[计算] 视为送达: 张三"], found["[计算][另一读法] 视为送达: 张三"]
    assert (primary.decoded("dtstart"), earlier.decoded("dtstart")) == (dt.date(2026, 10, 8), dt.date(2026, 10, 1))
    assert "较早读法为 2026-10-01" in str(primary["description"])
    assert "主读法为 2026-10-08" in str(earlier["description"])
    assert found["[计算][另一读法] 答辩期限: 张三"].decoded("dtstart") == dt.date(2026, 10, 16)
    assert primary["uid"] != earlier["uid"]


def test_moved_hearing_keeps_uid_and_raises_sequence():
    before = events(feed([arbitration_hearing()], [arbitration_case(moved=False)]))[CASE_SUMMARY]
    after = events(feed(cases=[arbitration_case(moved=True)]))[CASE_SUMMARY]
    assert before["uid"] == after["uid"]
    assert (before["sequence"], after["sequence"]) == (0, 1)
    assert before.decoded("dtstart") != after.decoded("dtstart")


def test_a_hearing_moved_back_counts_both_moves():
    # The store keeps each announced time once: A, B, then A again leaves history [A, B], next A.
    case = arbitration_case(moved=True)
    back = case.model_copy(update={"hearing": case.hearing_history[0]})
    event = events(feed(cases=[back]))[CASE_SUMMARY]
    assert event["sequence"] == 2
    assert event.decoded("dtstart") == dt.datetime(2026, 6, 9, 14, 0, tzinfo=SHANGHAI)


def test_case_without_number_covers_its_notice_once():
    notice = no_number_hearing()
    cases = all_cases() + [case_of(notice, key="parties:青岛蓝海餐饮管理有限公司|刘芳")]
    summaries = [s for s in events(feed(cases=cases)) if "青岛蓝海餐饮" in s and s.startswith("开庭")]
    assert summaries == ["开庭: 青岛蓝海餐饮管理有限公司"]


def test_control_characters_never_reach_the_calendar():
    notice = no_number_hearing().model_copy(update={"respondents": ["青岛\x1b[31m蓝海\x07餐饮\r\n有限公司"],
                                                    "venue": "正阳路\x00177号"})
    data = feed([notice], [])
    assert not set(data.replace(b"\r\n", b"")) & set(range(0x20)) - {0x09}
    summaries = list(events(data))
    assert summaries == ["开庭: 青岛[31m蓝海餐饮\n有限公司"]


def test_same_input_same_bytes_any_order():
    notices, cases = all_notices(), all_cases()
    assert feed(notices, cases) == feed(notices[::-1], cases[::-1])


def long_venue() -> str:
    return ("青岛市黄岛区长江中路216号, 仲裁院三楼第一仲裁庭; 请携带身份证件原件\n及本公告到庭; 反斜杠\\不是转义, "
            * 6)


def test_lines_fold_at_75_octets_without_splitting_characters():
    notice = court_service().model_copy(update={"venue": long_venue()})
    data = feed([notice], [])
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # a fold never cuts a multi-byte character
    assert str(events(data)["开庭: 李建国 等 — （2025）鲁0211民初1234号"]["location"]) == long_venue()


@pytest.mark.parametrize("tail", ["\\", "\\\\", ",", ";", "\n"])
def test_a_fold_never_splits_an_escape(tail):
    for offset in range(0, 160):  # walk the escape across every fold position of two lines
        venue = "青" * (offset // 3) + "a" * (offset % 3) + tail + "尾" * 30
        data = feed([court_service().model_copy(update={"venue": venue})], [])
        lines = data.split(b"\r\n")
        for line, following in zip(lines, lines[1:]):
            if following.startswith(b" "):
                trailing = len(line) - len(line.rstrip(b"\\"))
                assert trailing % 2 == 0, (offset, line, following)  # an escape pair stays on one line
        assert str(events(data)["开庭: 李建国 等 — （2025）鲁0211民初1234号"]["location"]) == venue


def test_vobject_reads_the_same_events():
    data = feed()
    calendar = vobject.readOne(data.decode("utf-8"))
    by_summary = {e.summary.value: e for e in calendar.vevent_list}
    assert by_summary.keys() == events(data).keys()
    hearing = by_summary[CASE_SUMMARY]
    assert hearing.location.value == ARBITRATION_VENUE
    assert hearing.dtstart.value.utcoffset() == dt.timedelta(hours=8)
    assert hearing.dtstart.value.replace(tzinfo=None) == dt.datetime(2026, 6, 23, 9, 30)
    assert hearing.sequence.value == "1"
    assert COURT_VENUE in {e.location.value for e in calendar.vevent_list if hasattr(e, "location")}


def test_vobject_unfolds_and_unescapes_long_chinese_text():
    notice = court_service().model_copy(update={"venue": long_venue()})
    calendar = vobject.readOne(feed([notice], []).decode("utf-8"))
    assert [e.location.value for e in calendar.vevent_list if hasattr(e, "location")] == [long_venue()]


# --- khal: a terminal calendar importing the feed -----------------------------------------

def khal_config(folder: Path, local_timezone: str) -> Path:
    (folder / "calendar").mkdir()
    config = folder / "config"
    config.write_text(f"""[calendars]
[[hearings]]
path = {folder / 'calendar'}
type = calendar

[sqlite]
path = {folder / 'khal.db'}

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = {local_timezone}
default_timezone = {local_timezone}

[default]
default_calendar = hearings
""", encoding="utf-8")
    return config


def khal(config: Path, *args: str) -> str:
    khal_bin = Path(sys.executable).with_name("khal")
    if not khal_bin.exists():
        khal_bin = Path(shutil.which("khal") or pytest.fail("khal is not installed: pip install -e '.[test]'"))
    result = subprocess.run([str(khal_bin), "-c", str(config), *args], capture_output=True, text=True,
                            timeout=60, env={"PATH": "/usr/bin:/bin", "HOME": str(config.parent),
                                             "XDG_DATA_HOME": str(config.parent), "LANG": "C.UTF-8"})
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(("local_timezone", "shown"), [("Asia/Shanghai", "09:30-11:30"),
                                                       ("Europe/Berlin", "03:30-05:30")])
def test_khal_lists_the_hearing_at_local_time(tmp_path, local_timezone, shown):
    source = tmp_path / "hearings.ics"
    source.write_bytes(feed())
    config = khal_config(tmp_path, local_timezone)
    khal(config, "import", "--batch", str(source))
    listing = khal(config, "list", "--format", "{start-time}-{end-time} {title} @ {location}", "2026-06-23", "1d")
    assert f"{shown} {CASE_SUMMARY} @ {ARBITRATION_VENUE}" in listing
    all_day = khal(config, "list", "--format", "{start-end-time-style}{title}", "2026-04-24", "1d")
    assert f"[计算] 视为送达: 青岛海润达国际贸易有限公司 — {ARBITRATION_CASE}" in all_day


# --- Radicale: a CalDAV server on loopback, read back with the caldav client ---------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def radicale_url(tmp_path):
    port = free_port()
    log = (tmp_path / "radicale.log").open("wb")  # a file, not a pipe: a full pipe would block the server
    server = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", "", "--server-hosts", f"127.0.0.1:{port}",
         "--storage-filesystem-folder", str(tmp_path / "storage"), "--auth-type", "none"],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, (tmp_path / "radicale.log").read_text(errors="replace")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "radicale did not start"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def event_objects(data: bytes) -> dict[str, str]:
    """A CalDAV server stores one event per resource: split the feed by UID, each with the VTIMEZONE."""
    calendar = icalendar.Calendar.from_ical(data)
    objects = {}
    for event in calendar.walk("VEVENT"):
        single = icalendar.Calendar()
        single.add("prodid", calendar["prodid"])
        single.add("version", "2.0")
        single.add_component(calendar.walk("VTIMEZONE")[0])
        single.add_component(event)
        objects[str(event["uid"])] = single.to_ical().decode("utf-8")
    return objects


def test_radicale_stores_and_updates_a_moved_hearing(radicale_url):
    import caldav

    client = caldav.DAVClient(url=radicale_url, username="reviewer", password="unused")
    calendar = client.principal().make_calendar(name="hearings")
    before = event_objects(feed([arbitration_hearing()], [arbitration_case(moved=False)]))
    for ics in before.values():
        calendar.add_event(ics, increase_seqno=False)  # store verbatim: SEQUENCE is ours
    uid = next(u for u, ics in before.items() if "开庭: 青岛海润达" in ics)
    stored = calendar.get_event_by_uid(uid).icalendar_component
    assert str(stored["summary"]) == CASE_SUMMARY and str(stored["location"]) == ARBITRATION_VENUE
    assert (stored["sequence"], stored.decoded("dtstart")) == (0, dt.datetime(2026, 6, 9, 14, tzinfo=SHANGHAI))

    after = event_objects(feed([arbitration_hearing()], [arbitration_case(moved=True)]))
    calendar.add_event(after[uid], increase_seqno=False)
    stored = calendar.get_event_by_uid(uid).icalendar_component
    assert (stored["sequence"], stored.decoded("dtstart")) == (1, dt.datetime(2026, 6, 23, 9, 30, tzinfo=SHANGHAI))
    same_uid = [e for e in calendar.get_events() if str(e.icalendar_component["uid"]) == uid]
    assert len(same_uid) == 1
    assert len(calendar.get_events()) == len(before)


def test_a_hearing_printed_without_a_time_is_an_all_day_event():
    """本院定于2026年7月8日… with no time: the day alone, never a midnight event."""
    notice = no_number_hearing().model_copy(update={"hearing_datetime": dt.date(2026, 7, 8)})
    found = [e for e in icalendar.Calendar.from_ical(hearings_ics([notice], [])).walk("VEVENT")
             if str(e["summary"]).startswith("开庭")]
    assert len(found) == 1
    start, end = found[0]["dtstart"].dt, found[0]["dtend"].dt
    assert (type(start), start, end) == (dt.date, dt.date(2026, 7, 8), dt.date(2026, 7, 9))
    assert "time not printed" in str(found[0]["description"])


def test_a_session_that_is_no_trial_is_an_event_of_its_own_kind():
    """A creditors' meeting the notice schedules is in the calendar under its own label, at its
    time and place, and is no hearing."""
    from notices.pipeline import extract_text

    [notice] = extract_text(
        "陕西省西安市中级人民法院\n公告\n本院根据西安秦岭建材有限公司的申请，于2026年3月16日裁定受理西安长乐坊商业管理有限公司"
        "破产清算一案，案号为（2026）陕01破19号。第一次债权人会议定于2026年6月3日上午9时30分通过全国企业破产重整案件信息网召开。"
        "\n陕西省西安市中级人民法院\n二〇二六年四月二日")
    assert notice.hearing_datetime is None
    [meeting] = [e for e in icalendar.Calendar.from_ical(hearings_ics([notice], [])).walk("VEVENT")
                 if str(e["summary"]).startswith("债权人会议")]
    assert meeting.decoded("dtstart") == dt.datetime(2026, 6, 3, 9, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))
    assert str(meeting["location"]) == "全国企业破产重整案件信息网"
    assert "creditors_meeting" in str(meeting["description"]) and "(2026)陕01破19号" in str(meeting["description"])
