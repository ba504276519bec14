"""Fixtures for receivers tests."""
