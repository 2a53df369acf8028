"""Build the static site the one way ``make build`` and the tests do: MkDocs, then the post-build steps.

The steps run in order over the built folder (each takes the folder): add a step here, never in the
Makefile or a test, so every build is the same. Run: ``python -m scripts.build_site [-d site] [--site-url URL]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from scripts.csp import apply_csp
from scripts.decks.build import build_decks
from scripts.precompress import precompress
from scripts.runtime_key import write_runtime_key
from scripts.service_worker import write_service_worker

ROOT = Path(__file__).resolve().parent.parent

#: Post-build steps, in order; compression stays last so it sees every file the others wrote.
#: The decks come after the site-wide policy: their pages carry their own (see scripts/decks/build.py).
#: The service worker lists every file with its hash, so it comes after every step that writes one.
POST_BUILD: list[Callable[[Path], object]] = [
    apply_csp,
    build_decks,
    write_runtime_key,
    write_service_worker,
    precompress,
]


class BuildError(RuntimeError):
    """MkDocs refused the build; the message is its output."""


def mkdocs_build(target: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` into ``target``; ``site_url`` overrides the address built for."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def build(target: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Build the site into ``target`` and run every post-build step; raise :class:`BuildError` on failure."""
    result = mkdocs_build(target, site_url)
    if result.returncode != 0:
        raise BuildError(result.stderr)
    for step in POST_BUILD:
        step(target)
    return result


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url", default=None, help="alamat situs (bawaan: SITE_URL atau mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        build(args.site_dir, args.site_url)
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"situs dibangun di {args.site_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
