"""``python -m newsie``: the same command line as the ``newsie`` console script."""

import sys

from newsie.cli import main

sys.exit(main())
