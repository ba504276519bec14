"""Wrappers of external binaries: one module per binary, a probe apart from the runs."""
