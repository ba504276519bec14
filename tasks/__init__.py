"""Prefect tasks: one thin module per stage around a call into `loan_extractor`."""
