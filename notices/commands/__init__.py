"""Command groups of the CLI; each module has register(subparsers)."""
from notices.commands import extract, track

COMMAND_GROUPS = [extract, track]
