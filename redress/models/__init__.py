"""The vault: encrypted storage, key slots, the case model, attachments, audit log, interchange.

Nothing in this package imports Qt (DESIGN.md "Layout"); the desktop and the command line sit on
top of it.
"""
