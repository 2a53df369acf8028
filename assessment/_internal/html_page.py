"""HTML shared by every view Python renders: the escaper, and the standalone file that wraps a view."""

from __future__ import annotations

TABLE_CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;line-height:1.5}
main{max-width:60rem;margin:0 auto;padding:1rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #555;padding:.4rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold}
"""
"""The base of the standalone files of the tables-heavy views (recaps, the unit's evaluation)."""


#: What ``html.escape(quote=True)`` replaces, with the same entities; the ``html`` package itself is
#: not imported, since it loads its 2 000 named entities (about 0.1 MB for the browser to fetch).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def html_text(text: object) -> str:
    """``text`` as HTML text or attribute value (``& < > " '`` escaped): nothing from outside is markup."""
    return str(text).translate(_ESCAPES)


def standalone_page(title: str, heading: str, body: str, css: str) -> str:
    """A complete HTML file in Indonesian with inline CSS that loads nothing from elsewhere."""
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html_text(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{html_text(heading)}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )
