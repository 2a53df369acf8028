"""Build the site for tests: ``mkdocs build --strict`` in a subprocess, as ``make build`` does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_site(target: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Build into ``target``; ``site_url`` overrides the address the site is built for."""
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
