"""Redress: encrypted, offline case work for lawyers who represent survivors of trafficking."""

__version__ = "0.1.0"
