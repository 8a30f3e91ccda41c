"""The `notices` command: a thin shell over the pipeline.

Each command group lives in notices/commands/ and adds its subcommands with register();
a command returns the exit code. Bad use gets one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import sys

from notices.commands import COMMAND_GROUPS
from notices.commands.common import InertText


class UsageError(Exception):
    """Bad use of the command line: reported as one line on stderr, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="notices",
        description="Find the legal notices in Chinese newspaper pages and extract them into records.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = InertText(sys.stdout), InertText(sys.stderr)
    try:
        return int(args.handler(args) or 0)
    except UsageError as error:
        print(f"notices: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `notices extract … | head`
        return 0
    except KeyboardInterrupt:
        return 130
    finally:
        sys.stdout, sys.stderr = streams
