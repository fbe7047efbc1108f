"""The ``clinic-composer`` command (DESIGN.md 2.1): the GUI by default, and headless sub-commands.

Qt is imported only when a window or a screenshot is wanted, so ``check``, ``demo``, ``topics`` and
``audit`` run on a server with no display. Every failure the user can act on is one sentence on stderr
with a non-zero exit code; a traceback appears only with ``--debug``. Error messages never include
draft text.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from composer import __version__
from composer.app.paths import resolve_database_url
from composer.domain.errors import ComposerError

if TYPE_CHECKING:
    from composer.services.workspace import Workspace

EXIT_USAGE = 2
VIEWS = ("composer", "review", "calendar", "library", "profiles")


def _add_database_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS lets the option appear before or after the sub-command without one clobbering the other.
    parser.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="SQLAlchemy URL, e.g. sqlite:///clinic.db or postgresql+psycopg://user@host/db "
        "(default: $CLINIC_COMPOSER_DATABASE_URL, else a file in your data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clinic-composer",
        description="Draft, check and plan a medical practice's social-media posts without risking patient privacy.",
    )
    parser.add_argument("--version", action="version", version=f"clinic-composer {__version__}")
    _add_database_option(parser)
    parser.add_argument("--demo", action="store_true", help="open a separate database filled with a sample practice")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks for unexpected errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check one draft, or many with --batch, for compliance problems")
    from composer.services import check_command

    check_command.configure_parser(check)

    demo = commands.add_parser("demo", help="fill an empty database with the sample practice")
    _add_database_option(demo)

    shot = commands.add_parser("screenshot", help="render a view offscreen to a PNG file")
    shot.add_argument("view", choices=VIEWS)
    shot.add_argument("--out", required=True, metavar="FILE.png")
    shot.add_argument("--width", type=int, default=1280)
    shot.add_argument("--height", type=int, default=800)
    shot.add_argument("--dark", action="store_true", help="render with a dark palette")
    shot.add_argument("--draft", metavar="FILE", help="for the composer: a text file to show as the draft")
    shot.add_argument("--profile-kind", choices=("practice", "personal"), default="practice")
    shot.add_argument("--platform", default="facebook")
    shot.add_argument("--reply-to", metavar="FILE", help="for the composer: the comment being answered")
    _add_database_option(shot)

    topics = commands.add_parser("topics", help="the health topic library")
    topic_commands = topics.add_subparsers(dest="topics_command", metavar="ACTION", required=True)
    listing = topic_commands.add_parser("list", help="print every topic with its citations")
    listing.add_argument("--format", choices=("json", "text"), default="text")
    _add_database_option(listing)

    audit = commands.add_parser("audit", help="the audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser("verify", help="re-compute the audit trail's hash chain")
    _add_database_option(verify)
    return parser


def _database_url(args: argparse.Namespace) -> str:
    return resolve_database_url(getattr(args, "database", None), demo=getattr(args, "demo", False))


def _run_check(args: argparse.Namespace) -> int:
    from composer.services import check_command

    return check_command.run(args)


def _with_workspace(url: str, action: Callable[[Workspace], int]) -> int:
    """Open (and migrate) the database for one command, and always close it."""
    from composer.services.workspace import open_workspace

    workspace = open_workspace(url)
    try:
        return action(workspace)
    finally:
        workspace.close()


def _run_demo(args: argparse.Namespace) -> int:
    from composer.services.demo import fill_demo

    def fill(workspace: Workspace) -> int:
        count = fill_demo(workspace)
        print(f"Filled {workspace.description} with the sample practice ({count} posts).")
        return 0

    return _with_workspace(_database_url(args), fill)


def _run_topics(args: argparse.Namespace) -> int:
    """The shipped library; with an explicit ``--database``, the practice's own topics too."""
    from composer.services.topic_listing import print_topics

    if getattr(args, "database", None) is None:
        return print_topics(args.format)
    return _with_workspace(args.database, lambda workspace: print_topics(args.format, workspace))


def _run_audit(args: argparse.Namespace) -> int:
    from composer.services.audit import verify

    def check(workspace: Workspace) -> int:
        verdict = verify(workspace)
        print(verdict.sentence(), file=sys.stdout if verdict.intact else sys.stderr)
        return 0 if verdict.intact else 1

    return _with_workspace(_database_url(args), check)


def _run_screenshot(args: argparse.Namespace) -> int:
    from composer.app.screenshot import take_screenshot

    return take_screenshot(args, _database_url(args))


def _run_gui(args: argparse.Namespace) -> int:
    from composer.app.gui import run_gui

    return run_gui(_database_url(args), demo=args.demo)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _run_gui,
    "check": _run_check,
    "demo": _run_demo,
    "topics": _run_topics,
    "audit": _run_audit,
    "screenshot": _run_screenshot,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ComposerError as error:
        if args.debug:
            raise
        print(f"clinic-composer: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (``| head``) closed the pipe: stop quietly, as command-line tools do.
        sys.stderr.close()
        return 0
    except Exception as error:
        if args.debug:
            raise
        # The message of an unexpected error may quote draft text, so only its type is shown.
        print(
            f"clinic-composer: an unexpected {type(error).__name__} stopped the command; "
            "run it again with --debug for details.",
            file=sys.stderr,
        )
        return 1
