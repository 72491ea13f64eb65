"""Data, no logic: templates, rule packs, checklists, schemas, demo cases, word lists."""
