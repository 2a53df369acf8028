"""The site, built once per test session and served on loopback: the content checks and the browser suite share it.

The runtime (wheel, precompiled standard library) is rebuilt from the current code first, then the
site is built the one way ``make build`` does (``scripts.build_site.build``: MkDocs strict, then every
post-build step) into a folder that is already being served, with ``site_url`` set to the serving
address: Material's instant navigation only works when they match.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts import build_runtime, build_site, serve_site


@dataclass(frozen=True)
class BuiltSite:
    """The session's build: where it is, where it is served, and what MkDocs said."""

    directory: Path
    url: str
    ok: bool
    output: str  # MkDocs' log (its warnings, or the reason strict mode refused the build)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The served folder the site is built into."""
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="session")
def built_site(site_dir: Path) -> Iterator[BuiltSite]:
    """Serve ``site_dir``, then build the runtime and the site into it (once per session)."""
    server = serve_site.start(site_dir)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        build_runtime.main()
        try:
            result = build_site.build(site_dir, site_url=url)
            yield BuiltSite(site_dir, url, ok=True, output=result.stdout + result.stderr)
        except build_site.BuildError as error:
            yield BuiltSite(site_dir, url, ok=False, output=str(error))
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def base_url(built_site: BuiltSite) -> str:
    """The served site's address (ends with ``/``); the test fails if the site did not build."""
    if not built_site.ok:
        pytest.fail(f"the site does not build:\n{built_site.output}")
    return built_site.url
