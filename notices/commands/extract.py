"""`notices extract PAGE...` and `notices eval DIR...`."""
from __future__ import annotations

import sys
from pathlib import Path

from notices.export.table import NOTICE_TABLE_COLUMNS
from notices.commands.common import (EXIT_NO_PAGES, add_calendar_option, add_jobs_option, counted,
                                     existing_page_files, terminal_width, use_calendar)
from notices.inert import one_line
from notices.pipeline import extract_page
from notices.read import STDIN


def register(sub) -> None:
    extract = sub.add_parser("extract", help="print the notices found in pages (files or directories)")
    extract.add_argument("pages", nargs="+", metavar="PAGE", help="page files or folders; - reads standard input")
    extract.add_argument("--format", choices=("table", "jsonl", "csv"), default="table",
                         help="a table for the terminal (default), JSON lines or CSV")
    extract.add_argument("--columns", help="table columns, comma-separated: " + ", ".join(NOTICE_TABLE_COLUMNS))
    extract.add_argument("--width", type=int, help="table width (default: the terminal's; a pipe gets it all)")
    add_calendar_option(extract)
    add_jobs_option(extract)
    extract.set_defaults(handler=run_extract)

    evaluate = sub.add_parser("eval", help="score extraction against labelled corpus directories")
    evaluate.add_argument("corpora", nargs="+", metavar="DIR", help="labelled corpus folders (NAME.txt beside NAME.json)")
    evaluate.add_argument("--misses", type=int, default=40, help="how many misses to list (default 40)")
    evaluate.add_argument("--json", action="store_true", help="print the counts as JSON (the tests' score table)")
    evaluate.add_argument("--layouts", action="store_true",
                          help="score the corpora set in every page layout (OCR columns, one line, traditional, …)")
    evaluate.set_defaults(handler=run_eval)


def run_extract(args) -> int:
    from notices.cli import UsageError
    from notices.export import WRITERS
    from notices.export.table import render_notices_table

    if (args.columns or args.width) and args.format != "table":
        raise UsageError("--columns and --width shape the table; csv and jsonl have all of it")
    use_calendar(args)
    files = existing_page_files(args.pages)
    if not files:
        return EXIT_NO_PAGES
    from notices.parallel import in_order

    notices, failed = [], 0
    jobs = 1 if STDIN in files else args.jobs  # standard input is this process's to read
    for result in in_order(extract_page, files, jobs):
        if result.error:
            failed += 1
            print(f"notices: skipped {one_line(result.page)}: {result.error}", file=sys.stderr)
        for note in result.notes:
            print(f"notices: {one_line(result.page)}: {note}", file=sys.stderr)
        notices.extend(result.notices)
    if args.format == "table":
        columns = args.columns.split(",") if args.columns else None
        try:
            table = render_notices_table(notices, columns=columns, width=args.width or terminal_width())
        except ValueError as error:
            raise UsageError(str(error)) from None
        print(table)
        print(f"{counted(len(notices), 'notice')} in {counted(len(files) - failed, 'page')}"
              + (f"; {counted(failed, 'page')} could not be read" if failed else ""), file=sys.stderr)
    else:
        sys.stdout.buffer.write(WRITERS[args.format](notices, []))
        sys.stdout.flush()
    return 1 if failed else 0


def run_eval(args) -> int:
    from notices.cli import UsageError
    from notices.evaluate import combined, evaluate, report

    corpora = [Path(name) for name in args.corpora]
    missing = [str(corpus) for corpus in corpora if not corpus.is_dir()]
    if missing:
        raise UsageError(f"not a directory: {', '.join(missing)}")
    if args.layouts:
        from notices.evaluate import layout_report, layout_results

        results = layout_results(corpora)
        if not args.json:
            print(layout_report(results))
            return 0
    else:
        results = [evaluate(corpus) for corpus in corpora]
    if args.json:
        from notices.evaluate import scores_json

        sys.stdout.write(scores_json(results))
        return 0
    print("\n\n".join(report(result, misses=args.misses) for result in results))
    if len(results) > 1:
        print("\n" + report(combined(results), misses=0))
    return 0
