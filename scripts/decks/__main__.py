"""``python -m scripts.decks SITE_DIR`` (decks of a built site) or ``--serve`` (into docs/ for mkdocs serve)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.build_site import BuildError
from scripts.decks.build import build_decks, build_decks_for_serve
from scripts.decks.source import DeckError


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", help="folder situs yang sudah dibangun")
    parser.add_argument("--serve", action="store_true", help="tulis slide ke docs/presentasi/ untuk make serve")
    args = parser.parse_args(argv)
    if not args.serve and args.site is None:
        parser.error("sebutkan folder situs atau --serve")
    try:
        decks = build_decks_for_serve() if args.serve else build_decks(args.site)
    except (DeckError, BuildError) as error:
        print(f"galat: {error}", file=sys.stderr)
        return 2
    print(f"{len(decks)} presentasi dibangun: {', '.join(deck.slug for deck in decks)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
