"""Clinic Composer: draft, check and plan a medical practice's social-media posts."""

__version__ = "0.1.0"
