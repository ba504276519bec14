"""Fixtures for postgres tests."""
