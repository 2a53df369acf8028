"""Build the site for tests as ``make build`` does: ``mkdocs build --strict``, then the post-build steps."""

from __future__ import annotations

import subprocess
from pathlib import Path

from scripts.build_site import POST_BUILD, mkdocs_build

ROOT = Path(__file__).resolve().parents[1]


def build_site(target: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Build into ``target``; ``site_url`` overrides the address the site is built for.

    The post-build steps (scripts.build_site.POST_BUILD: policy, decks, compression) run only when
    MkDocs succeeded; the result is MkDocs' own, so a test can show its output.
    """
    result = mkdocs_build(target, site_url)
    if result.returncode == 0:
        for step in POST_BUILD:
            step(target)
    return result
