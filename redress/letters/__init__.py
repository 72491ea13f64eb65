"""Document generation from Word templates (no Qt)."""
