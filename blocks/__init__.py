"""Prefect blocks the service reads its credentials from."""
