"""Entry point of ``python -m scripts.regulation``."""

import sys

from scripts.regulation.cli import main

sys.exit(main())
