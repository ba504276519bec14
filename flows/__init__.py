"""Prefect flows: orchestration only, no business rules."""
