"""``python -m assessment``: see :mod:`assessment._internal.cli`."""

import sys

from assessment._internal.cli import main

sys.exit(main())
