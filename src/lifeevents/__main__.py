"""``python -m lifeevents``: the command line."""

import sys

from lifeevents.cli import main

sys.exit(main())
