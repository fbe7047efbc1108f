"""Where the app keeps its data on this machine (platformdirs), and which database to open.

The order is: ``--database``, then ``CLINIC_COMPOSER_DATABASE_URL``, then a SQLite file in the user's
data folder. The demo practice gets a file of its own so sample posts never mix with real ones.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from composer.storage.database import ENV_DATABASE_URL, sqlite_url

APP_NAME = "ClinicComposer"
APP_AUTHOR = "ClinicComposer"
ENV_DATA_DIR = "CLINIC_COMPOSER_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) if override else Path(user_data_dir(APP_NAME, APP_AUTHOR))


def default_database_url() -> str:
    return sqlite_url(data_dir() / "clinic-composer.db")


def demo_database_url() -> str:
    return sqlite_url(data_dir() / "demo.db")


def resolve_database_url(explicit: str | None, *, demo: bool = False) -> str:
    if explicit:
        return explicit
    if demo:
        return demo_database_url()
    return os.environ.get(ENV_DATABASE_URL) or default_database_url()
