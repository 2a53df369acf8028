"""Implementation modules; import from ``assessment`` instead."""
