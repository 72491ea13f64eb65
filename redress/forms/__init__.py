"""Data-driven checklists, rule packs, screening, worksheets and deadlines (no Qt)."""
