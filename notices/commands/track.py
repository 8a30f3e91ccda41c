"""Tracking commands: `run` (the main job), `cases`, `case`, `hearings`, `watch`, `export`.

`run` reads pages into the SQLite store, then writes every export from everything stored. The
clock is read here and only here: `--today` (default: the real date) decides what is upcoming.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from notices.cases import find_cases
from notices.commands.common import (EXIT_NO_PAGES, add_calendar_option, add_jobs_option, counted, did_you_mean,
                                     existing_page_files, terminal_width, use_calendar)
from notices.export.columns import (CASE_TODAY_COLUMNS, COMPUTED_COLUMNS, HEARING_COLUMNS, NOTICE_COLUMNS, Column,
                                    case_today, cell_text, pick_columns)
from notices.export.common import computed_date_text, deadline_label, local_datetime_text
from notices.inert import one_line
from notices.model import CHINA_TZ, Case, Deadline, Notice, Run, moment_day, moment_key
from notices.store import Store, StoreError, StorePathError
from notices.watch import Hit, check_name, find_hits

if TYPE_CHECKING:
    from notices.pipeline import PageResult

DEFAULT_PAGES = "seeds"
DEFAULT_OUT = Path("exports")
DEFAULT_DB = DEFAULT_OUT / "notices.db"
EXIT_PAGE_FAILED = 1
EXIT_NEW_WATCH_HIT = 3
SHOWN_IN_SUMMARY = 10
# Table columns (names from notices.export.columns) where the renderer's defaults do not fit.
TIMELINE_COLUMNS = ["published", "type", "hearing", "venue", "documents", "page"]
HEARINGS_COLUMNS = ["start", "computed", "case_number", "respondents", "venue"]
DEADLINES_COLUMNS = ["date", "time", "kind", "marks", "alternative", "case_numbers", "respondents"]
CASES_COLUMNS = ["case_number", "respondents", "next_hearing", "next_deadline", "venue"]
PROGRESS_DELAY_SECONDS = 0.5  # a bar for batches that take more than a moment


def store_errors(handler):
    """A store that stays busy past the timeout, is damaged, too new or not a notices store, or
    sits on a failing disk is one line, exit 1."""
    @functools.wraps(handler)
    def guarded(args) -> int:
        try:
            return handler(args)
        except StoreError as error:  # its message names the file
            print(f"notices: {error}", file=sys.stderr)
            return 1
        except sqlite3.DatabaseError as error:
            print(f"notices: {one_line(str(args.db))}: {error}", file=sys.stderr)
            return 1
    return guarded


def register(subparsers) -> None:
    store_options = argparse.ArgumentParser(add_help=False)
    store_options.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"the store (default {DEFAULT_DB})")
    today_options = argparse.ArgumentParser(add_help=False)
    today_options.add_argument("--today", help="the date hearings and deadlines are upcoming from "
                                               "(YYYY-MM-DD; default: today in China)")

    run = subparsers.add_parser("run", parents=[store_options, today_options],
                                help="read pages, store them, write every export",
                                description="Read pages (default: seeds/), add what is new to the store, "
                                            "write every export from the whole store and print a summary.")
    run.add_argument("paths", nargs="*", metavar="PATH", help="page files or directories (default: seeds/)")
    run.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"export directory (default {DEFAULT_OUT}/)")
    run.add_argument("--fail-on-watch", action="store_true", help=f"exit {EXIT_NEW_WATCH_HIT} on a new watch-list hit")
    run.add_argument("--reread", action="store_true", help="extract pages again even when already stored")
    add_calendar_option(run)
    add_jobs_option(run)
    run.set_defaults(handler=run_command)

    cases = subparsers.add_parser("cases", parents=[store_options, today_options],
                                  help="one row per case, with its next hearing and next computed date")
    add_output_options(cases, CASE_TODAY_COLUMNS, CASES_COLUMNS)
    cases.set_defaults(handler=cases_command)

    case = subparsers.add_parser("case", parents=[store_options, today_options],
                                 help="the timeline of one case")
    add_output_options(case, NOTICE_COLUMNS, TIMELINE_COLUMNS)
    case.add_argument("key", metavar="CASE", help="case number as printed (any brackets, with or without 第), "
                                                  "part of one (2888号), or a party's name")
    case.set_defaults(handler=case_command)

    hearings = subparsers.add_parser("hearings", parents=[store_options],
                                     help="hearings in a date range, as printed and computed")
    add_output_options(hearings, HEARING_COLUMNS, HEARINGS_COLUMNS)
    hearings.add_argument("--from", dest="start", help="first day, YYYY-MM-DD (default: today)")
    hearings.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default: no end)")
    hearings.set_defaults(handler=hearings_command)

    deadlines = subparsers.add_parser("deadlines", parents=[store_options],
                                      help="computed dates (deemed service, answer, evidence, appeal) in a date range")
    add_output_options(deadlines, COMPUTED_COLUMNS, DEADLINES_COLUMNS)
    deadlines.add_argument("--from", dest="start", help="first day, YYYY-MM-DD (default: today)")
    deadlines.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default: no end)")
    deadlines.set_defaults(handler=deadlines_command)

    watch = subparsers.add_parser("watch", help="the watch list of names").add_subparsers(
        dest="watch_command", metavar="ACTION", required=True)
    for action, handler, help_text in [("add", watch_add, "watch names"), ("remove", watch_remove, "stop watching")]:
        parser = watch.add_parser(action, parents=[store_options], help=help_text)
        parser.add_argument("names", nargs="+", metavar="NAME", help="a company's or a person's name, as printed")
        parser.set_defaults(handler=handler)
    watch.add_parser("list", parents=[store_options], help="watched names").set_defaults(handler=watch_list)
    watch.add_parser("hits", parents=[store_options], help="notices naming a watched name").set_defaults(
        handler=watch_hits)

    export = subparsers.add_parser("export", parents=[store_options], help="write one export from the store")
    export.add_argument("format", metavar="FORMAT", help="csv, cases-csv, xlsx, jsonl, ics, html")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    export.set_defaults(handler=export_command)


def add_output_options(parser, available: list[Column], default: list[str]) -> None:
    parser.add_argument("--format", choices=["table", "csv", "jsonl"], default="table",
                        help="a table for the terminal (default), CSV or JSON lines")
    parser.add_argument("--columns", help=f"columns, comma separated (default: {', '.join(default)}); any of: "
                                          + ", ".join(column.name for column in available))
    parser.add_argument("--width", type=int, help="table width (default: the terminal's; a pipe gets it all)")


# notices run

@dataclass
class RunSummary:
    pages: int = 0
    pages_new: int = 0
    pages_known: int = 0
    failed: list[str] = field(default_factory=list)
    notices_new: int = 0
    notices_known: int = 0
    recounted: int = 0  # stored notices whose dates were counted again on a changed calendar
    new_ids: list[str] = field(default_factory=list)  # the notices new to the store, in page order
    found_ids: list[str] = field(default_factory=list)  # every notice on the pages stored, in page order


@store_errors
def run_command(args) -> int:
    from notices.export import write_all
    from notices.export.html import run_page_name

    now = dt.datetime.now(CHINA_TZ)  # read here, in the CLI layer; the core is given dates
    today = today_of(args)
    use_calendar(args)
    files = existing_page_files(args.paths or [DEFAULT_PAGES], skip=(args.out,))  # never its own exports
    if not files:  # an empty inbox: said on stderr, and the exports stay as they are
        return EXIT_NO_PAGES
    read_at = now.isoformat(timespec="seconds")
    with open_store(args.db, create=True) as store:
        recounted = recount_dates(store)
        summary = store_pages(store, files, read_at, args.reread, args.jobs)
        summary.recounted = recounted
        with store.locked():  # exports from a consistent store, one run at a time
            notices, cases = store.notices(), store.cases()
            hits = find_hits(store.watch_list(), notices)
            new_hits = store.record_hits(hits)
            review, review_page = {}, None
            if summary.pages_new or summary.failed:  # a run that read nothing new changes nothing
                run = store.add_run(Run(read_at=read_at, pages=summary.pages, pages_new=summary.pages_new,
                                        pages_failed=len(summary.failed), hits_new=len(new_hits),
                                        found=summary.found_ids, new=summary.new_ids))
                review = run_review(store, run, notices, hits, args.out)
                review_page = args.out / run_page_name(run)
            try:
                args.out.mkdir(parents=True, exist_ok=True)
                written = write_all(args.out, notices, cases, review)
            except OSError as error:
                raise usage_error(f"cannot write the exports to {args.out}: {error.strerror or error}") from None
    print_summary(summary, cases, notices, hits, new_hits, today, args.out, written, review_page)
    if args.fail_on_watch and new_hits:
        return EXIT_NEW_WATCH_HIT  # the alert wins: failed pages are on stderr already
    return EXIT_PAGE_FAILED if summary.failed else 0


def recount_dates(store: Store) -> int:
    """Count the stored notices' dates again when the calendar changed since they were counted
    (a schedule file added, a new chinese_calendar): the store and every export follow at once,
    without re-reading a page. Returns how many notices' dates changed."""
    from notices import workdays
    from notices.deadlines import derive  # dates only: a notice's id does not depend on them

    version = workdays.version()
    if store.setting("calendar") == version:
        return 0
    stored = store.notices()
    counted = [derive(notice) for notice in stored]
    store.replace_records(counted, {"calendar": version})
    return sum(1 for before, after in zip(stored, counted) if before != after)


def store_pages(store: Store, files: list[str], read_at: str, reread: bool, jobs: int = 1) -> RunSummary:
    """Read each page here, extract it on `jobs` processes, store it here in page order, each in
    its own transaction; a bad page is reported and skipped, the others go on."""
    from tqdm import tqdm

    from notices.parallel import in_order

    summary = RunSummary()
    progress = tqdm(total=len(files), unit="page", file=sys.stderr, delay=PROGRESS_DELAY_SECONDS, leave=False,
                    disable=not sys.stderr.isatty())
    for page, result in in_order(extracted, read_pages(store, files, reread), jobs):
        summary.pages += 1
        error = page.error or (result.error if result else None)
        if error:
            summary.failed.append(page.path)
            tqdm.write(f"notices: cannot read {one_line(page.path)}: {error}", file=sys.stderr)
        elif result is None:
            summary.pages_known += 1
            summary.notices_known += store.page_notice_count(page.sha256)
        else:
            store_result(store, page, result, read_at, reread, summary)
        progress.update(1)
    progress.close()
    return summary


@dataclass(frozen=True)
class PageBytes:
    """A page read in the run's own process, to be extracted in any."""
    path: str  # its name (page_name)
    sha256: str = ""
    data: bytes = b""
    error: str | None = None  # it could not be read
    known: bool = False  # its content is stored already: nothing to extract


def read_pages(store: Store, files: list[str], reread: bool):
    from notices.read import UnreadablePage, page_name, read_bytes

    for path in files:
        try:
            data = read_bytes(path)
        except UnreadablePage as error:
            yield PageBytes(str(path), error=str(error))
            continue
        name, sha256 = page_name(path), hashlib.sha256(data).hexdigest()
        known = already_stored(store.page_path(sha256), name, reread)
        yield PageBytes(name, sha256, b"" if known else data, known=known)


def extracted(page: PageBytes) -> tuple[PageBytes, PageResult | None]:
    """The page's records (None when nothing was to be extracted); the bytes are not sent back."""
    from notices.pipeline import extract_bytes

    if page.error or page.known:
        return page, None
    try:
        return PageBytes(page.path, page.sha256), extract_bytes(page.data, page.path)
    except Exception as error:  # bad content never stops the batch
        return PageBytes(page.path, page.sha256, error=f"{type(error).__name__}: {error}"), None


def store_result(store: Store, page: PageBytes, result: PageResult, read_at: str, reread: bool,
                 summary: RunSummary) -> None:
    for note in result.notes:
        print(f"notices: {one_line(result.page)}: {note}", file=sys.stderr)
    added = store.add_page(result, page.sha256, read_at=read_at)
    summary.notices_new += len(added.new)
    summary.new_ids.extend(added.new)
    summary.notices_known += added.known
    if already_stored(added.stored_from, page.path, reread):  # another run (or an earlier copy) stored it
        summary.pages_known += 1
        return
    summary.pages_new += 1
    summary.found_ids.extend(added.found)


def run_review(store: Store, run: Run, notices: list[Notice], hits: list[Hit], out: Path) -> dict[str, bytes]:
    """The run's review page and the index of runs, with links to the page files it read."""
    from notices.export import review_files

    found = set(run.found)
    links = page_links({notice.page for notice in notices if notice.id in found}, out)
    return review_files(run, store.runs(), notices, hits_by_notice(hits), links)


def hits_by_notice(hits: list[Hit]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for hit in hits:
        if hit.name not in names.setdefault(hit.notice_id, []):
            names[hit.notice_id].append(hit.name)
    return names


def page_links(pages: set[str], out: Path) -> dict[str, str]:
    """Each page file, as a link from a run's review page (in out/review/)."""
    from urllib.parse import quote

    from notices.export.html import REVIEW_FOLDER

    folder = (out / REVIEW_FOLDER).absolute()
    return {page: quote(os.path.relpath(Path(page).absolute(), folder).replace(os.sep, "/"))
            for page in sorted(pages) if Path(page).is_file()}


def already_stored(stored_from: str | None, path, reread: bool) -> bool:
    """--reread extracts a stored page again, but a copy of it from elsewhere is still a copy."""
    return stored_from is not None and (not reread or stored_from != str(path))


def upcoming(cases: list[Case], today: dt.date) -> list[Case]:
    """Cases whose current hearing is today or later, soonest first."""
    return in_range(cases, today, None)


def in_range(cases: list[Case], start: dt.date | None, end: dt.date | None) -> list[Case]:
    def day(case: Case) -> dt.date:
        return moment_day(case.hearing)

    chosen = [case for case in cases if case.hearing is not None
              and (start is None or day(case) >= start) and (end is None or day(case) <= end)]
    return sorted(chosen, key=lambda case: (moment_key(case.hearing), case.key))


def print_summary(summary: RunSummary, cases: list[Case], notices: list[Notice], hits: list[Hit],
                  new_hits: list[Hit], today: dt.date, out: Path, written: list[Path], review: Path | None) -> None:
    """What a morning mail from cron needs: what is new (notices, watch hits), what is coming, and
    what went wrong, one line per kind of problem."""
    by_id = {notice.id: notice for notice in notices}
    new = [by_id[notice_id] for notice_id in summary.new_ids if notice_id in by_id]
    print(f"pages read: {summary.pages} ({summary.pages_new} new, {summary.pages_known} already stored, "
          f"{len(summary.failed)} failed)")
    print(f"notices found: {summary.notices_new + summary.notices_known} ({summary.notices_new} new, "
          f"{summary.notices_known} already known); in the store: {counted(len(notices), 'notice')}, "
          f"{counted(len(cases), 'case')}")
    if summary.recounted:
        from notices.workdays import version

        print(f"dates counted again: {counted(summary.recounted, 'stored notice')} "
              f"(the holiday calendar changed: version {version()})")
    if new:
        print(f"new notices: {len(new)}")
        for notice in new[:SHOWN_IN_SUMMARY]:
            print(*("  " + line for line in new_notice_lines(notice)), sep="\n")
        if len(new) > SHOWN_IN_SUMMARY:
            print(f"  … {len(new) - SHOWN_IN_SUMMARY} more in {review}")
    coming = upcoming(cases, today)
    print(f"upcoming hearings (from {today}): {len(coming)}")
    for case in coming[:SHOWN_IN_SUMMARY]:
        print(f"  {local(case.hearing)}  {case_label(case)}  {'；'.join(case.respondents)}")
    if len(coming) > SHOWN_IN_SUMMARY:
        print(f"  … {len(coming) - SHOWN_IN_SUMMARY} more: notices hearings --from {today}")
    from notices.export.hearings import computed_hearings, starts_within

    computed = [h for h in computed_hearings(notices) if starts_within(h.start, today, None)]
    if computed:  # a hearing the notice sets relative to its periods (举证期满后第3日): only computed
        print(f"computed hearings (from {today}): {len(computed)}")
        for hearing in computed[:SHOWN_IN_SUMMARY]:
            parts = [computed_date_text(hearing.computed), hearing.case_number, "；".join(hearing.respondents)]
            print("  " + "  ".join(part for part in parts if part))
        if len(computed) > SHOWN_IN_SUMMARY:
            print(f"  … {len(computed) - SHOWN_IN_SUMMARY} more in hearings.ics")
    earlier = f"; all {len(hits)}: notices watch hits" if len(hits) > len(new_hits) else ""
    print(f"watch-list hits: {len(new_hits)} new{earlier}")
    for hit in new_hits:  # a hit reported once: a daily mail does not grow with every earlier one
        print(f"  NEW {describe_hit(hit, by_id.get(hit.notice_id))}")
    problems = problem_lines(summary, new)
    if len(problems) > 1:
        print("problems:", *("  " + line for line in problems), sep="\n")
    else:
        print(f"problems: {problems[0] if problems else 'none'}")
    print(f"exports: {counted(len(written), 'file')} in {out}/")
    print(f"review page: {review or 'none: no new page was read'}")


def new_notice_lines(notice: Notice) -> list[str]:
    """Two lines that read at 80 columns: the case and what the notice is; whom it names and its
    next date ('2026-06-09 14:00', or '视为送达 2026-04-24 [计算]')."""
    from notices.export.common import notice_type_text

    when = local(notice.hearing_datetime) if notice.hearing_datetime else ""
    if not when and notice.deadlines:
        first = notice.deadlines[0]
        when = f"{deadline_label(first.kind)} {computed_date_text(first)}"
    who = "；".join(notice.respondents) or "no respondent read"
    return [f"{'、'.join(notice.case_numbers) or 'no case number'}  {notice_type_text(notice.notice_type)}",
            "    " + "  ".join(part for part in (who, when) if part)]


def problem_lines(summary: RunSummary, new: list[Notice]) -> list[str]:
    """One line per kind of problem (unread pages; each field and code among the new notices)."""
    from collections import Counter

    lines = [f"{counted(len(summary.failed), 'page')} could not be read (named on stderr)"] if summary.failed else []
    kinds = Counter(kind for notice in new for kind in {(p.field or "notice", p.code) for p in notice.problems})
    lines += [f"{field} {code}: {counted(n, 'new notice')}" for (field, code), n in sorted(kinds.items())]
    if kinds:
        lines[-1] += " (see the review export)"
    return lines


def describe_hit(hit: Hit, notice: Notice | None) -> str:
    where = f"{hit.role} {hit.party}" if hit.party else "named in the text"
    if notice is None:
        return f"{hit.name}: {where}"
    number = notice.case_numbers[0] if notice.case_numbers else "no case number"
    return f"{hit.name}: {where}; {number}; {notice.publication_date or 'undated'}; {notice.page}"


# Queries on the store

@store_errors
def cases_command(args) -> int:
    """Cases in key order; the table and CSV add what is still to come on --today."""
    today = today_of(args)
    with open_store(args.db) as store:
        cases = store.cases()
    write_records(args, CASE_TODAY_COLUMNS, CASES_COLUMNS, [case_today(case, today) for case in cases],
                  lambda view: view.case.model_dump_json())
    return 0


@store_errors
def hearings_command(args) -> int:
    """Hearings in the range, soonest first: as printed, and computed (marked) for notices that set
    them relative to their periods."""
    from notices.export.hearings import all_hearings, starts_within

    start, end = date_range(args)
    with open_store(args.db) as store:
        notices, cases = store.notices(), store.cases()
    chosen = [h for h in all_hearings(notices, cases) if starts_within(h.start, start, end)]
    write_records(args, HEARING_COLUMNS, HEARINGS_COLUMNS, chosen, columns_json(HEARING_COLUMNS))
    return 0


@store_errors
def deadlines_command(args) -> int:
    """Computed dates in the range (deemed service, answer, evidence, appeal, computed hearings),
    soonest first, each with its marks and rule."""
    from notices.export.hearings import computed_dates, starts_within

    start, end = date_range(args)
    with open_store(args.db) as store:
        notices = store.notices()
    chosen = [entry for entry in computed_dates(notices) if starts_within(entry.deadline.date, start, end)]
    write_records(args, COMPUTED_COLUMNS, DEADLINES_COLUMNS, chosen, columns_json(COMPUTED_COLUMNS))
    return 0


def date_range(args) -> tuple[dt.date, dt.date | None]:
    """--from (default: today in China) and --to (default: no end)."""
    start = parse_date(args.start, "--from") if args.start else china_today()
    end = parse_date(args.end, "--to") if args.end else None
    if end and end < start:
        raise usage_error(f"--to {end} is before --from {start}")
    return start, end


def columns_json(columns):
    """A record as one JSON object of its columns' cells (dates as ISO text)."""
    return lambda record: json.dumps({column.name: cell_text(column.get(record)) or None for column in columns},
                                     ensure_ascii=False)


@store_errors
def case_command(args) -> int:
    with open_store(args.db) as store:
        notices, cases, sightings = store.notices(), store.cases(), store.sightings()
    matches = find_cases(cases, args.key)
    if not matches:
        raise usage_error(f"no case {args.key} in {args.db}")
    if len(matches) > 1:
        listed = ", ".join(case_label(case) + (f" ({'；'.join(case.respondents)})" if not case.case_number else "")
                           for case in matches[:SHOWN_IN_SUMMARY])
        raise usage_error(f"{args.key} matches {len(matches)} cases: {listed}")
    [case] = matches
    by_id = {notice.id: notice for notice in notices}
    timeline = [by_id[event.notice_id] for event in case.timeline]
    if args.format == "jsonl":
        emit((case.model_dump_json() + "\n").encode("utf-8"))
        return 0
    if args.format == "table":
        print(case_header(case, today_of(args)))
    write_records(args, NOTICE_COLUMNS, TIMELINE_COLUMNS, timeline, lambda notice: notice.model_dump_json())
    if args.format == "table":
        in_case = {event.notice_id for event in case.timeline}
        reprints = [f"  {s.page} [{s.span[0]}, {s.span[1]})  {by_id[s.notice_id].publication_date or ''}"
                    for s in sightings if s.notice_id in in_case and s.page != by_id[s.notice_id].page]
        if reprints:
            print("also printed on:", *reprints, sep="\n")
        dated = sorted(((d, n) for n in timeline for d in n.deadlines), key=lambda pair: (pair[0].date, pair[0].kind))
        if dated:
            print("computed dates:", *(f"  {computed_date_text(d)}  {deadline_label(d.kind)} {d.kind}  {d.rule}"
                                       for d, _ in dated), sep="\n")
    return 0


def case_header(case: Case, today: dt.date) -> str:
    """The case at a glance; its hearing is "next" only while it is to come."""
    from notices.cases import next_deadline, next_hearing

    history = ", ".join(local(moment) for moment in case.hearing_history)
    coming, deadline = next_hearing(case, today), next_deadline(case, today)
    if coming is None:
        hearing = f"last hearing: {local(case.hearing)}" if case.hearing else "next hearing:"
    else:
        hearing = f"next hearing: {computed_date_text(coming) if isinstance(coming, Deadline) else local(coming)}"
    lines = [
        f"case:         {case_label(case)}",
        f"authority:    {case.authority or ''}",
        f"respondents:  {'；'.join(case.respondents)}",
        f"claimants:    {'；'.join(case.claimants)}",
        f"dispute:      {case.dispute_type or ''}",
        f"status:       {status_text(case.status)}",
        hearing + (f"  (announced: {history})" if len(case.hearing_history) > 1 else ""),
        f"venue:        {case.venue or ''}",
        "next date:    " + (f"{computed_date_text(deadline)} {deadline_label(deadline.kind)} {deadline.kind}"
                            if deadline else ""),
    ]
    return "\n".join(lines)


def write_records(args, available, table_default: list[str], records: list, as_json) -> None:
    """Records in the order given (the renderers of notices.export.table sort by key)."""
    from notices.export.csvfile import csv_bytes
    from notices.export.table import render

    if args.format == "jsonl":
        if args.columns:
            raise usage_error("--columns applies to --format table and csv; jsonl gives whole records")
        emit("".join(as_json(record) + "\n" for record in records).encode("utf-8"))
        return
    names = column_list(args.columns)
    try:
        if args.format == "csv":
            chosen = pick_columns(available, names, [column.name for column in available])
            emit(csv_bytes(chosen, records))
        else:
            chosen = pick_columns(available, names, table_default)
            print(render(chosen, records, args.width or terminal_width()))
    except ValueError as error:  # an unknown column name
        raise usage_error(str(error)) from None


# The watch list

@store_errors
def watch_add(args) -> int:
    try:
        names = [check_name(name) for name in args.names]  # all or none
    except ValueError as error:
        raise usage_error(str(error)) from None
    with open_store(args.db, create=True) as store:
        notices = store.notices()
        for name in names:
            added = store.watch_add(name)
            named = len({hit.notice_id for hit in find_hits([name], notices)})
            state = "watching" if added else "already watching"
            stored = counted(named, "stored notice")
            print(f"{state} {name}" + (f" (named in {stored}: the next run reports them)" if added and named else ""))
    return 0


@store_errors
def watch_remove(args) -> int:
    with open_store(args.db, writable=True) as store:
        missing = [name for name in args.names if not store.watch_remove(name)]
    for name in missing:
        print(f"notices: not watched: {name}", file=sys.stderr)
    return 1 if missing else 0


@store_errors
def watch_list(args) -> int:
    with open_store(args.db) as store:
        for name in store.watch_list():
            print(name)
    return 0


@store_errors
def watch_hits(args) -> int:
    with open_store(args.db) as store:
        hits, notices = store.hits(), {notice.id: notice for notice in store.notices()}
    for hit in hits:
        print(describe_hit(hit, notices.get(hit.notice_id)))
    return 0


# notices export

@store_errors
def export_command(args) -> int:
    write = writer(args.format)
    if args.output is None and args.format == "xlsx" and sys.stdout.isatty():
        raise usage_error("xlsx is a binary file and would garble the terminal: give -o FILE.xlsx, or redirect")
    with open_store(args.db) as store:
        data = write(store.notices(), store.cases())
    if args.output is None:
        emit(data)
        return 0
    try:
        args.output.write_bytes(data)
    except OSError as error:
        raise usage_error(f"cannot write {args.output}: {error.strerror or error}") from None
    return 0


# Helpers

def usage_error(message: str) -> Exception:
    from notices.cli import UsageError  # notices.cli imports the command modules: import late

    return UsageError(message)


def writer(name: str):
    from notices.export import WRITERS

    if name not in WRITERS:
        raise usage_error(f"unknown export format {name!r}{did_you_mean(name, WRITERS) or ';'} "
                          f"one of: {', '.join(sorted(WRITERS))}")
    return WRITERS[name]


def open_store(path: Path, create: bool = False, writable: bool = False) -> Store:
    """The store, read-only unless the command makes it or writes to it: a query writes nothing,
    and answers from a store in a read-only folder. A path that cannot hold a store, or holds
    none, is bad use (exit 2)."""
    try:
        return Store.open(path, create=create, readonly=not (create or writable))
    except StorePathError as error:
        raise usage_error(str(error)) from None


def today_of(args) -> dt.date:
    return parse_date(args.today, "--today") if args.today else china_today()


def china_today() -> dt.date:
    """Today in China, where the hearings are held (not the machine's time zone)."""
    return dt.datetime.now(CHINA_TZ).date()


def parse_date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise usage_error(f"{option} wants a date as YYYY-MM-DD, not {text!r}") from None


def column_list(text: str | None) -> list[str] | None:
    return [name.strip() for name in text.split(",") if name.strip()] if text else None




def status_text(notice_type: str) -> str:
    from notices.export.common import notice_type_text

    return notice_type_text(notice_type)


def case_label(case: Case) -> str:
    """The case as users know it: the key of a case without a number is the store's business."""
    return case.case_number or "no case number"


def local(moment: dt.date) -> str:
    return local_datetime_text(moment)


def emit(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()

