"""The case editor: one tab per part of the case model (DESIGN.md "Cases")."""
