"""Allows ``python -m composer`` to behave exactly like the ``clinic-composer`` command."""

import sys

from composer.app.cli import main

sys.exit(main())
