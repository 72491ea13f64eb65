"""Alembic migrations for the vault schema (run by :mod:`redress.models.migrate`)."""
