"""Lighthouse scores of the built site: ``make audit`` (kept out of ``make test``).

Builds the site into a temporary folder with a ``site_url`` matching a loopback server (as the
browser tests do), serves it like production (precompressed copies), and runs the pinned npm
``lighthouse`` with Debian's Chromium on the home page and the assessment page: its default mobile
profile (phone screen, simulated slow 4G and 4× slower CPU). Prints the four category scores; with
``--reports DIR`` it also keeps Lighthouse's HTML reports there.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import build_site, chromium, serve_site

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {"beranda": "", "asesmen": "asesmen/berakhlak/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class AuditError(RuntimeError):
    """Lighthouse could not run or gave no scores."""


def lighthouse(url: str, report: Path | None = None) -> dict[str, int]:
    """Run Lighthouse on ``url``; returns each category's score 0–100."""
    flags = " ".join(["--headless=new", *chromium.ARGS])
    with tempfile.TemporaryDirectory() as work:
        output = Path(work) / "report"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            "--output=html",
            f"--output-path={output}",
            f"--chrome-flags={flags}",
        ]
        env = {**os.environ, "CHROME_PATH": chromium.EXECUTABLE}
        run = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        data = output.with_name("report.report.json")
        if run.returncode != 0 or not data.is_file():
            raise AuditError(f"lighthouse gagal untuk {url}: {run.stderr.strip()[-500:]}")
        result = json.loads(data.read_text(encoding="utf-8"))
        if report is not None:
            report.write_bytes(output.with_name("report.report.html").read_bytes())
    scores = {name: result["categories"][name]["score"] for name in CATEGORIES}
    if any(score is None for score in scores.values()):
        raise AuditError(f"lighthouse tidak memberi skor untuk {url}: {result.get('runWarnings')}")
    return {name: round(score * 100) for name, score in scores.items()}


def table(results: dict[str, dict[str, int]]) -> str:
    """The scores as a plain-text table, one row per page."""
    lines = [f"{'page':<10}" + "".join(f"{name:>16}" for name in CATEGORIES)]
    lines += [f"{page:<10}" + "".join(f"{scores[n]:>16}" for n in CATEGORIES) for page, scores in results.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build, serve on loopback, audit each page, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=Path, default=None, help="folder for Lighthouse's HTML reports")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} tidak ada: jalankan 'npm ci'", file=sys.stderr)
        return 2
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        server = serve_site.start(site)
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/"
            build_site.build(site, site_url=url)
            results = {
                name: lighthouse(url + path, args.reports / f"{name}.html" if args.reports else None)
                for name, path in PAGES.items()
            }
        except (build_site.BuildError, AuditError) as error:
            print(error, file=sys.stderr)
            return 1
        finally:
            server.shutdown()
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
