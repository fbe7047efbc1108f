"""``clinic-composer screenshot VIEW --out FILE.png``: render a screen offscreen, for docs and reviews.

Without ``--database`` it renders the sample practice from a temporary database, so the README's
pictures never show anyone's real data.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from composer.domain.errors import ComposerError


def take_screenshot(args: argparse.Namespace, database_url: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from composer.app.gui import app_settings, apply_dark_palette, build_window, create_application
    from composer.services.demo import fill_demo
    from composer.services.workspace import open_workspace

    app = create_application()
    if args.dark:
        apply_dark_palette(app)
    with tempfile.TemporaryDirectory(prefix="clinic-composer-shot-") as scratch:
        explicit = getattr(args, "database", None)
        url = explicit or f"sqlite:///{Path(scratch) / 'demo.db'}"
        workspace = open_workspace(url)
        try:
            if not explicit:
                fill_demo(workspace)
            window = build_window(workspace, app_settings(Path(scratch)), demo=not explicit)
            window.resize(args.width, args.height)
            window.show_view(args.view)
            if args.view == "composer" and args.draft:
                _load_draft(window, args)
            window.show()
            app.processEvents()
            settle = getattr(window.views[args.view], "settle", None)
            if callable(settle):
                settle()
            app.processEvents()
            out = Path(args.out)
            out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(out)):
                raise ComposerError(f"Could not write the picture to {out}.")
            window.close()
        finally:
            workspace.close()
    print(f"Wrote {out}", file=sys.stderr)
    return 0


def _load_draft(window: object, args: argparse.Namespace) -> None:
    try:
        text = Path(args.draft).read_text(encoding="utf-8")
        reply_to = Path(args.reply_to).read_text(encoding="utf-8") if args.reply_to else ""
    except (OSError, UnicodeDecodeError) as error:
        raise ComposerError(f"Could not read the draft file {args.draft}.") from error
    view = window.views["composer"]  # type: ignore[attr-defined]
    loader = getattr(view, "show_text", None)
    if callable(loader):
        loader(text, profile_kind=args.profile_kind, platform=args.platform, reply_to=reply_to)
