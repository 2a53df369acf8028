"""Slide decks from the site's own pages: Markdown in ``docs/presentasi/`` → reveal.js 6.

:mod:`scripts.decks.source` cuts a deck page into slides (rendered with the site's Markdown
extensions), :mod:`scripts.decks.build` writes the slides, the shared assets and the presenter's zips,
:mod:`scripts.decks.qr` is the ``[[qr PATH]]`` Markdown extension. ``build_decks`` is a post-build step
of :mod:`scripts.build_site`; ``python -m scripts.decks --serve`` writes the decks into ``docs/`` for
``make serve``.
"""
