"""Fixtures for s3 tests."""
