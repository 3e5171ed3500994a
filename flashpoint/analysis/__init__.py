"""Analyses over coded data: pure functions with no store access (DataFrames or records in,
DataFrames or records out), shared by the CLI, the Python API and later the REST API."""
