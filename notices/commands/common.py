"""What the command groups share: the page files named on the command line, the table width."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path


def existing_page_files(paths: list[str]) -> list[str]:
    """The page files of `paths` (directories expanded); a path that does not exist is bad use."""
    from notices.cli import UsageError  # notices.cli imports the command modules: import late
    from notices.pipeline import iter_page_files

    missing = [path for path in paths if not Path(path).exists()]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    files = iter_page_files(paths)
    if not files:
        print(f"notices: no page files in {', '.join(paths)}", file=sys.stderr)
    return files


def terminal_width() -> int | None:
    """The terminal's width for a table; None when output goes to a pipe, which gets it all."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None
