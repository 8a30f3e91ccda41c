"""The `notices` command: a thin shell over the pipeline.

Each command group lives in notices/commands/ and adds its subcommands with register();
a command returns the exit code. Bad use gets one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import sys
from importlib import metadata

import regex

from notices.commands import COMMAND_GROUPS
from notices.commands.common import InertText, did_you_mean


class UsageError(Exception):
    """Bad use of the command line: reported as one line on stderr, exit code 2."""


# argparse's own messages, for the word the user mistyped and the words it could have been.
_INVALID_CHOICE = regex.compile(r"invalid choice: '(?P<word>[^']*)' \(choose from (?P<choices>.*)\)")
_UNRECOGNIZED = regex.compile(r"unrecognized arguments: (?P<words>.*)")


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors that say what was probably meant and where help is."""

    def parse_known_args(self, args=None, namespace=None):
        namespace, extras = super().parse_known_args(args, namespace)
        if extras and " " in self.prog:  # a command's own parser names the command in its error
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return namespace, extras

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {self._with_suggestion(message)} (see `{self.prog} --help`)\n")

    def _with_suggestion(self, message: str) -> str:
        if match := _INVALID_CHOICE.search(message):
            choices = regex.findall(r"'([^']*)'", match["choices"])
            if hint := did_you_mean(match["word"], choices):
                return message[:match.start()] + f"invalid choice {match['word']!r}{hint}"
        elif match := _UNRECOGNIZED.search(message):
            options = [name for action in self._actions for name in action.option_strings]
            first = match["words"].split()[0].split("=")[0]
            if first.startswith("-"):
                return message + did_you_mean(first, options)
        return message


def version() -> str:
    try:
        return metadata.version("notices")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="notices",
        description="Find the legal notices in Chinese newspaper pages and extract them into records.",
    )
    parser.add_argument("--version", action="version", version=f"notices {version()}")
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
